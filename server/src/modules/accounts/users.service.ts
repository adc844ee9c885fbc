import { and, asc, count, eq, gt, ilike, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { offsetOf } from '../../platform/pagination.js';
import type { ActorContext, AppServices } from '../../platform/request-context.js';
import { adminRoles, roles, streetWideRoles, type Role } from '../../platform/roles.js';
import { recordAudit } from '../audit/index.js';
import { getOrgInScope, orgNames, orgUnits } from '../org-units/index.js';
import { sessions, users } from './accounts.table.js';
import { generatePassword, hashPassword } from './passwords.js';
import type { CreateUserBody, ListUsersQuery } from './users.schema.js';
import { clearTwoFactor, isAdministrator, loadSecuritySettings } from './two-factor.service.js';

/** Only these roles may be granted by a street's security administrator (never platform_admin). */
const grantable: readonly Role[] = roles.filter((r) => r !== 'platform_admin');

type UserRow = typeof users.$inferSelect;

function describeUser(u: UserRow, names: Map<string, string> = new Map()) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    status: u.status,
    disabledReason: u.disabledReason,
    lastLoginAt: u.lastLoginAt,
    passwordChangedAt: u.passwordChangedAt,
    twoFactor: u.totpEnabledAt !== null,
    lockedUntil: u.lockedUntil,
    scopeOrgId: u.scopeOrgId,
    scopeOrgName: u.scopeOrgId ? (names.get(u.scopeOrgId) ?? null) : null,
    mustChangePassword: u.mustChangePassword,
  };
}

/** Users with their scope's name (one lookup for the whole page). */
async function describeUsers(ctx: ActorContext, rows: UserRow[]) {
  const names = await orgNames(ctx, rows.flatMap((u) => (u.scopeOrgId ? [u.scopeOrgId] : [])));
  return rows.map((u) => describeUser(u, names));
}

const describeOne = async (ctx: ActorContext, u: UserRow) => (await describeUsers(ctx, [u]))[0];

export async function listUsers(ctx: ActorContext, q: ListUsersQuery) {
  const where: SQL[] = [eq(users.tenantId, ctx.actor.tenantId)];
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const either = or(ilike(users.username, like), ilike(users.displayName, like));
    if (either) where.push(either);
  }
  if (q.status) where.push(eq(users.status, q.status));
  const cond = and(...where);
  const [rows, [{ total }]] = await Promise.all([
    ctx.db.select().from(users).where(cond).orderBy(asc(users.username)).limit(q.pageSize).offset(offsetOf(q)),
    ctx.db.select({ total: count() }).from(users).where(cond),
  ]);
  return { items: await describeUsers(ctx, rows), total, page: q.page, pageSize: q.pageSize };
}

async function loadUser(ctx: ActorContext, id: string) {
  const [u] = await ctx.db.select().from(users).where(and(eq(users.tenantId, ctx.actor.tenantId), eq(users.id, id)));
  if (!u) throw new AppError('NOT_FOUND', '用户不存在');
  return u;
}

/** Disabling an account ends all its sessions at once. */
export async function setUserStatus(ctx: ActorContext, id: string, status: 'active' | 'disabled', reason: string | undefined) {
  const u = await loadUser(ctx, id);
  if (u.id === ctx.actor.userId && status === 'disabled') throw new AppError('INVALID_STATE', '不能停用自己的账户');
  if (u.status === status) return describeOne(ctx, u);
  const [row] = await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ status, disabledReason: status === 'disabled' ? (reason ?? '管理员停用') : null, failedLogins: 0, lockedUntil: null, updatedAt: new Date(), ...(status === 'active' ? { lastLoginAt: new Date() } : {}) })
      .where(and(eq(users.tenantId, u.tenantId), eq(users.id, u.id)))
      .returning();
    if (status === 'disabled') await tx.delete(sessions).where(and(eq(sessions.tenantId, u.tenantId), eq(sessions.userId, u.id)));
    await recordAudit(tx, ctx, { action: status === 'disabled' ? 'account.disabled' : 'account.enabled', entityType: 'user', entityId: u.id, before: { status: u.status }, after: { status }, reason });
    return updated;
  });
  return describeOne(ctx, row ?? u);
}

