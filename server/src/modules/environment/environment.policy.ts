import type { PermissionSlice } from '../../platform/permissions.js';

export const environmentPermissions: PermissionSlice = {
  'environment.read': ['street_admin', 'instructor', 'secretary', 'grid_worker', 'auditor'],
  /** List 散乱污 enterprises, tick the 两断三清 checklist, record re-checks and site daily checks. */
  'environment.write': ['street_admin', 'secretary', 'grid_worker'],
  /** 销号 and 联审联批 decisions are the street's. */
  'environment.sign_off': ['street_admin'],
  'environment.entry.review': ['street_admin'],
};
