import type { PermissionSlice } from '../../platform/permissions.js';

/**
 * 等保 2.0 level 3 separates three administrators: the system administrator runs accounts, the security
 * administrator runs roles, the password and two-factor policy and sessions, the audit administrator only
 * reads the audit log (audit module). street_admin keeps account management for the single-admin street.
 */
export const accountPermissions: PermissionSlice = {
  'account.read': ['street_admin', 'platform_admin', 'system_admin', 'security_admin'],
  'account.manage': ['street_admin', 'platform_admin', 'system_admin'],
  'security.manage': ['platform_admin', 'security_admin'],
  'privacy.handle': ['street_admin', 'system_admin'],
};