/** The org units a new account's scope may be rooted at (the system administrator has no org.read). */
export async function listScopeChoices(ctx: ActorContext) {
  const rows = await ctx.db
    .select({ id: orgUnits.id, name: orgUnits.name, depth: orgUnits.depth })
    .from(orgUnits)
    .where(eq(orgUnits.tenantId, ctx.actor.tenantId))
    .orderBy(asc(orgUnits.path));
  return { items: rows };
}

/**
 * The system administrator opens a login with business roles only: administrator roles are granted by the security
 * administrator (等保 separation). A one-time password is returned once and must be changed at the first login.
 */
export async function createAccount(ctx: ActorContext, input: CreateUserBody) {
  const bad = input.roles.filter((r) => adminRoles.includes(r));
  if (bad.length > 0) throw new AppError('VALIDATION', '管理员角色由安全管理员授予', [{ path: 'roles', message: '管理员角色由安全管理员授予' }]);
  const scopeOrgId = input.scopeOrgId ?? ctx.actor.scopeOrgId;
  if (!scopeOrgId) throw new AppError('VALIDATION', '请选择管辖范围', [{ path: 'scopeOrgId', message: '请选择管辖范围' }]);
  await getOrgInScope(ctx, scopeOrgId);
  const [taken] = await ctx.db.select({ id: users.id }).from(users).where(and(eq(users.tenantId, ctx.actor.tenantId), eq(users.username, input.username)));
  if (taken) throw new AppError('VALIDATION', '用户名已被使用', [{ path: 'username', message: '用户名已被使用' }]);
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword, ctx.services.config.argon2MemoryKib);
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ tenantId: ctx.actor.tenantId, username: input.username, displayName: input.displayName, passwordHash, roles: input.roles, scopeOrgId, mustChangePassword: true })
      .returning();
    if (!created) throw new Error('insert returned nothing');
    await recordAudit(tx, ctx, {
      action: 'account.created',
      entityType: 'user',
      entityId: created.id,
      after: { username: created.username, displayName: created.displayName, roles: created.roles, scopeOrgId, streetWide: created.roles.some((r) => streetWideRoles.includes(r)) },
    });
    return created;
  });
  return { user: await describeOne(ctx, row), temporaryPassword };
}

/** A forgotten password: a new one-time password (shown once), the old sessions ended, the lock lifted. */
export async function resetUserPassword(ctx: ActorContext, id: string): Promise<{ temporaryPassword: string }> {
  const u = await loadUser(ctx, id);
  if (u.id === ctx.actor.userId) throw new AppError('INVALID_STATE', '请在个人中心修改自己的密码');
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword, ctx.services.config.argon2MemoryKib);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null, updatedAt: new Date() })
      .where(and(eq(users.tenantId, u.tenantId), eq(users.id, u.id)));
    await tx.delete(sessions).where(and(eq(sessions.tenantId, u.tenantId), eq(sessions.userId, u.id)));
    await recordAudit(tx, ctx, { action: 'account.password_reset', entityType: 'user', entityId: u.id, after: { mustChangePassword: true } });
  });
  return { temporaryPassword };
}

/** The security administrator grants roles; nobody changes their own roles. */
export async function setUserRoles(ctx: ActorContext, id: string, roles: Role[]) {
  const u = await loadUser(ctx, id);
  if (u.id === ctx.actor.userId) throw new AppError('INVALID_STATE', '不能修改自己的角色');
  const bad = roles.filter((r) => !grantable.includes(r));
  if (bad.length > 0) throw new AppError('VALIDATION', `不能授予角色：${bad.join('、')}`, [{ path: 'roles', message: '包含不可授予的角色' }]);
  const [row] = await ctx.db.transaction(async (tx) => {
    const updated = await tx.update(users).set({ roles, updatedAt: new Date() }).where(and(eq(users.tenantId, u.tenantId), eq(users.id, u.id))).returning();
    // New rights take effect at the next login.
    await tx.delete(sessions).where(and(eq(sessions.tenantId, u.tenantId), eq(sessions.userId, u.id)));
    await recordAudit(tx, ctx, { action: 'account.roles_changed', entityType: 'user', entityId: u.id, before: { roles: u.roles }, after: { roles } });
    return updated;
  });
  return describeOne(ctx, row ?? u);
}

