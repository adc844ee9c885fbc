import type { PermissionSlice } from '../../platform/permissions.js';

export const volunteerPermissions: PermissionSlice = {
  'volunteer.read': ['street_admin', 'instructor', 'secretary', 'grid_worker', 'member', 'auditor'],
  'volunteer.manage': ['street_admin', 'secretary'],
  'volunteer.join': ['member'],
};
