import { and, count, eq, isNull } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Db } from '../../platform/db.js';
import { randomToken, sha256 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import type { ActorContext, AppServices } from '../../platform/request-context.js';
import { adminRoles, type Role } from '../../platform/roles.js';
import { recordAudit } from '../audit/index.js';
import { recoveryCodes, securitySettings, users } from './accounts.table.js';
import { verifyPassword } from './passwords.js';

export const RECOVERY_CODE_COUNT = 10;

export interface EffectiveSecuritySettings {
  requireTotpForAdmins: boolean;
  adminPasswordMaxDays: number;
  dormantDays: number;
}

/** The street's security settings, with the configuration's defaults where the street set nothing. */
export async function loadSecuritySettings(db: Db, services: AppServices, tenantId: number): Promise<EffectiveSecuritySettings> {
  const [row] = await db.select().from(securitySettings).where(eq(securitySettings.tenantId, tenantId));
  return {
    requireTotpForAdmins: row?.requireTotpForAdmins ?? false,
    adminPasswordMaxDays: row?.adminPasswordMaxDays ?? services.config.adminPasswordMaxDays,
    dormantDays: row?.dormantDays ?? services.config.dormantDays,
  };
}

export async function updateSecuritySettings(ctx: ActorContext, input: EffectiveSecuritySettings): Promise<EffectiveSecuritySettings> {
  const tenantId = ctx.actor.tenantId;
  await ctx.db.transaction(async (tx) => {
    const before = await loadSecuritySettings(tx, ctx.services, tenantId);
    await tx
      .insert(securitySettings)
      .values({ tenantId, ...input, updatedAt: new Date() })
      .onConflictDoUpdate({ target: securitySettings.tenantId, set: { ...input, updatedAt: new Date() } });
    await recordAudit(tx, ctx, { action: 'security.settings_changed', entityType: 'security_settings', entityId: String(tenantId), before, after: input });
  });
  return loadSecuritySettings(ctx.db, ctx.services, tenantId);
}

export function isAdministrator(roles: readonly Role[]): boolean {
  return roles.some((r) => adminRoles.includes(r));
}

type UserRow = typeof users.$inferSelect;

/** Checks a 6-digit TOTP code (±1 step for clock drift) or an unused recovery code; a code works once. */
export async function checkSecondFactor(db: Db, services: AppServices, user: UserRow, code: string): Promise<'totp' | 'recovery' | null> {
  const trimmed = code.replace(/\s+/g, '');
  if (/^\d{6}$/.test(trimmed)) {
    if (!user.totpSecret) return null;
    const secret = services.cipher.decrypt(user.totpSecret);
    const result = await verify({ secret, token: trimmed, epochTolerance: 30, ...(user.totpLastStep ? { afterTimeStep: user.totpLastStep } : {}) });
    if (!result.valid) return null;
    await db.update(users).set({ totpLastStep: 'timeStep' in result ? result.timeStep : null }).where(and(eq(users.tenantId, user.tenantId), eq(users.id, user.id)));
    return 'totp';
  }
  const hash = sha256(trimmed.toUpperCase());
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.tenantId, user.tenantId), eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, hash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return used.length > 0 ? 'recovery' : null;
}

export interface Enrolment {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

/** Starts (or restarts) enrolment: a new secret is stored encrypted; it is in force only after confirmation. */
export async function startEnrolment(db: Db, services: AppServices, user: Pick<UserRow, 'tenantId' | 'id' | 'username' | 'totpEnabledAt'>, tenantName: string): Promise<Enrolment> {
  if (user.totpEnabledAt) throw new AppError('INVALID_STATE', '已启用双因素认证；如需更换请先停用');
  const secret = generateSecret();
  await db.update(users).set({ totpSecret: services.cipher.encrypt(secret), totpLastStep: null }).where(and(eq(users.tenantId, user.tenantId), eq(users.id, user.id)));
  const otpauthUrl = generateURI({ issuer: `共建 ${tenantName}`, label: user.username, secret });
  return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 }) };
}

