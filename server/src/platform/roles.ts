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
  'system_admin',
  'security_admin',
  'audit_admin',
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
  system_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
};

/**
 * Administrator roles (等保 2.0 level 3 separates them): they get two-factor login and password expiry.
 * system_admin runs accounts, security_admin runs roles, password policy and sessions, audit_admin reads and
 * exports the audit log and changes no business data.
 */
export const adminRoles: readonly Role[] = ['platform_admin', 'street_admin', 'system_admin', 'security_admin', 'audit_admin'];

/** Roles whose data scope is the whole street regardless of their scope root. */
export const streetWideRoles: readonly Role[] = ['street_admin', 'auditor', 'platform_admin', 'system_admin', 'security_admin', 'audit_admin'];
