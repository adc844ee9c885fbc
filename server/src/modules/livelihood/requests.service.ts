import crypto from 'node:crypto';
import { and, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { maskPhone } from '../../platform/masking.js';
import { can, type ActorContext, type RequestContext } from '../../platform/request-context.js';
import { recordAudit } from '../audit/index.js';
import { inScope, orgNames, orgUnits, underPath } from '../org-units/index.js';
import { getTenantByCode } from '../tenants/index.js';
import { cobuildUnits } from './cobuild.table.js';
import { createChallenge, hitRateLimit, LOOKUPS_PER_HOUR, pruneCounters, SUBMISSIONS_PER_HOUR, verifyChallenge } from './requests.guard.js';
import type { ListRequestsQuery, RequestResponse, SubmitRequestBody } from './requests.schema.js';
import { residentRequests, type AssigneeKind } from './requests.table.js';
import { nextRequestState, type RequestAction } from './requests.workflow.js';
import { percent } from './resettlement.rates.js';
import { livelihoodSettings } from './resettlement.table.js';

type Req = typeof residentRequests.$inferSelect;

async function tenantOf(ctx: RequestContext, code: string) {
  const t = await getTenantByCode(ctx.db, code);
  if (!t || t.id === 0) throw notFound('街道');
  return t;
}

/** The villages and communities a resident can address (public). */
export async function listPublicOrgs(ctx: RequestContext, tenantCode: string) {
  const t = await tenantOf(ctx, tenantCode);
  const rows = await ctx.db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, t.id), inArray(orgUnits.kind, ['village', 'community']), eq(orgUnits.status, 'active')))
    .orderBy(orgUnits.sortOrder, orgUnits.name);
  return { streetName: t.name, items: rows };
}

export async function publicChallenge(ctx: RequestContext, tenantCode: string) {
  await tenantOf(ctx, tenantCode);
  return createChallenge(ctx);
}

const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function newTrackingCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += codeAlphabet[crypto.randomInt(codeAlphabet.length)];
  return s;
}

/** Public: files a request or wish. Rate-limited per IP (DB counter) and guarded by a signed arithmetic challenge. */
export async function submitPublicRequest(ctx: RequestContext, tenantCode: string, input: SubmitRequestBody) {
  const t = await tenantOf(ctx, tenantCode);
  await pruneCounters(ctx);
  await hitRateLimit(ctx, t.id, 'submit', SUBMISSIONS_PER_HOUR);
  await verifyChallenge(ctx, t.id, input.challengeToken, input.challengeAnswer);
  const [org] = await ctx.db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, t.id), eq(orgUnits.id, input.orgId), inArray(orgUnits.kind, ['village', 'community'])));
  if (!org) throw fieldError('orgId', '请选择村/社区');
  const trackingCode = newTrackingCode();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(residentRequests)
      .values({
        tenantId: t.id,
        orgId: org.id,
        kind: input.kind,
        title: input.title,
        content: input.content,
        contactName: input.contactName,
        phoneEnc: ctx.services.cipher.encrypt(input.phone),
        phoneMasked: maskPhone(input.phone),
        phoneLast4: input.phone.slice(-4),
        trackingCode,
      })
      .returning();
    await recordAudit(tx, { tenantId: t.id, actor: null, ip: ctx.ip, requestId: ctx.requestId }, { action: 'request.submit', entityType: 'resident_request', entityId: row.id, after: { kind: row.kind, orgId: row.orgId, phone: row.phoneMasked } });
    return { trackingCode, phoneMasked: row.phoneMasked };
  });
}

async function findByTracking(ctx: RequestContext, tenantId: number, code: string, last4: string, db: Db = ctx.db): Promise<Req | undefined> {
  const [r] = await db.select().from(residentRequests).where(and(eq(residentRequests.tenantId, tenantId), eq(residentRequests.trackingCode, code)));
  if (!r) return undefined;
  const a = Buffer.from(r.phoneLast4);
  const b = Buffer.from(last4);
  return a.length === b.length && crypto.timingSafeEqual(a, b) ? r : undefined;
}

