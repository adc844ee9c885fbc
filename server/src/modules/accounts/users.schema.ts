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
});
export const userListResponse = pagedResponse(userSummary);

export const userIdParams = z.object({ id: z.uuid() });
export const sessionIdParams = z.object({ id: z.string().max(64) });
export const statusBody = z.object({ status: z.enum(['active', 'disabled']), reason: z.string().trim().max(200).optional() });
export const rolesBody = z.object({ roles: z.array(z.enum(roles)).min(1, '至少一个角色').max(5) });

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
