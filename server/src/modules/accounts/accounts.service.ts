import { and, count, eq, gt, inArray, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { inAmbientTransaction, type Db } from '../../platform/db.js';
import { randomToken, sha256 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import type { Actor, ActorContext, AppServices, RequestContext } from '../../platform/request-context.js';
import type { Role } from '../../platform/roles.js';
import { recordAudit } from '../audit/index.js';
import { orgUnits } from '../org-units/org-units.table.js';
import { tenants } from '../tenants/tenants.table.js';
import type { LoginBody } from './accounts.schema.js';
import { loginFailures, sessions, users } from './accounts.table.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.js';
import { checkSecondFactor, confirmEnrolment, isAdministrator, loadSecuritySettings, startEnrolment, type Enrolment } from './two-factor.service.js';

export const SESSION_COOKIE = 'gj_session';
/** A login that still owes a second factor or a new password (10 minutes, path /api/auth/login). */
export const PENDING_COOKIE = 'gj_pending';
const PENDING_MINUTES = 10;
const PENDING_MAX_ATTEMPTS = 5;
const LOCK_AFTER_FAILURES = 5;
const LOCK_MINUTES = 15;
const IP_FAILURES_PER_15_MIN = 20;
const BAD_LOGIN = '用户名或密码错误';

let dummyHash: Promise<string> | undefined;

/** Verifies a password against nothing, so an unknown user costs as much time as a wrong password. */
async function burnPasswordTime(memoryCost: number, password: string) {
  dummyHash ??= hashPassword('not-a-real-password-Gj1!', memoryCost);
  await verifyPassword(await dummyHash, password);
}

export type LoginStage = 'active' | 'totp' | 'password';

export interface LoginResult {
  cookie: string;
  userId: string;
  tenantId: number;
  /** 'active': signed in; 'totp': send the second factor; 'password': the password expired and must be changed. */
  stage: LoginStage;
  /** With stage 'totp': the user has no second factor yet and must enrol first (the street requires it). */
  mustEnrol: boolean;
}

/**
 * Login: 5 failures lock the account for 15 minutes; failures per source address are throttled;
 * unknown user and bad password answer the same.
 */
export async function login(db: Db, services: AppServices, input: LoginBody, ip: string, userAgent: string): Promise<LoginResult> {
  const since = new Date(Date.now() - LOCK_MINUTES * 60_000);
  const [{ n }] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.tenantId, 0), eq(loginFailures.ip, ip), gt(loginFailures.at, since)));
  if (n >= IP_FAILURES_PER_15_MIN) throw new AppError('RATE_LIMITED', '登录尝试过于频繁，请稍后再试');

  const candidates = await db
    .select({ user: users, tenantCode: tenants.code })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(input.tenantCode ? and(eq(users.username, input.username), eq(tenants.code, input.tenantCode)) : eq(users.username, input.username));
  if (candidates.length > 1) {
    throw new AppError('VALIDATION', '该用户名在多个街道存在，请填写街道代码', [{ path: 'tenantCode', message: '请填写街道代码' }]);
  }
  const found = candidates[0]?.user;
  const fail = async () => {
    await db.insert(loginFailures).values({ tenantId: 0, ip });
    return new AppError('UNAUTHENTICATED', BAD_LOGIN);
  };
  if (!found) {
    await burnPasswordTime(services.config.argon2MemoryKib, input.password);
    throw await fail();
  }
  const now = new Date();
  if (found.lockedUntil && found.lockedUntil > now) {
    throw new AppError('ACCOUNT_LOCKED', `登录失败次数过多，账户已锁定，请${LOCK_MINUTES}分钟后再试`);
  }
  const ok = await verifyPassword(found.passwordHash, input.password);
  if (!ok || found.status !== 'active') {
    const failures = found.failedLogins + 1;
    const lock = failures >= LOCK_AFTER_FAILURES;
    await db
      .update(users)
      .set({ failedLogins: lock ? 0 : failures, lockedUntil: lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : found.lockedUntil })
      .where(and(eq(users.tenantId, found.tenantId), eq(users.id, found.id)));
    await recordAudit(db, { tenantId: found.tenantId, actor: null, ip, requestId: '' }, {
      action: lock ? 'auth.locked' : 'auth.login_failed',
      entityType: 'user',
      entityId: found.id,
      after: { username: found.username },
    });
    throw await fail();
  }
  const settings = await loadSecuritySettings(db, services, found.tenantId);
  const admin = isAdministrator(found.roles);
  const needsTotp = found.totpEnabledAt !== null || (admin && settings.requireTotpForAdmins);
  const stage: LoginStage = needsTotp ? 'totp' : passwordExpired(found, settings.adminPasswordMaxDays, now) ? 'password' : 'active';
  const token = randomToken();
  const expiresAt = stage === 'active' ? new Date(now.getTime() + services.config.sessionMaxHours * 3600_000) : new Date(now.getTime() + PENDING_MINUTES * 60_000);
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({ tenantId: found.tenantId, tokenHash: sha256(token), userId: found.id, expiresAt, ip, userAgent: userAgent.slice(0, 300), stage });
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, ...(stage === 'active' ? { lastLoginAt: now } : {}) })
      .where(and(eq(users.tenantId, found.tenantId), eq(users.id, found.id)));
    await recordAudit(tx, { tenantId: found.tenantId, actor: null, ip, requestId: '' }, {
      action: stage === 'active' ? 'auth.login' : 'auth.login_password_ok',
      entityType: 'user',
      entityId: found.id,
      after: { username: found.username, ...(stage === 'active' ? {} : { next: stage }) },
    });
  });
  return { cookie: `${found.tenantId}.${token}`, userId: found.id, tenantId: found.tenantId, stage, mustEnrol: stage === 'totp' && found.totpEnabledAt === null };
}

