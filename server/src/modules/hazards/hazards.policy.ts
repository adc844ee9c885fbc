import type { PermissionSlice } from '../../platform/permissions.js';

export const hazardPermissions: PermissionSlice = {
  'hazard.read': ['street_admin', 'instructor', 'secretary', 'grid_worker', 'auditor'],
  'hazard.report': ['street_admin', 'secretary', 'grid_worker'],
  /** Decide 立即整改 / 限期整改 (the service also lets only the reporter or the street side decide). */
  'hazard.decide': ['street_admin', 'instructor', 'secretary', 'grid_worker'],
  'hazard.export': ['street_admin', 'instructor', 'secretary', 'grid_worker', 'auditor'],
  'open311.keys.manage': ['street_admin'],
};
