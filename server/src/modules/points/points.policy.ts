import type { PermissionSlice } from '../../platform/permissions.js';

export const pointsPermissions: PermissionSlice = {
  'points.read': ['street_admin', 'instructor', 'secretary', 'grid_worker', 'member', 'auditor'],
  'points.claim': ['member'],
  'points.approve': ['street_admin', 'secretary'],
  'points.reverse': ['street_admin', 'secretary'],
  'points.rules.write': ['street_admin'],
  'points.export': ['street_admin', 'instructor', 'secretary', 'auditor'],
};
