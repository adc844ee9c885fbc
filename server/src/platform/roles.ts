export const roles = [
  'platform_admin',
  'street_admin',
  'instructor',
  'secretary',
  'grid_worker',
  'member',
  'unit_contact',
  'resident',
  'auditor',
] as const;

export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  platform_admin: '平台管理员',
  street_admin: '街道管理员',
  instructor: '党建指导员',
  secretary: '支部书记',
  grid_worker: '网格员',
  member: '党员',
  unit_contact: '共建单位联络人',
  resident: '居民',
  auditor: '纪检监察',
};

/** Roles whose data scope is the whole street regardless of their scope root. */
export const streetWideRoles: readonly Role[] = ['street_admin', 'auditor', 'platform_admin'];
