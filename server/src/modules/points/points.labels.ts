import type { PointCategory } from './points.table.js';

export const categoryLabels: Record<PointCategory, string> = {
  visit: '排查走访',
  pairing: '结对帮扶',
  dispute: '化解矛盾',
  difficulty: '解决困难',
  duty: '轮岗值班',
  volunteer: '志愿服务',
};