async function toPublic(ctx: RequestContext, r: Req) {
  const [org] = await ctx.db.select({ name: orgUnits.name }).from(orgUnits).where(and(eq(orgUnits.tenantId, r.tenantId), eq(orgUnits.id, r.orgId)));
  return {
    trackingCode: r.trackingCode,
    kind: r.kind,
    title: r.title,
    content: r.content,
    orgName: org?.name ?? '',
    state: r.state,
    submittedAt: r.submittedAt.toISOString(),
    assigneeName: r.assigneeName,
    answer: r.answer,
    rejectReason: r.rejectReason,
    rating: r.rating,
  };
}

/** Public follow-up with the tracking code and the last 4 digits of the phone given at filing. */
export async function trackPublicRequest(ctx: RequestContext, tenantCode: string, code: string, last4: string) {
  const t = await tenantOf(ctx, tenantCode);
  await hitRateLimit(ctx, t.id, 'track', LOOKUPS_PER_HOUR);
  const r = await findByTracking(ctx, t.id, code, last4);
  if (!r) throw new AppError('NOT_FOUND', '未找到该诉求，请核对查询码和手机号后四位');
  return toPublic(ctx, r);
}

/** Public rating: only the person who filed (tracking code + phone last 4), only once answered. */
export async function ratePublicRequest(ctx: RequestContext, tenantCode: string, code: string, input: { last4: string; rating: number; comment?: string }) {
  const t = await tenantOf(ctx, tenantCode);
  await hitRateLimit(ctx, t.id, 'track', LOOKUPS_PER_HOUR);
  return ctx.db.transaction(async (tx) => {
    ctx = { ...ctx, db: tx };
    const [exists] = await tx.select({ id: residentRequests.id }).from(residentRequests).where(and(eq(residentRequests.tenantId, t.id), eq(residentRequests.trackingCode, code)));
    if (!exists) throw new AppError('NOT_FOUND', '未找到该诉求，请核对查询码');
    const r = await findByTracking(ctx, t.id, code, input.last4, tx);
    if (!r) throw new AppError('FORBIDDEN', '手机号后四位不符：只有提交人可以评价');
    const to = nextRequestState(r.state, 'rate');
    const [row] = await tx
      .update(residentRequests)
      .set({ state: to, rating: input.rating, ratingComment: input.comment ?? null, ratedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(residentRequests.tenantId, t.id), eq(residentRequests.id, r.id), eq(residentRequests.state, r.state)))
      .returning();
    if (!row) throw new AppError('CONFLICT', '诉求状态已变化，请刷新');
    await recordAudit(tx, { tenantId: t.id, actor: null, ip: ctx.ip, requestId: ctx.requestId }, { action: 'request.rate', entityType: 'resident_request', entityId: r.id, after: { rating: input.rating } });
    return toPublic(ctx, row);
  });
}

/** The actor's own claimant identity: a member (their member record) or a unit (whose party org is in scope). */
async function claimantOf(ctx: ActorContext): Promise<{ kind: AssigneeKind; id: string; name: string } | null> {
  const roles = ctx.actor.roles;
  if (roles.includes('member') && ctx.actor.memberId) return { kind: 'member', id: ctx.actor.memberId, name: ctx.actor.displayName };
  if (roles.includes('unit_contact')) {
    const [u] = await ctx.db.select().from(cobuildUnits).where(and(eq(cobuildUnits.tenantId, ctx.tenantId), inScope(ctx, cobuildUnits.orgId))).limit(1);
    if (u) return { kind: 'unit', id: u.id, name: u.name };
  }
  return null;
}

function poolCondition(): SQL {
  return and(eq(residentRequests.kind, 'wish'), inArray(residentRequests.state, ['submitted', 'accepted'])) as SQL;
}

function mineCondition(c: { kind: AssigneeKind; id: string }): SQL {
  return and(eq(residentRequests.assigneeKind, c.kind), eq(residentRequests.assigneeId, c.id)) as SQL;
}

async function visibility(ctx: ActorContext): Promise<{ where: SQL; claimant: Awaited<ReturnType<typeof claimantOf>> }> {
  const claimant = await claimantOf(ctx);
  const parts: SQL[] = [];
  if (!ctx.actor.roles.includes('member') && !ctx.actor.roles.includes('unit_contact')) parts.push(inScope(ctx, residentRequests.orgId));
  if (can(ctx, 'request.claim')) parts.push(poolCondition());
  if (claimant) parts.push(mineCondition(claimant));
  return { where: parts.length ? (or(...parts) as SQL) : sql`false`, claimant };
}

