import { and, count, eq, gt, inArray, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db.js';
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

export const SESSION_COOKIE = 'gj_session';
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

export interface LoginResult {
  cookie: string;
  userId: string;
  tenantId: number;
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
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + services.config.sessionMaxHours * 3600_000);
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({ tenantId: found.tenantId, tokenHash: sha256(token), userId: found.id, expiresAt, ip, userAgent: userAgent.slice(0, 300) });
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
      .where(and(eq(users.tenantId, found.tenantId), eq(users.id, found.id)));
    await recordAudit(tx, { tenantId: found.tenantId, actor: null, ip, requestId: '' }, {
      action: 'auth.login',
      entityType: 'user',
      entityId: found.id,
      after: { username: found.username },
    });
  });
  return { cookie: `${found.tenantId}.${token}`, userId: found.id, tenantId: found.tenantId };
}

function parseCookie(value: string | undefined): { tenantId: number; tokenHash: string } | null {
  if (!value) return null;
  const m = /^(\d{1,9})\.([A-Za-z0-9_-]{20,100})$/.exec(value);
  if (!m) return null;
  return { tenantId: Number(m[1]), tokenHash: sha256(m[2]) };
}

/** Resolves the session cookie to an actor: idle timeout and absolute lifetime enforced, last-seen refreshed. */
export async function resolveActor(req: FastifyRequest, db: Db, services: AppServices): Promise<Actor | null> {
  const parsed = parseCookie(req.cookies?.[SESSION_COOKIE]);
  if (!parsed) return null;
  const now = new Date();
  const idleCutoff = new Date(now.getTime() - services.config.sessionIdleMinutes * 60_000);
  const [row] = await db
    .select({
      session: sessions,
      user: users,
      tenantCode: tenants.code,
      tenantName: tenants.name,
      scopePath: orgUnits.path,
      scopeOrgName: orgUnits.name,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.tenantId, sessions.tenantId), eq(users.id, sessions.userId)))
    .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, users.tenantId), eq(orgUnits.id, users.scopeOrgId)))
    .where(and(eq(sessions.tenantId, parsed.tenantId), eq(sessions.tokenHash, parsed.tokenHash)));
  if (!row) return null;
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
  const rows = await ctx.db.select().from(sessions).where(and(eq(sessions.tenantId, a.tenantId), eq(sessions.userId, a.userId)));
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
