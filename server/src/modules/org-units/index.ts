import type { ModuleManifest } from '../../platform/module.js';
import { orgPermissions } from './org-units.policy.js';
import { orgRoutes } from './org-units.routes.js';

export { orgUnits, orgKinds, type OrgKind } from './org-units.table.js';
export { orgKindLabels, allowedChildKinds } from './org-units.rules.js';
export {
  inScope,
  underPath,
  underStreetOrPath,
  isStreetRoot,
  getOrgInScope,
  subtreeIds,
  insertOrgUnit,
  orgNames,
  toOrgResponse,
  type OrgUnit,
} from './org-units.service.js';

export const orgUnitsModule: ModuleManifest = {
  name: 'org-units',
  prefix: '/api/orgs',
  routes: orgRoutes,
  permissions: orgPermissions,
};
