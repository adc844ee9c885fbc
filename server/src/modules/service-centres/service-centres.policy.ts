import type { PermissionSlice } from '../../platform/permissions.js';

export const centrePermissions: PermissionSlice = {
  'centre.read': ['street_admin', 'instructor', 'secretary', 'grid_worker', 'auditor'],
  /** Address, area, opening hours, photos of a centre in scope. */
  'centre.write': ['street_admin', 'secretary'],
  /** Check a centre against the standard. */
  'centre.assess': ['street_admin', 'instructor'],
  /** Publish a new version of the standard checklist. */
  'centre.standard': ['street_admin'],
};