/**
 * The tracking code plus the phone's last 4 digits let the filer rate; members and units (who see the masked
 * phone) therefore never see the code — only the community that handles the request does.
 */
function toResponse(r: Req, orgName: string, claimant: Awaited<ReturnType<typeof claimantOf>>, mayClaim: boolean, showCode: boolean): RequestResponse {
  const mine = claimant !== null && r.assigneeKind === claimant.kind && r.assigneeId === claimant.id;
  return {
    id: r.id,
    orgId: r.orgId,
    orgName,
    kind: r.kind,
    title: r.title,
    content: r.content,
    contactName: r.contactName,
    phoneMasked: r.phoneMasked,
    trackingCode: showCode ? r.trackingCode : '',
    state: r.state,
    submittedAt: r.submittedAt.toISOString(),
    acceptedAt: r.acceptedAt?.toISOString() ?? null,
    assigneeKind: r.assigneeKind,
    assigneeName: r.assigneeName,
    answer: r.answer,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    rating: r.rating,
    ratingComment: r.ratingComment,
    rejectReason: r.rejectReason,
    canClaim: mayClaim && claimant !== null && r.kind === 'wish' && (r.state === 'submitted' || r.state === 'accepted'),
    canFulfil: mine && r.state === 'dispatched',
  };
}

