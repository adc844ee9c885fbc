import type { ModuleManifest } from '../../platform/module.js';
import { tourLedgers } from './tours.export.js';
import { tourInbox } from './tours.inbox.js';
import { tourMetrics } from './tours.metrics.js';
import { tourPermissions } from './tours.policy.js';
import { tourRoutes } from './tours.routes.js';
import { seedTours } from './tours.seed.js';

export { tours, tourStops, tourFindings } from './tours.table.js';

export const toursModule: ModuleManifest = {
  name: 'tours',
  prefix: '/api/tours',
  routes: tourRoutes,
  permissions: tourPermissions,
  seedDemo: seedTours,
  seedOrder: 45,
  metrics: tourMetrics,
  inbox: tourInbox,
  ledgers: tourLedgers,
};
