import type { PermissionSlice } from '../../platform/permissions.js';

/**
 * Who may do what with the member registry.
 * - member.read includes grid_worker: grid workers pair members with households and organise duty
 *   shifts in their own village/community, so they see (masked) members of their subtree only.
 *   unit_contact and resident do not read the registry.
 * - member.self: a member reads their own record (GET /api/members/me).
 * - member.reveal (plaintext ID number or phone, audited with a reason) is street_admin only.
 * - auditor reads and exports everything in scope and writes nothing.
 */
export const memberPermissions: PermissionSlice = {
  'member.read': ['street_admin', 'instructor', 'secretary', 'grid_worker', 'auditor'],
  'member.self': ['member'],
  'member.write': ['street_admin', 'secretary'],
  'member.reveal': ['street_admin'],
  'member.import': ['street_admin', 'secretary'],
  'member.export': ['street_admin', 'instructor', 'secretary', 'auditor'],
};
