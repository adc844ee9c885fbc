import type { PermissionSlice } from '../../platform/permissions.js';

export const rectificationPermissions: PermissionSlice = {
  'rectification.read': ['street_admin', 'instructor', 'secretary', 'grid_worker', 'unit_contact', 'auditor'],
  /** Assign, start, submit a fix, ask for an extension. */
  'rectification.work': ['street_admin', 'instructor', 'secretary', 'grid_worker', 'unit_contact'],
  /** Verify or return a fix, re-open a closed item. */
  'rectification.verify': ['street_admin', 'instructor', 'secretary'],
  'rectification.extension.approve': ['street_admin', 'instructor', 'secretary'],
  'rectification.export': ['street_admin', 'instructor', 'secretary', 'grid_worker', 'auditor'],
  'calendar.read': ['street_admin', 'instructor', 'secretary', 'grid_worker', 'unit_contact', 'auditor'],
  'calendar.write': ['street_admin'],
};
