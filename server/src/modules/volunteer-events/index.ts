import type { ModuleManifest } from '../../platform/module.js';
import { volunteerLedgers } from './volunteer-events.export.js';
import { volunteerMetrics } from './volunteer-events.metrics.js';
import { volunteerPermissions } from './volunteer-events.policy.js';
import { volunteerRoutes } from './volunteer-events.routes.js';
import { seedVolunteerEvents } from './volunteer-events.seed.js';

export { volunteerEvents, volunteerSignups } from './volunteer-events.table.js';

export const volunteerEventsModule: ModuleManifest = {
  name: 'volunteer-events',
  prefix: '/api/volunteer-events',
  routes: volunteerRoutes,
  permissions: volunteerPermissions,
  seedDemo: seedVolunteerEvents,
  seedOrder: 50,
  metrics: volunteerMetrics,
  ledgers: volunteerLedgers,
};
