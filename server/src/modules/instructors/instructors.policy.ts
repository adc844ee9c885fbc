import type { PermissionSlice } from '../../platform/permissions.js';

export const instructorPermissions: PermissionSlice = {
  'instructor.read': ['street_admin', 'instructor', 'secretary', 'auditor'],
  'instructor.write': ['street_admin'],
};
