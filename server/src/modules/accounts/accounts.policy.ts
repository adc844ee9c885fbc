import type { PermissionSlice } from '../../platform/permissions.js';

export const accountPermissions: PermissionSlice = {
  'account.manage': ['street_admin', 'platform_admin'],
};
