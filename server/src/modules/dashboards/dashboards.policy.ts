import type { PermissionSlice } from '../../platform/permissions.js';

export const dashboardPermissions: PermissionSlice = {
  /** The dashboard, big screen, report page and every metric's records, over the actor's subtree. */
  'dashboard.read': ['street_admin', 'instructor', 'secretary', 'grid_worker', 'auditor'],
  /** Saving a generated report with the metric versions it used. */
  'dashboard.snapshot': ['street_admin', 'secretary'],
  /** The ledger centre; each ledger also names its own permission. */
  'ledger.read': ['street_admin', 'instructor', 'secretary', 'grid_worker', 'auditor'],
  /** One's own to-do inbox and daily digest. */
  'inbox.read': ['platform_admin', 'street_admin', 'instructor', 'secretary', 'grid_worker', 'member', 'unit_contact', 'resident', 'auditor'],
};
