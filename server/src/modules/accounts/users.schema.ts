import { z } from 'zod';
import { pageQuery, pagedResponse } from '../../platform/pagination.js';
import { roles } from '../../platform/roles.js';

export const listUsersQuery = pageQuery.extend({
  q: z.string().trim().max(64).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

export const userSummary = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(roles)),
  status: z.enum(['active', 'disabled']),
  disabledReason: z.string().nullable(),
  lastLoginAt: z.date().nullable(),
  passwordChangedAt: z.date(),
  twoFactor: z.boolean(),
  lockedUntil: z.date().nullable(),
  scopeOrgId: z.string().nullable(),
  scopeOrgName: z.string().nullable(),
  mustChangePassword: z.boolean(),
});
export const userListResponse = pagedResponse(userSummary);

export const userIdParams = z.object({ id: z.uuid() });
export const sessionIdParams = z.object({ id: z.string().max(64) });
export const statusBody = z.object({ status: z.enum(['active', 'disabled']), reason: z.string().trim().max(200).optional() });
export const rolesBody = z.object({ roles: z.array(z.enum(roles)).min(1, '至少一个角色').max(5) });

/** A new login from the system administrator: business roles only (administrator roles are the security administrator's). */
export const createUserBody = z.object({
  username: z.string().trim().regex(/^[A-Za-z0-9_.-]{2,32}$/, '用户名为2–32位字母、数字或 _ . -'),
  displayName: z.string().trim().min(1, '请输入姓名').max(40),
  roles: z.array(z.enum(roles)).min(1, '至少一个角色').max(5),
  scopeOrgId: z.uuid().optional(),
});
export type CreateUserBody = z.infer<typeof createUserBody>;
/** The one-time password is shown once to the administrator; the user must change it at the first login. */
export const createdUserResponse = z.object({ user: userSummary, temporaryPassword: z.string() });
export const scopeChoicesResponse = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), depth: z.number() })) });
export const passwordResetResponse = z.object({ temporaryPassword: z.string() });

export const securitySettingsBody = z.object({
  requireTotpForAdmins: z.boolean(),
  adminPasswordMaxDays: z.number().int().min(1).max(365),
  dormantDays: z.number().int().min(7).max(3650),
});

export const enrolmentResponse = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() });
export const codeBody = z.object({ code: z.string().trim().min(6).max(20) });
export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
export const twoFactorStatusResponse = z.object({ enabled: z.boolean(), recoveryCodesLeft: z.number(), required: z.boolean() });
export const passwordBody = z.object({ password: z.string().min(1).max(256) });
export const newPasswordBody = z.object({ newPassword: z.string().max(256) });
