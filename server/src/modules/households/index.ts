import type { ModuleManifest } from '../../platform/module.js';
import { householdPermissions } from './households.policy.js';
import { householdRoutes } from './households.routes.js';

export { households, householdTags } from './households.table.js';
export { householdReachPath, getHouseholdInReach, type Household } from './households.service.js';

export const householdsModule: ModuleManifest = {
  name: 'households',
  prefix: '/api/households',
  routes: householdRoutes,
  permissions: householdPermissions,
};
