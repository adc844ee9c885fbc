const zh = {
  'audit.menu': '审计日志',
  'audit.subtitle': '所有写操作都记入只增不改的哈希链日志。',
  'audit.seq': '序号',
  'audit.at': '时间',
  'audit.actor': '操作人',
  'audit.action': '操作',
  'audit.entity': '对象',
  'audit.ip': 'IP',
  'audit.reason': '原因',
  'audit.timeRange': '时间范围',
  'audit.before': '变更前',
  'audit.after': '变更后',
  'audit.detailTitle': '审计记录 #{seq}',
  'audit.verify': '校验哈希链',
  'audit.verify.ok': '哈希链完整：已校验 {checked} 条记录',
  'audit.verify.broken': '哈希链在第 {seq} 条记录处断裂（已校验 {checked} 条）',
};

const en: Record<keyof typeof zh, string> = {
  'audit.menu': 'Audit log',
  'audit.subtitle': 'Every write is recorded in an append-only, hash-chained log.',
  'audit.seq': 'No.',
  'audit.at': 'Time',
  'audit.actor': 'Actor',
  'audit.action': 'Action',
  'audit.entity': 'Entity',
  'audit.ip': 'IP',
  'audit.reason': 'Reason',
  'audit.timeRange': 'Time range',
  'audit.before': 'Before',
  'audit.after': 'After',
  'audit.detailTitle': 'Audit event #{seq}',
  'audit.verify': 'Verify hash chain',
  'audit.verify.ok': 'Hash chain intact: {checked} events checked',
  'audit.verify.broken': 'Hash chain broken at event {seq} ({checked} checked)',
};

export const messages = { zh, en };
