import type { ModuleManifest } from '../../platform/module.js';
import { dutyMetrics } from './duty-rosters.metrics.js';
import { dutyPermissions } from './duty-rosters.policy.js';
import { dutyRoutes } from './duty-rosters.routes.js';
import { seedDutyRosters } from './duty-rosters.seed.js';

export { dutyShifts, dutyAssignments } from './duty-rosters.table.js';

export const dutyRostersModule: ModuleManifest = {
  name: 'duty-rosters',
  prefix: '/api/duty-rosters',
  routes: dutyRoutes,
  permissions: dutyPermissions,
  seedDemo: seedDutyRosters,
  seedOrder: 40,
  metrics: dutyMetrics,
};
