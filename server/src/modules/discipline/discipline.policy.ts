import type { PermissionSlice } from '../../platform/permissions.js';

export const disciplinePermissions: PermissionSlice = {
  /** Discipline records: street admins and auditors only; every read is audited. */
  'discipline.read': ['street_admin', 'auditor'],
  'discipline.write': ['street_admin'],
  'feedback.read': ['street_admin', 'auditor', 'instructor', 'secretary'],
  'feedback.write': ['street_admin'],
  /** 回头看: a re-check that may re-open a closed item (an auditor's finding). */
  'feedback.recheck': ['street_admin', 'auditor'],
  'feedback.export': ['street_admin', 'auditor'],
  'supervision.read': ['street_admin', 'auditor'],
  'supervision.write': ['street_admin'],
};
