import type { PermissionSlice } from '../../platform/permissions.js';

export const tourPermissions: PermissionSlice = {
  'tour.read': ['street_admin', 'instructor', 'secretary', 'auditor'],
  /** Plan a tour, score its stops, record findings. */
  'tour.write': ['street_admin', 'instructor'],
  'tour.export': ['street_admin', 'instructor', 'secretary', 'auditor'],
};