export async function resetUserTwoFactor(ctx: ActorContext, id: string) {
  const u = await loadUser(ctx, id);
  await clearTwoFactor(ctx.db, ctx, u, 'auth.totp_reset');
  return describeOne(ctx, { ...u, totpEnabledAt: null });
}

function describeSession(s: typeof sessions.$inferSelect, current: string | null) {
  return { id: s.tokenHash.slice(0, 16), createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, ip: s.ip, userAgent: s.userAgent, current: s.tokenHash === current };
}

export async function listUserSessions(ctx: ActorContext, id: string) {
  const u = await loadUser(ctx, id);
  const rows = await ctx.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tenantId, u.tenantId), eq(sessions.userId, u.id), eq(sessions.stage, 'active'), gt(sessions.expiresAt, new Date())));
  return { items: rows.map((s) => describeSession(s, ctx.actor.sessionId)) };
}

/** Ends one session (by its public id, the first 16 hex digits of the token hash) or all of a user's sessions. */
async function endSessions(ctx: ActorContext, userId: string, sessionId: string | null): Promise<number> {
  if (sessionId !== null && !/^[0-9a-f]{16}$/.test(sessionId)) throw new AppError('NOT_FOUND', '会话不存在');
  const cond = and(
    eq(sessions.tenantId, ctx.actor.tenantId),
    eq(sessions.userId, userId),
    sessionId === null ? undefined : sql`left(${sessions.tokenHash}, 16) = ${sessionId}`,
  );
  return ctx.db.transaction(async (tx) => {
    const gone = await tx.delete(sessions).where(cond).returning({ tokenHash: sessions.tokenHash });
    if (gone.length === 0 && sessionId !== null) throw new AppError('NOT_FOUND', '会话不存在');
    await recordAudit(tx, ctx, { action: 'auth.sessions_ended', entityType: 'user', entityId: userId, after: { count: gone.length } });
    return gone.length;
  });
}

export async function endOwnSession(ctx: ActorContext, sessionId: string): Promise<void> {
  await endSessions(ctx, ctx.actor.userId, sessionId);
}

export async function endUserSessions(ctx: ActorContext, id: string): Promise<{ ended: number }> {
  const u = await loadUser(ctx, id);
  return { ended: await endSessions(ctx, u.id, null) };
}

/**
 * Daily: accounts with no login (or, never used, no activity since creation) for the street's dormant period are
 * disabled and their sessions ended. Administrators too: a dormant administrator account is the riskiest kind.
 */
export async function disableDormantAccounts(db: Db, services: AppServices, tenantId: number, now = new Date()): Promise<number> {
  const settings = await loadSecuritySettings(db, services, tenantId);
  const cutoff = new Date(now.getTime() - settings.dormantDays * 86_400_000);
  return db.transaction(async (tx) => {
    const dormant = await tx
      .update(users)
      .set({ status: 'disabled', disabledReason: `超过${settings.dormantDays}天未登录`, updatedAt: now })
      .where(
        and(
          eq(users.tenantId, tenantId),
          eq(users.status, 'active'),
          or(lt(users.lastLoginAt, cutoff), and(isNull(users.lastLoginAt), lt(users.createdAt, cutoff))),
        ),
      )
      .returning({ id: users.id, username: users.username, roles: users.roles });
    for (const d of dormant) {
      await tx.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.userId, d.id)));
      await recordAudit(tx, { tenantId, system: 'dormant-accounts' }, {
        action: 'account.disabled',
        entityType: 'user',
        entityId: d.id,
        after: { status: 'disabled', administrator: isAdministrator(d.roles) },
        reason: `超过${settings.dormantDays}天未登录`,
      });
    }
    return dormant.length;
  });
}

/** Expired and pending-too-long sessions are deleted (they no longer work anyway). */
export async function deleteExpiredSessions(db: Db, now = new Date()): Promise<number> {
  const gone = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ t: sessions.tenantId });
  return gone.length;
}
