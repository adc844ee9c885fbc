import type { PermissionSlice } from '../../platform/permissions.js';

export const auditPermissions: PermissionSlice = {
  'audit.read': ['street_admin', 'auditor', 'audit_admin'],
  'audit.export': ['street_admin', 'auditor', 'audit_admin'],
};