/** Administrators' passwords expire after the street's limit; anyone flagged must change theirs. */
function passwordExpired(u: Pick<typeof users.$inferSelect, 'mustChangePassword' | 'passwordChangedAt' | 'roles'>, maxDays: number, now: Date): boolean {
  if (u.mustChangePassword) return true;
  return isAdministrator(u.roles) && now.getTime() - u.passwordChangedAt.getTime() > maxDays * 86_400_000;
}

interface Pending {
  tenantId: number;
  tokenHash: string;
  stage: LoginStage;
  attempts: number;
  user: typeof users.$inferSelect;
}

/** The pending login behind the gj_pending cookie; gone, expired or tried too often answers UNAUTHENTICATED. */
async function loadPending(db: Db, cookieValue: string | undefined): Promise<Pending> {
  const parsed = parseCookie(cookieValue);
  const expired = new AppError('UNAUTHENTICATED', '登录已过期，请重新输入用户名和密码');
  if (!parsed) throw expired;
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, and(eq(users.tenantId, sessions.tenantId), eq(users.id, sessions.userId)))
    .where(and(eq(sessions.tenantId, parsed.tenantId), eq(sessions.tokenHash, parsed.tokenHash)));
  if (!row || row.session.stage === 'active' || row.session.expiresAt <= new Date() || row.user.status !== 'active' || row.session.attempts >= PENDING_MAX_ATTEMPTS) {
    if (row) await db.delete(sessions).where(and(eq(sessions.tenantId, parsed.tenantId), eq(sessions.tokenHash, parsed.tokenHash)));
    throw expired;
  }
  return { tenantId: parsed.tenantId, tokenHash: parsed.tokenHash, stage: row.session.stage, attempts: row.session.attempts, user: row.user };
}

