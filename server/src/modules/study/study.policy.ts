import type { PermissionSlice } from '../../platform/permissions.js';

export const studyPermissions: PermissionSlice = {
  'study.read': ['street_admin', 'instructor', 'secretary', 'member', 'auditor'],
  'study.plan': ['street_admin'],
  'study.session': ['street_admin', 'secretary'],
  /** A member uploads their own study notes. */
  'study.note': ['member'],
  'spotcheck.read': ['street_admin', 'instructor', 'secretary', 'auditor'],
  'spotcheck.draw': ['street_admin', 'secretary'],
  'spotcheck.review': ['street_admin', 'secretary'],
  'spotcheck.export': ['street_admin', 'instructor', 'secretary', 'auditor'],
};
