import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { creditCodeProblemText, parseCreditCode } from '../../platform/credit-code.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { offsetOf, type Paged } from '../../platform/pagination.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { recordAudit } from '../audit/index.js';
import { getOrgInScope, inScope, orgNames } from '../org-units/index.js';
import type { CreateEntryBody, DecideEntryBody, EntryResponse, ListEntriesQuery, ReviewEntryBody } from './environment.schema.js';
import { entryApplications } from './environment.table.js';
import { nextEntryState } from './environment.workflow.js';

type EntryRow = typeof entryApplications.$inferSelect;

async function load(ctx: ActorContext, id: string, db: Db = ctx.db): Promise<EntryRow> {
  const [row] = await db
    .select()
    .from(entryApplications)
    .where(and(eq(entryApplications.tenantId, ctx.tenantId), eq(entryApplications.id, id), inScope(ctx, entryApplications.orgId)));
  if (!row) throw notFound('进驻申请');
  return row;
}

async function toResponses(ctx: ActorContext, rows: EntryRow[]): Promise<EntryResponse[]> {
  const names = await orgNames(ctx, rows.map((r) => r.orgId));
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: names.get(r.orgId) ?? '',
    applicantName: r.applicantName,
    creditCode: r.creditCode,
    industry: r.industry,
    address: r.address,
    description: r.description,
    state: r.state,
    industryOk: r.industryOk,
    planningOk: r.planningOk,
    environmentOk: r.environmentOk,
    reviewNote: r.reviewNote,
    decisionReason: r.decisionReason,
    submittedOn: r.submittedOn,
    decidedOn: r.decidedOn,
  }));
}

async function one(ctx: ActorContext, row: EntryRow): Promise<EntryResponse> {
  const [r] = await toResponses(ctx, [row]);
  return r;
}

export async function listEntryApplications(ctx: ActorContext, q: ListEntriesQuery): Promise<Paged<EntryResponse>> {
  const conds: SQL[] = [eq(entryApplications.tenantId, ctx.tenantId), inScope(ctx, entryApplications.orgId)];
  if (q.state) conds.push(eq(entryApplications.state, q.state));
  const where = and(...conds);
  const [{ total }] = await ctx.db.select({ total: count() }).from(entryApplications).where(where);
  const rows = await ctx.db.select().from(entryApplications).where(where).orderBy(desc(entryApplications.submittedOn)).limit(q.pageSize).offset(offsetOf(q));
  return { items: await toResponses(ctx, rows), total, page: q.page, pageSize: q.pageSize };
}

export async function getEntryApplication(ctx: ActorContext, id: string): Promise<EntryResponse> {
  return one(ctx, await load(ctx, id));
}

/** Registers a unit's application to move into the street (联审联批); a credit code, if given, must pass GB 32100. */
export async function createEntryApplication(ctx: ActorContext, input: CreateEntryBody): Promise<EntryResponse> {
  let creditCode: string | null = null;
  if (input.creditCode) {
    const r = parseCreditCode(input.creditCode);
    if (!r.ok) throw fieldError('creditCode', creditCodeProblemText[r.problem]);
    creditCode = r.code;
  }
  if (input.submittedOn > shanghaiDate()) throw fieldError('submittedOn', '申请日期不能晚于今天');
  const row = await ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(ctx, input.orgId, tx);
    const [e] = await tx
      .insert(entryApplications)
      .values({ tenantId: ctx.tenantId, orgId: org.id, applicantName: input.applicantName, creditCode, industry: input.industry, address: input.address, description: input.description ?? null, submittedOn: input.submittedOn })
      .returning();
    await recordAudit(tx, ctx, { action: 'entry.create', entityType: 'entry_application', entityId: e.id, after: { applicantName: e.applicantName, industry: e.industry, orgId: e.orgId } });
    return e;
  });
  return one(ctx, row);
}

/** Records the joint review of industry layout (产业布局), city planning (城市规划) and environment (环评). */
export async function reviewEntryApplication(ctx: ActorContext, id: string, input: ReviewEntryBody): Promise<EntryResponse> {
  const row = await ctx.db.transaction(async (tx) => {
    const before = await load(ctx, id, tx);
    const to = nextEntryState(before.state, 'review');
    const [e] = await tx
      .update(entryApplications)
      .set({ state: to, industryOk: input.industryOk, planningOk: input.planningOk, environmentOk: input.environmentOk, reviewNote: input.note ?? null, updatedAt: new Date() })
      .where(and(eq(entryApplications.tenantId, ctx.tenantId), eq(entryApplications.id, id)))
      .returning();
    await recordAudit(tx, ctx, { action: 'entry.review', entityType: 'entry_application', entityId: id, before: { state: before.state }, after: { state: to, industryOk: input.industryOk, planningOk: input.planningOk, environmentOk: input.environmentOk } });
    return e;
  });
  return one(ctx, row);
}

/** Approves only when all three conditions passed review; a refusal always carries its reasons. */
export async function decideEntryApplication(ctx: ActorContext, id: string, input: DecideEntryBody): Promise<EntryResponse> {
  const row = await ctx.db.transaction(async (tx) => {
    const before = await load(ctx, id, tx);
    const to = nextEntryState(before.state, input.decision);
    const allOk = before.industryOk === true && before.planningOk === true && before.environmentOk === true;
    if (input.decision === 'approve' && !allOk) throw new AppError('INVALID_STATE', '产业布局、城市规划、环评三项联审均符合后方可批准进驻');
    if (input.decision === 'refuse' && !input.reason) throw fieldError('reason', '不予进驻时请填写理由');
    const [e] = await tx
      .update(entryApplications)
      .set({ state: to, decisionReason: input.reason ?? null, decidedOn: shanghaiDate(), decidedBy: ctx.actor.userId, updatedAt: new Date() })
      .where(and(eq(entryApplications.tenantId, ctx.tenantId), eq(entryApplications.id, id)))
      .returning();
    await recordAudit(tx, ctx, { action: `entry.${input.decision}`, entityType: 'entry_application', entityId: id, before: { state: before.state }, after: { state: to }, reason: input.reason ?? null });
    return e;
  });
  return one(ctx, row);
}
