import { and, count, desc, eq, inArray, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { offsetOf } from '../../platform/pagination.js';
import type { ActorContext, AppServices } from '../../platform/request-context.js';
import { roleLabels } from '../../platform/roles.js';
import { recordAudit } from '../audit/index.js';
import { residentRequests } from '../livelihood/requests.table.js';
import { users } from './accounts.table.js';
import { privacyRequests } from './privacy.table.js';
import type { FilePrivacyRequest, HandlePrivacyRequest, ListPrivacyRequestsQuery } from './privacy.schema.js';

/** What the platform holds about the signed-in person: the account, and (for members) where their record lives. */
export async function myData(ctx: ActorContext) {
  const a = ctx.actor;
  const [u] = await ctx.db.select().from(users).where(and(eq(users.tenantId, a.tenantId), eq(users.id, a.userId)));
  if (!u) throw new AppError('NOT_FOUND', '用户不存在');
  return {
    account: {
      username: u.username,
      displayName: u.displayName,
      roles: u.roles.map((r) => roleLabels[r]),
      scopeOrgName: a.scopeOrgName,
      createdAt: u.createdAt,
      lastLoginAt: u.lastLoginAt,
      passwordChangedAt: u.passwordChangedAt,
      twoFactor: u.totpEnabledAt !== null,
    },
    memberId: u.memberId,
    /** Where the rest is kept and what it is for (docs/privacy.md). */
    notice: u.memberId
      ? '党员档案（姓名、身份证号、手机号、出生日期、学历、入党日期、组织关系）由所在党组织依《中国共产党党员权利保障条例》保管；身份证号和手机号加密存储，仅以脱敏形式显示。'
      : '本账户仅保存登录信息；您提交的群众诉求中的手机号加密存储，办结后按保存期限删除。',
  };
}

function describe(r: typeof privacyRequests.$inferSelect, username?: string) {
  return { id: r.id, kind: r.kind, details: r.details, status: r.status, answer: r.answer, createdAt: r.createdAt, handledAt: r.handledAt, username: username ?? null };
}

export async function filePrivacyRequest(ctx: ActorContext, input: FilePrivacyRequest) {
  const a = ctx.actor;
  const [{ open }] = await ctx.db
    .select({ open: count() })
    .from(privacyRequests)
    .where(and(eq(privacyRequests.tenantId, a.tenantId), eq(privacyRequests.userId, a.userId), eq(privacyRequests.status, 'open')));
  if (open >= 5) throw new AppError('CONFLICT', '您已有5件未办结的申请，请等待处理');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(privacyRequests).values({ tenantId: a.tenantId, userId: a.userId, kind: input.kind, details: input.details }).returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, ctx, { action: 'privacy.request_filed', entityType: 'privacy_request', entityId: row.id, after: { kind: row.kind } });
    return describe(row);
  });
}

export async function listMyPrivacyRequests(ctx: ActorContext) {
  const a = ctx.actor;
  const rows = await ctx.db
    .select()
    .from(privacyRequests)
    .where(and(eq(privacyRequests.tenantId, a.tenantId), eq(privacyRequests.userId, a.userId)))
    .orderBy(desc(privacyRequests.createdAt));
  return { items: rows.map((r) => describe(r)) };
}

export async function listPrivacyRequests(ctx: ActorContext, q: ListPrivacyRequestsQuery) {
  const cond = and(eq(privacyRequests.tenantId, ctx.actor.tenantId), q.status ? eq(privacyRequests.status, q.status) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select({ r: privacyRequests, username: users.username })
      .from(privacyRequests)
      .innerJoin(users, and(eq(users.tenantId, privacyRequests.tenantId), eq(users.id, privacyRequests.userId)))
      .where(cond)
      .orderBy(desc(privacyRequests.createdAt))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ctx.db.select({ total: count() }).from(privacyRequests).where(cond),
  ]);
  return { items: rows.map((x) => describe(x.r, x.username)), total, page: q.page, pageSize: q.pageSize };
}

/** The system administrator answers a request (done or rejected, with the answer the person will read). */
export async function handlePrivacyRequest(ctx: ActorContext, id: string, input: HandlePrivacyRequest) {
  const [r] = await ctx.db.select().from(privacyRequests).where(and(eq(privacyRequests.tenantId, ctx.actor.tenantId), eq(privacyRequests.id, id)));
  if (!r) throw new AppError('NOT_FOUND', '申请不存在');
  if (r.status !== 'open') throw new AppError('INVALID_STATE', '该申请已办结');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(privacyRequests)
      .set({ status: input.status, answer: input.answer, handledBy: ctx.actor.userId, handledAt: new Date() })
      .where(and(eq(privacyRequests.tenantId, r.tenantId), eq(privacyRequests.id, r.id)))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await recordAudit(tx, ctx, { action: 'privacy.request_handled', entityType: 'privacy_request', entityId: r.id, before: { status: r.status }, after: { status: row.status } });
    return describe(row);
  });
}

/**
 * Daily PIPL retention (docs/privacy.md): contact details (name, phone) of public requests closed more than the
 * retention period ago are erased; the request itself stays for the statistics. Returns the rows cleared.
 */
export async function purgeClosedRequestContacts(db: Db, services: AppServices, tenantId: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - services.config.publicContactRetentionDays * 86_400_000);
  return db.transaction(async (tx) => {
    const cleared = await tx
      .update(residentRequests)
      .set({ contactName: '（已删除）', phoneEnc: '', phoneMasked: '', phoneLast4: '', updatedAt: now })
      .where(
        and(
          eq(residentRequests.tenantId, tenantId),
          inArray(residentRequests.state, ['answered', 'rated', 'rejected']),
          lt(residentRequests.updatedAt, cutoff),
          or(ne(residentRequests.phoneEnc, ''), ne(residentRequests.contactName, '（已删除）')),
        ),
      )
      .returning({ id: residentRequests.id });
    if (cleared.length > 0) {
      await recordAudit(tx, { tenantId, system: 'privacy-retention' }, {
        action: 'privacy.contacts_erased',
        entityType: 'resident_request',
        after: { count: cleared.length, retentionDays: services.config.publicContactRetentionDays },
      });
    }
    return cleared.length;
  });
}
