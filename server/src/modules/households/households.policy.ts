import type { PermissionSlice } from '../../platform/permissions.js';

export const householdPermissions: PermissionSlice = {
  'household.read': ['street_admin', 'instructor', 'secretary', 'grid_worker', 'member', 'auditor'],
  'household.write': ['street_admin', 'secretary', 'grid_worker'],
};
