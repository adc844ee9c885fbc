import { z } from 'zod';
import { roles } from '../../platform/roles.js';

export const loginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
  tenantCode: z.string().regex(/^\d{9}$/, '街道代码应为9位数字').optional(),
});
export type LoginBody = z.infer<typeof loginBody>;

export const meResponse = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(roles)),
    scopeOrgId: z.string(),
    scopeOrgName: z.string(),
    memberId: z.string().nullable(),
    tenant: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  }),
  permissions: z.array(z.string()),
});

/** Login answers: signed in ('done', with the user), or the next step a pending login owes. */
export const loginResponse = z.union([
  meResponse.extend({ step: z.literal('done'), recoveryCodes: z.array(z.string()) }),
  z.object({ step: z.enum(['totp', 'password']), mustEnrol: z.boolean(), recoveryCodes: z.array(z.string()) }),
]);

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().max(256),
});

export const sessionsResponse = z.object({
  items: z.array(z.object({ id: z.string(), createdAt: z.date(), lastSeenAt: z.date(), ip: z.string(), userAgent: z.string(), current: z.boolean() })),
});

export const permissionTableResponse = z.object({
  roles: z.array(z.string()),
  table: z.record(z.string(), z.array(z.string())),
});