/** Moves a pending login on: to 'password' when the password has expired, else to a full session. */
async function advance(db: Db, services: AppServices, p: Pending, ip: string): Promise<LoginStage> {
  const settings = await loadSecuritySettings(db, services, p.tenantId);
  const now = new Date();
  const next: LoginStage = p.stage === 'totp' && passwordExpired(p.user, settings.adminPasswordMaxDays, now) ? 'password' : 'active';
  const expiresAt = next === 'active' ? new Date(now.getTime() + services.config.sessionMaxHours * 3600_000) : new Date(now.getTime() + PENDING_MINUTES * 60_000);
  await db.transaction(async (tx) => {
    await tx.update(sessions).set({ stage: next, attempts: 0, expiresAt, lastSeenAt: now }).where(and(eq(sessions.tenantId, p.tenantId), eq(sessions.tokenHash, p.tokenHash)));
    if (next === 'active') {
      await tx.update(users).set({ lastLoginAt: now }).where(and(eq(users.tenantId, p.tenantId), eq(users.id, p.user.id)));
      await recordAudit(tx, { tenantId: p.tenantId, actor: null, ip, requestId: '' }, { action: 'auth.login', entityType: 'user', entityId: p.user.id, after: { username: p.user.username } });
    }
  });
  return next;
}

/** Second step of login: a TOTP code (or a recovery code); with no second factor yet, the enrolment's first code. */
export async function completeTotp(db: Db, services: AppServices, cookieValue: string | undefined, code: string, ip: string): Promise<{ stage: LoginStage; recoveryCodes: string[] }> {
  const p = await loadPending(db, cookieValue);
  if (p.stage !== 'totp') throw new AppError('INVALID_STATE', '当前登录步骤不需要验证码');
  const source = { tenantId: p.tenantId, actor: null, ip, requestId: '' };
  let codes: string[] = [];
  if (p.user.totpEnabledAt === null) {
    try {
      codes = await confirmEnrolment(db, services, source, p.user, code);
    } catch (e) {
      await db.update(sessions).set({ attempts: p.attempts + 1 }).where(and(eq(sessions.tenantId, p.tenantId), eq(sessions.tokenHash, p.tokenHash)));
      throw e;
    }
  } else {
    const how = await checkSecondFactor(db, services, p.user, code);
    if (!how) {
      await db.update(sessions).set({ attempts: p.attempts + 1 }).where(and(eq(sessions.tenantId, p.tenantId), eq(sessions.tokenHash, p.tokenHash)));
      await recordAudit(db, source, { action: 'auth.totp_failed', entityType: 'user', entityId: p.user.id });
      throw new AppError('VALIDATION', '验证码不正确', [{ path: 'code', message: '验证码不正确' }]);
    }
    if (how === 'recovery') await recordAudit(db, source, { action: 'auth.recovery_code_used', entityType: 'user', entityId: p.user.id });
  }
  return { stage: await advance(db, services, { ...p, user: { ...p.user, totpEnabledAt: p.user.totpEnabledAt ?? new Date() } }, ip), recoveryCodes: codes };
}

/** Enrolment during login, when the street requires two-factor and the administrator has none yet. */
export async function pendingEnrolment(db: Db, services: AppServices, cookieValue: string | undefined): Promise<Enrolment> {
  const p = await loadPending(db, cookieValue);
  if (p.stage !== 'totp' || p.user.totpEnabledAt !== null) throw new AppError('INVALID_STATE', '无需绑定');
  const [t] = await db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, p.tenantId));
  return startEnrolment(db, services, p.user, t?.name ?? '');
}

/** Last step for an expired password: the new password obeys the policy and must differ from the old one. */
export async function completePasswordChange(db: Db, services: AppServices, cookieValue: string | undefined, newPassword: string, ip: string): Promise<LoginStage> {
  const p = await loadPending(db, cookieValue);
  if (p.stage !== 'password') throw new AppError('INVALID_STATE', '当前登录步骤不需要修改密码');
  checkPasswordPolicy(newPassword);
  if (await verifyPassword(p.user.passwordHash, newPassword)) {
    throw new AppError('VALIDATION', '新密码不能与当前密码相同', [{ path: 'newPassword', message: '新密码不能与当前密码相同' }]);
  }
  const hash = await hashPassword(newPassword, services.config.argon2MemoryKib);
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: hash, passwordChangedAt: now, mustChangePassword: false, updatedAt: now }).where(and(eq(users.tenantId, p.tenantId), eq(users.id, p.user.id)));
    await tx.delete(sessions).where(and(eq(sessions.tenantId, p.tenantId), eq(sessions.userId, p.user.id), sql`${sessions.tokenHash} <> ${p.tokenHash}`));
    await recordAudit(tx, { tenantId: p.tenantId, actor: null, ip, requestId: '' }, { action: 'auth.password_changed', entityType: 'user', entityId: p.user.id, reason: '密码已过期' });
  });
  return advance(db, services, { ...p, stage: 'password', user: { ...p.user, mustChangePassword: false, passwordChangedAt: now } }, ip);
}

