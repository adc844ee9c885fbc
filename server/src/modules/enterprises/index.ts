import type { ModuleManifest } from '../../platform/module.js';
import { enterpriseLedgers } from './enterprises.ledgers.js';
import { enterpriseMetrics } from './enterprises.metrics.js';
import { enterprisePermissions } from './enterprises.policy.js';
import { enterpriseRoutes } from './enterprises.routes.js';
import { seedEnterprises } from './enterprises.seed.js';

export { enterprises, enterpriseInspections, inspectionFindings, emergencyDrills, enterpriseCategories, inspectionDepartments, type EnterpriseCategory } from './enterprises.table.js';
export { checkCreditCode, getEnterpriseInScope, type Enterprise } from './enterprises.service.js';
export { enterpriseCategoryLabels } from './enterprises.ledgers.js';
export { DEMO_KEY_UNITS, DEMO_TRAINING_INSTITUTIONS, DEMO_DRILLS, DEMO_WORKSHOPS_BANNED } from './enterprises.seed.js';

export const enterprisesModule: ModuleManifest = {
  name: 'enterprises',
  prefix: '/api/enterprises',
  routes: enterpriseRoutes,
  permissions: enterprisePermissions,
  seedDemo: seedEnterprises,
  seedOrder: 60,
  metrics: enterpriseMetrics,
  ledgers: enterpriseLedgers,
};