function newRecoveryCode(): string {
  // 10 characters from an alphabet without look-alikes, shown as XXXXX-XXXXX.
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const raw = randomToken(16);
  let out = '';
  for (let i = 0; out.length < 10; i++) out += alphabet[raw.charCodeAt(i % raw.length) % alphabet.length] ?? 'A';
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** Confirms enrolment with a first code; returns fresh recovery codes (shown once, stored hashed). */
export async function confirmEnrolment(db: Db, services: AppServices, source: Parameters<typeof recordAudit>[1], user: UserRow, code: string): Promise<string[]> {
  if (user.totpEnabledAt) throw new AppError('INVALID_STATE', '已启用双因素认证');
  if (!user.totpSecret) throw new AppError('INVALID_STATE', '请先开始绑定');
  const ok = /^\d{6}$/.test(code.trim()) && (await checkSecondFactor(db, services, user, code)) === 'totp';
  if (!ok) throw new AppError('VALIDATION', '验证码不正确', [{ path: 'code', message: '验证码不正确' }]);
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpEnabledAt: new Date(), updatedAt: new Date() }).where(and(eq(users.tenantId, user.tenantId), eq(users.id, user.id)));
    await tx.delete(recoveryCodes).where(and(eq(recoveryCodes.tenantId, user.tenantId), eq(recoveryCodes.userId, user.id)));
    await tx.insert(recoveryCodes).values(codes.map((c) => ({ tenantId: user.tenantId, userId: user.id, codeHash: sha256(c) })));
    await recordAudit(tx, source, { action: 'auth.totp_enabled', entityType: 'user', entityId: user.id });
  });
  return codes;
}

async function loadUser(db: Db, tenantId: number, userId: string): Promise<UserRow> {
  const [u] = await db.select().from(users).where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  if (!u) throw new AppError('NOT_FOUND', '用户不存在');
  return u;
}

export async function twoFactorStatus(ctx: ActorContext) {
  const u = await loadUser(ctx.db, ctx.actor.tenantId, ctx.actor.userId);
  const [{ n }] = await ctx.db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.tenantId, u.tenantId), eq(recoveryCodes.userId, u.id), isNull(recoveryCodes.usedAt)));
  const settings = await loadSecuritySettings(ctx.db, ctx.services, u.tenantId);
  return { enabled: u.totpEnabledAt !== null, recoveryCodesLeft: n, required: settings.requireTotpForAdmins && isAdministrator(u.roles) };
}

export async function enrolSelf(ctx: ActorContext): Promise<Enrolment> {
  const u = await loadUser(ctx.db, ctx.actor.tenantId, ctx.actor.userId);
  return startEnrolment(ctx.db, ctx.services, u, ctx.actor.tenantName);
}

export async function confirmSelf(ctx: ActorContext, code: string): Promise<string[]> {
  const u = await loadUser(ctx.db, ctx.actor.tenantId, ctx.actor.userId);
  return confirmEnrolment(ctx.db, ctx.services, ctx, u, code);
}

/** Turning two-factor off needs the password, and is refused where the street requires it for this user. */
export async function disableSelf(ctx: ActorContext, password: string): Promise<void> {
  const u = await loadUser(ctx.db, ctx.actor.tenantId, ctx.actor.userId);
  if (!(await verifyPassword(u.passwordHash, password))) throw new AppError('VALIDATION', '密码不正确', [{ path: 'password', message: '密码不正确' }]);
  const settings = await loadSecuritySettings(ctx.db, ctx.services, u.tenantId);
  if (settings.requireTotpForAdmins && isAdministrator(u.roles)) throw new AppError('INVALID_STATE', '本街道要求管理员使用双因素认证，不能停用');
  await clearTwoFactor(ctx.db, ctx, u, 'auth.totp_disabled');
}

/** Removes a user's second factor (self-service, or the security administrator's reset for a lost phone). */
export async function clearTwoFactor(db: Db, source: Parameters<typeof recordAudit>[1], u: Pick<UserRow, 'tenantId' | 'id'>, action: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: new Date() }).where(and(eq(users.tenantId, u.tenantId), eq(users.id, u.id)));
    await tx.delete(recoveryCodes).where(and(eq(recoveryCodes.tenantId, u.tenantId), eq(recoveryCodes.userId, u.id)));
    await recordAudit(tx, source, { action, entityType: 'user', entityId: u.id });
  });
}