function parseCookie(value: string | undefined): { tenantId: number; tokenHash: string } | null {
  if (!value) return null;
  const m = /^(\d{1,9})\.([A-Za-z0-9_-]{20,100})$/.exec(value);
  if (!m) return null;
  return { tenantId: Number(m[1]), tokenHash: sha256(m[2]) };
}

/**
 * The session lookup every authenticated request makes: only the columns an actor needs (never the password hash or
 * the TOTP secret), built once per database handle. Unnamed on purpose: named server-side statements do not survive
 * PgBouncer in transaction mode (docs/scaling.md).
 */
function buildSessionLookup(db: Db) {
  return db
    .select({
      session: { stage: sessions.stage, expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt },
      user: {
        id: users.id,
        tenantId: users.tenantId,
        username: users.username,
        displayName: users.displayName,
        roles: users.roles,
        scopeOrgId: users.scopeOrgId,
        memberId: users.memberId,
        status: users.status,
      },
      tenantCode: tenants.code,
      tenantName: tenants.name,
      scopePath: orgUnits.path,
      scopeOrgName: orgUnits.name,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.tenantId, sessions.tenantId), eq(users.id, sessions.userId)))
    .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, users.tenantId), eq(orgUnits.id, users.scopeOrgId)))
    .where(and(eq(sessions.tenantId, sql.placeholder('tenantId')), eq(sessions.tokenHash, sql.placeholder('tokenHash'))))
    .prepare(undefined as unknown as string);
}
const sessionLookups = new WeakMap<Db, ReturnType<typeof buildSessionLookup>>();

/** Resolves the session cookie to an actor: idle timeout and absolute lifetime enforced, last-seen refreshed. */
export async function resolveActor(req: FastifyRequest, db: Db, services: AppServices): Promise<Actor | null> {
  const parsed = parseCookie(req.cookies?.[SESSION_COOKIE]);
  if (!parsed) return null;
  const now = new Date();
  const idleCutoff = new Date(now.getTime() - services.config.sessionIdleMinutes * 60_000);
  // Inside a transaction the lookup joins it and is not kept.
  let lookup = inAmbientTransaction() ? buildSessionLookup(db) : sessionLookups.get(db);
  if (!lookup) {
    lookup = buildSessionLookup(db);
    sessionLookups.set(db, lookup);
  }
  const [row] = await lookup.execute({ tenantId: parsed.tenantId, tokenHash: parsed.tokenHash });
  if (!row || row.session.stage !== 'active') return null;
  if (row.session.expiresAt <= now || row.session.lastSeenAt <= idleCutoff || row.user.status !== 'active') {
    await db.delete(sessions).where(and(eq(sessions.tenantId, parsed.tenantId), eq(sessions.tokenHash, parsed.tokenHash)));
    return null;
  }
  // Refresh last-seen at most once a minute: one write per minute per session, not per request.
  if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.tenantId, parsed.tenantId), eq(sessions.tokenHash, parsed.tokenHash)));
  }
  const u = row.user;
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    tenantId: u.tenantId,
    tenantCode: row.tenantCode,
    tenantName: row.tenantName,
    scopeOrgId: u.scopeOrgId ?? '',
    // The platform tenant has no org tree: an impossible path gives an empty scope.
    scopePath: row.scopePath ?? '/-none-/',
    scopeOrgName: row.scopeOrgName ?? row.tenantName,
    memberId: u.memberId,
    permissions: services.permissions.forRoles(u.roles),
    sessionId: parsed.tokenHash,
  };
}

