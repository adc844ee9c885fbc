import type { ModuleManifest } from '../../platform/module.js';
import { accountPermissions } from './accounts.policy.js';
import { accountRoutes } from './accounts.routes.js';

export { resolveActor, createUser, linkUserToMember, findUserIdsByUsername } from './accounts.service.js';
export { checkPasswordPolicy, generatePassword, hashPassword } from './passwords.js';
export { users } from './accounts.table.js';
export { runSecurityHousekeeping, type HousekeepingReport } from './housekeeping.js';

export const accountsModule: ModuleManifest = {
  name: 'accounts',
  prefix: '/api/auth',
  routes: accountRoutes,
  permissions: accountPermissions,
};