/** Requests in scope; members and units see the open wish pool and what they claimed. */
export async function listRequests(ctx: ActorContext, q: ListRequestsQuery) {
  const { where: vis, claimant } = await visibility(ctx);
  const where: SQL[] = [eq(residentRequests.tenantId, ctx.tenantId), vis];
  if (q.state) where.push(eq(residentRequests.state, q.state));
  if (q.kind) where.push(eq(residentRequests.kind, q.kind));
  if (q.pool) where.push(poolCondition());
  const [{ total }] = await ctx.db.select({ total: count() }).from(residentRequests).where(and(...where));
  const rows = await ctx.db.select().from(residentRequests).where(and(...where)).orderBy(desc(residentRequests.submittedAt), desc(residentRequests.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const names = await orgNames(ctx, rows.map((r) => r.orgId));
  const mayClaim = can(ctx, 'request.claim');
  return { items: rows.map((r) => toResponse(r, names.get(r.orgId) ?? '', claimant, mayClaim, can(ctx, 'request.handle'))), total, page: q.page, pageSize: q.pageSize };
}

async function loadVisible(ctx: ActorContext, tx: Db, id: string) {
  const { where, claimant } = await visibility(ctx);
  const [r] = await tx.select().from(residentRequests).where(and(eq(residentRequests.tenantId, ctx.tenantId), eq(residentRequests.id, id), where)).for('update');
  if (!r) throw notFound('诉求');
  return { r, claimant };
}

async function move(ctx: ActorContext, id: string, action: RequestAction, patch: (r: Req, claimant: Awaited<ReturnType<typeof claimantOf>>) => Partial<typeof residentRequests.$inferInsert>, opts: { handler?: boolean } = {}) {
  return ctx.db.transaction(async (tx) => {
    // Everything inside runs on the transaction: the embedded database has one connection.
    ctx = { ...ctx, db: tx };
    const { r, claimant } = await loadVisible(ctx, tx, id);
    if (opts.handler) {
      // Handling (accept/dispatch/answer/reject) is the community's: the request must be in the actor's subtree.
      const [inside] = await tx.select({ id: residentRequests.id }).from(residentRequests).where(and(eq(residentRequests.tenantId, ctx.tenantId), eq(residentRequests.id, id), inScope(ctx, residentRequests.orgId)));
      if (!inside) throw notFound('诉求');
    }
    const to = nextRequestState(r.state, action);
    const values = { ...patch(r, claimant), state: to, updatedAt: new Date() };
    const [row] = await tx.update(residentRequests).set(values).where(and(eq(residentRequests.tenantId, ctx.tenantId), eq(residentRequests.id, id))).returning();
    await recordAudit(tx, ctx, { action: `request.${action}`, entityType: 'resident_request', entityId: id, before: { state: r.state }, after: { state: to, assigneeName: row.assigneeName } });
    const names = await orgNames(ctx, [row.orgId]);
    return toResponse(row, names.get(row.orgId) ?? '', claimant, can(ctx, 'request.claim'), can(ctx, 'request.handle'));
  });
}

export const acceptRequest = (ctx: ActorContext, id: string) => move(ctx, id, 'accept', () => ({ acceptedAt: new Date() }), { handler: true });
export const rejectRequest = (ctx: ActorContext, id: string, reason: string) => move(ctx, id, 'reject', () => ({ rejectReason: reason, acceptedAt: new Date() }), { handler: true });
export const dispatchRequest = (ctx: ActorContext, id: string, input: { assigneeKind: AssigneeKind; assigneeId?: string; assigneeName: string }) =>
  move(ctx, id, 'dispatch', () => ({ assigneeKind: input.assigneeKind, assigneeId: input.assigneeId ?? null, assigneeName: input.assigneeName, dispatchedAt: new Date() }), { handler: true });

/** Answers a request: the community (in scope) or, for a dispatched request/claimed wish, its assignee. */
export async function answerRequest(ctx: ActorContext, id: string, answer: string) {
  return move(ctx, id, 'answer', (r, claimant) => {
    const mine = claimant !== null && r.assigneeKind === claimant.kind && r.assigneeId === claimant.id;
    if (!mine && !can(ctx, 'request.handle')) throw new AppError('FORBIDDEN', '只有承办人或受理社区可以答复');
    return { answer, answeredAt: new Date(), acceptedAt: r.acceptedAt ?? new Date() };
  });
}

/** A member or unit claims an open small wish (微心愿认领). */
export async function claimWish(ctx: ActorContext, id: string) {
  return move(ctx, id, 'claim', (r, claimant) => {
    if (r.kind !== 'wish') throw new AppError('INVALID_STATE', '只有微心愿可以认领');
    if (!claimant) throw new AppError('FORBIDDEN', '只有党员或共建单位可以认领微心愿');
    return { assigneeKind: claimant.kind, assigneeId: claimant.id, assigneeName: claimant.name, acceptedAt: r.acceptedAt ?? new Date(), dispatchedAt: new Date() };
  });
}

export interface RequestRateRow {
  orgId: string;
  submitted: number;
  responded: number;
  resolved: number;
  rated: number;
  satisfied: number;
}

async function satisfiedMin(db: Db, tenantId: number): Promise<number> {
  const [s] = await db.select().from(livelihoodSettings).where(eq(livelihoodSettings.tenantId, tenantId));
  return s?.satisfiedMinRating ?? 4;
}

/** SQL: request filed on a Shanghai day within [from, to]. */
export function filedWithin(from: string, to: string): SQL {
  return sql`(${residentRequests.submittedAt} at time zone 'Asia/Shanghai')::date between ${from} and ${to}`;
}

/**
 * 响应率 = requests accepted (or rejected with a reason) / filed; 解决率 = answered / filed;
 * 满意率 = ratings ≥ the street's threshold (default 4 of 5) / rated — per community, for requests filed in the period.
 */
export async function countRequestRates(db: Db, tenantId: number, orgPath: string, from: string, to: string): Promise<RequestRateRow[]> {
  const min = await satisfiedMin(db, tenantId);
  return db
    .select({
      orgId: residentRequests.orgId,
      submitted: sql<number>`count(*)::int`,
      responded: sql<number>`(count(*) filter (where ${residentRequests.acceptedAt} is not null))::int`,
      resolved: sql<number>`(count(*) filter (where ${residentRequests.answeredAt} is not null))::int`,
      rated: sql<number>`(count(*) filter (where ${residentRequests.rating} is not null))::int`,
      satisfied: sql<number>`(count(*) filter (where ${residentRequests.rating} >= ${min}))::int`,
    })
    .from(residentRequests)
    .where(and(eq(residentRequests.tenantId, tenantId), underPath(tenantId, orgPath, residentRequests.orgId), filedWithin(from, to)))
    .groupBy(residentRequests.orgId);
}

export async function requestRatesByOrg(ctx: ActorContext, from: string, to: string) {
  const rows = await countRequestRates(ctx.db, ctx.tenantId, ctx.actor.scopePath, from, to);
  const names = await orgNames(ctx, rows.map((r) => r.orgId));
  return {
    items: rows
      .map((r) => ({ ...r, orgName: names.get(r.orgId) ?? '', responseRate: percent(r.responded, r.submitted), resolveRate: percent(r.resolved, r.submitted), satisfactionRate: percent(r.satisfied, r.rated) }))
      .sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh')),
  };
}
