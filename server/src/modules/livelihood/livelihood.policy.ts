import type { PermissionSlice } from '../../platform/permissions.js';

/** Who may do what in livelihood: resettlement, campaigns, co-building and residents' requests. */
export const livelihoodPermissions: PermissionSlice = {
  'resettlement.read': ['street_admin', 'instructor', 'secretary', 'grid_worker', 'auditor'],
  'resettlement.write': ['street_admin', 'secretary'],
  /** The street's rate definitions (开工率, 回迁率, 网签率, 满意率): read by anyone who sees the rates, set by the street. */
  'livelihood.settings.read': ['street_admin', 'instructor', 'secretary', 'grid_worker', 'auditor'],
  'livelihood.settings.write': ['street_admin'],
  'campaign.read': ['street_admin', 'instructor', 'secretary', 'grid_worker', 'auditor'],
  'campaign.manage': ['street_admin', 'secretary'],
  'campaign.write': ['street_admin', 'secretary', 'grid_worker'],
  /** Check findings: the auditor writes nothing but findings. */
  'campaign.finding': ['street_admin', 'instructor', 'auditor'],
  'cobuild.read': ['street_admin', 'instructor', 'secretary', 'unit_contact', 'auditor'],
  /** Communities: post needs, sign agreements, rate delivered projects. */
  'cobuild.write': ['street_admin', 'secretary'],
  /** Units: offer resources, claim needs, deliver. */
  'cobuild.offer': ['street_admin', 'unit_contact'],
  'request.read': ['street_admin', 'instructor', 'secretary', 'grid_worker', 'member', 'unit_contact', 'auditor'],
  /** Communities: accept, dispatch, answer, reject. */
  'request.handle': ['street_admin', 'secretary', 'grid_worker'],
  /** Members and units: claim and fulfil small wishes. */
  'request.claim': ['member', 'unit_contact', 'street_admin'],
};
