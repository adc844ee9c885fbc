import type { PermissionSlice } from '../../platform/permissions.js';

export const dutyPermissions: PermissionSlice = {
  'duty.read': ['street_admin', 'instructor', 'secretary', 'grid_worker', 'member', 'auditor'],
  'duty.manage': ['street_admin', 'secretary'],
  'duty.join': ['member'],
};
