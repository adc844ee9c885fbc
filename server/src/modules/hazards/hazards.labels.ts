import type { HazardCategory, HazardSeverity } from './hazards.table.js';

export const hazardCategoryLabels: Record<HazardCategory, string> = {
  fire: '消防安全',
  production: '安全生产',
  construction: '建筑工地',
  gas: '燃气安全',
  public_order: '治安隐患',
  sanitation: '环境卫生',
  environment: '生态环境',
  traffic: '交通安全',
  other: '其他',
};

export const hazardSeverityLabels: Record<HazardSeverity, string> = {
  general: '一般',
  major: '较大',
  serious: '重大',
};
