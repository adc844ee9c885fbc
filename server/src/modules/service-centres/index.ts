import type { ModuleManifest } from '../../platform/module.js';
import { centreMetrics } from './service-centres.metrics.js';
import { centrePermissions } from './service-centres.policy.js';
import { centreRoutes } from './service-centres.routes.js';
import { seedServiceCentres } from './service-centres.seed.js';

export { serviceCentres } from './service-centres.table.js';
export { listCentres, centreStandardSql } from './service-centres.service.js';

export const serviceCentresModule: ModuleManifest = {
  name: 'service-centres',
  prefix: '/api/service-centres',
  routes: centreRoutes,
  permissions: centrePermissions,
  seedDemo: seedServiceCentres,
  seedOrder: 40,
  metrics: centreMetrics,
};
