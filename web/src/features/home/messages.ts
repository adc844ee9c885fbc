const zh = {
  'home.menu': '工作台',
  'home.greeting.morning': '早上好，{name}',
  'home.greeting.noon': '中午好，{name}',
  'home.greeting.afternoon': '下午好，{name}',
  'home.greeting.evening': '晚上好，{name}',
  'home.roles': '角色',
  'home.scope': '管辖范围',
  'home.street': '所属街道',
  'home.quickLinks': '快捷入口',
  'home.noLinks': '暂无可用功能，请联系管理员分配权限。',
};

const en: Record<keyof typeof zh, string> = {
  'home.menu': 'Workbench',
  'home.greeting.morning': 'Good morning, {name}',
  'home.greeting.noon': 'Good day, {name}',
  'home.greeting.afternoon': 'Good afternoon, {name}',
  'home.greeting.evening': 'Good evening, {name}',
  'home.roles': 'Roles',
  'home.scope': 'Scope',
  'home.street': 'Sub-district',
  'home.quickLinks': 'Quick links',
  'home.noLinks': 'Nothing is available to you yet; ask an administrator for permissions.',
};

export const messages = { zh, en };