export async function logout(ctx: RequestContext): Promise<void> {
  const a = ctx.actor;
  if (!a) return;
  await ctx.db.delete(sessions).where(and(eq(sessions.tenantId, a.tenantId), eq(sessions.tokenHash, a.sessionId)));
  await recordAudit(ctx.db, ctx, { action: 'auth.logout', entityType: 'user', entityId: a.userId });
}

export function describeActor(a: Actor) {
  return {
    user: {
      id: a.userId,
      username: a.username,
      displayName: a.displayName,
      roles: a.roles,
      scopeOrgId: a.scopeOrgId,
      scopeOrgName: a.scopeOrgName,
      memberId: a.memberId,
      tenant: { id: a.tenantId, code: a.tenantCode, name: a.tenantName },
    },
    permissions: [...a.permissions].sort(),
  };
}

/** Changing a password needs the current one, obeys the policy, and ends the user's other sessions. */
export async function changePassword(ctx: ActorContext, currentPassword: string, newPassword: string): Promise<void> {
  const a = ctx.actor;
  const [u] = await ctx.db.select().from(users).where(and(eq(users.tenantId, a.tenantId), eq(users.id, a.userId)));
  if (!u || !(await verifyPassword(u.passwordHash, currentPassword))) {
    throw new AppError('VALIDATION', '当前密码不正确', [{ path: 'currentPassword', message: '当前密码不正确' }]);
  }
  checkPasswordPolicy(newPassword);
  if (newPassword === currentPassword) throw new AppError('VALIDATION', '新密码不能与当前密码相同', [{ path: 'newPassword', message: '新密码不能与当前密码相同' }]);
  const hash = await hashPassword(newPassword, ctx.services.config.argon2MemoryKib);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: hash, passwordChangedAt: new Date(), mustChangePassword: false, updatedAt: new Date() }).where(and(eq(users.tenantId, a.tenantId), eq(users.id, a.userId)));
    await tx.delete(sessions).where(and(eq(sessions.tenantId, a.tenantId), eq(sessions.userId, a.userId), sql`${sessions.tokenHash} <> ${a.sessionId}`));
    await recordAudit(tx, ctx, { action: 'auth.password_changed', entityType: 'user', entityId: a.userId });
  });
}

export async function listSessions(ctx: ActorContext) {
  const a = ctx.actor;
  const rows = await ctx.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tenantId, a.tenantId), eq(sessions.userId, a.userId), eq(sessions.stage, 'active'), gt(sessions.expiresAt, new Date())));
  return {
    items: rows.map((s) => ({ id: s.tokenHash.slice(0, 16), createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, ip: s.ip, userAgent: s.userAgent, current: s.tokenHash === a.sessionId })),
  };
}

export interface NewUser {
  tenantId: number;
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  scopeOrgId: string | null;
  memberId?: string | null;
}

/** Creates a login (seed, street bootstrap, admin screens). The password policy applies. */
export async function createUser(db: Db, services: AppServices, u: NewUser): Promise<string> {
  checkPasswordPolicy(u.password, 'password');
  const [row] = await db
    .insert(users)
    .values({
      tenantId: u.tenantId,
      username: u.username,
      displayName: u.displayName,
      passwordHash: await hashPassword(u.password, services.config.argon2MemoryKib),
      roles: u.roles,
      scopeOrgId: u.scopeOrgId,
      memberId: u.memberId ?? null,
    })
    .returning({ id: users.id });
  return row.id;
}

/** Links a login to a member record (demo seed, member registry). */
export async function linkUserToMember(db: Db, tenantId: number, username: string, memberId: string): Promise<void> {
  await db.update(users).set({ memberId }).where(and(eq(users.tenantId, tenantId), eq(users.username, username)));
}

export async function findUserIdsByUsername(db: Db, tenantId: number, usernames: string[]): Promise<Map<string, string>> {
  const rows = await db.select({ id: users.id, username: users.username }).from(users).where(and(eq(users.tenantId, tenantId), inArray(users.username, usernames)));
  return new Map(rows.map((r) => [r.username, r.id]));
}
