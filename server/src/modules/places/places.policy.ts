import type { PermissionSlice } from '../../platform/permissions.js';

export const placePermissions: PermissionSlice = {
  'grid.read': ['street_admin', 'instructor', 'secretary', 'grid_worker', 'auditor'],
  /** Grids, boundaries, staff and 楼院党小组 links. */
  'grid.write': ['street_admin'],
};
