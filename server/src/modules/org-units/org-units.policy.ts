import type { PermissionSlice } from '../../platform/permissions.js';

export const orgPermissions: PermissionSlice = {
  'org.read': ['street_admin', 'instructor', 'secretary', 'grid_worker', 'member', 'unit_contact', 'auditor'],
  'org.write': ['street_admin', 'secretary'],
};
