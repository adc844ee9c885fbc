import type { PermissionSlice } from '../../platform/permissions.js';

export const enterprisePermissions: PermissionSlice = {
  'enterprise.read': ['street_admin', 'instructor', 'secretary', 'grid_worker', 'auditor'],
  'enterprise.write': ['street_admin', 'secretary', 'grid_worker'],
  'enterprise.inspect': ['street_admin', 'instructor', 'secretary', 'grid_worker'],
  /** 取缔 a workshop: a street decision. */
  'enterprise.ban': ['street_admin'],
  'enterprise.drill.write': ['street_admin', 'secretary', 'grid_worker'],
};
