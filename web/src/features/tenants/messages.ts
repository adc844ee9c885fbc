const zh = {
  'tenants.menu': '街道管理',
  'tenants.subtitle': '平台内的街道；新街道按 9 位区划代码从全国行政区划自动建立村、社区组织。',
  'tenants.code': '区划代码',
  'tenants.name': '街道名称',
  'tenants.createdAt': '创建时间',
  'tenants.create': '新建街道',
  'tenants.create.codeHint': '9 位乡镇/街道区划代码，如 410182002（京城路街道）',
  'tenants.create.codeInvalid': '请输入 9 位数字区划代码',
  'tenants.created.title': '街道已创建',
  'tenants.created.hint': '请立即记录管理员初始密码，此窗口关闭后将无法再次查看。',
  'tenants.created.adminUsername': '管理员账号',
  'tenants.created.adminPassword': '初始密码',
  'tenants.error.CONFLICT': '该街道已存在',
  'tenants.error.NOT_FOUND': '未找到该区划代码对应的街道',
};

const en: Record<keyof typeof zh, string> = {
  'tenants.menu': 'Sub-districts',
  'tenants.subtitle': 'Sub-districts on the platform; a new one gets its villages and communities from the national division codes.',
  'tenants.code': 'Division code',
  'tenants.name': 'Name',
  'tenants.createdAt': 'Created',
  'tenants.create': 'New sub-district',
  'tenants.create.codeHint': '9-digit township/sub-district code, e.g. 410182002 (Jingchenglu)',
  'tenants.create.codeInvalid': 'Enter a 9-digit division code',
  'tenants.created.title': 'Sub-district created',
  'tenants.created.hint': 'Write down the administrator’s initial password now; it is not shown again.',
  'tenants.created.adminUsername': 'Admin username',
  'tenants.created.adminPassword': 'Initial password',
  'tenants.error.CONFLICT': 'This sub-district already exists',
  'tenants.error.NOT_FOUND': 'No sub-district has this division code',
};

export const messages = { zh, en };
