import { and, desc, eq, ilike, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { addWorkingDays, endOfShanghaiDay, trafficLight, workingDaysBetween, type WorkingCalendar } from '../../platform/working-days.js';
import { recordAudit } from '../audit/index.js';
import { assertFilesExist } from '../files/index.js';
import { getOrgInScope, inScope, orgNames } from '../org-units/index.js';
import { isGridOnly, myGridIds } from '../places/index.js';
import { loadWorkingCalendar } from './rectification.calendar.js';
import type {
  AssignBody,
  ExtensionBody,
  ListItemsQuery,
  NoteBody,
  ReasonBody,
  RectificationDetailResponse,
  RectificationItemResponse,
  SubmitBody,
} from './rectification.schema.js';
import {
  rectificationItems,
  rectificationSteps,
  type RectificationAction,
  type RectificationSourceKind,
  type RectificationState,
} from './rectification.table.js';
import { allowedRectificationActions, nextRectificationState } from './rectification.workflow.js';

export type RectificationItem = typeof rectificationItems.$inferSelect;

/**
 * The items an actor may see and act on: those of units in her subtree; for a grid worker with no wider role
 * (网格员只看自己的网格), only items opened from hazards in her grids or reported by her, and items she opened or
 * is responsible for. Out of scope looks like not found. Internal calls from other modules (opening, re-opening,
 * a hazard's own item state) keep the unit scope: the calling module has already scoped its record.
 */
export function itemScope(ctx: ActorContext): SQL {
  const units = inScope(ctx, rectificationItems.orgId);
  if (!isGridOnly(ctx)) return units;
  const fromMyGrid = sql`(${rectificationItems.sourceKind} = 'hazard' and exists (
    select 1 from hazards h where h.tenant_id = ${rectificationItems.tenantId} and h.id = ${rectificationItems.sourceId}
      and (h.grid_id in (${myGridIds(ctx)}) or h.reported_by = ${ctx.actor.userId})))`;
  return and(units, or(eq(rectificationItems.responsibleUserId, ctx.actor.userId), eq(rectificationItems.createdBy, ctx.actor.userId), fromMyGrid)) as SQL;
}

export interface OpenRectificationInput {
  sourceKind: RectificationSourceKind;
  sourceId: string;
  /** Responsible unit (must be in the actor's scope). */
  orgId: string;
  title: string;
  description?: string;
  measures?: string;
  responsibleName: string;
  responsibleUserId?: string | null;
  /** date = yyyy-mm-dd (Asia/Shanghai), not in the past. */
  deadline: { workingDays: number } | { date: string };
  evidenceFileIds?: string[];
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function resolveDeadline(deadline: OpenRectificationInput['deadline'], today: string, calendar: WorkingCalendar): { date: string; workingDays: number | null } {
  if ('workingDays' in deadline) {
    if (!Number.isInteger(deadline.workingDays) || deadline.workingDays < 1 || deadline.workingDays > 365) {
      throw fieldError('deadline.workingDays', '整改期限应为 1–365 个工作日');
    }
    return { date: addWorkingDays(today, deadline.workingDays, calendar), workingDays: deadline.workingDays };
  }
  if (!DATE_RE.test(deadline.date)) throw fieldError('deadline.date', '日期格式应为 YYYY-MM-DD');
  if (deadline.date < today) throw fieldError('deadline.date', '整改期限不能早于今天');
  return { date: deadline.date, workingDays: null };
}

async function insertStep(
  tx: Db,
  ctx: ActorContext,
  itemId: string,
  action: RectificationAction,
  fromState: RectificationState | null,
  toState: RectificationState,
  note = '',
  evidenceFileIds: string[] = [],
  details: Record<string, unknown> | null = null,
): Promise<void> {
  await tx.insert(rectificationSteps).values({
    tenantId: ctx.tenantId,
    itemId,
    action,
    fromState,
    toState,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    note,
    evidenceFileIds,
    details,
  });
}

/**
 * Opens a rectification item for a finding of any module, inside the caller's transaction.
 * The deadline is given in working days (Chinese calendar) or as a date that is not in the past.
 */
export async function openRectificationItem(tx: Db, ctx: ActorContext, input: OpenRectificationInput): Promise<{ id: string; deadline: string; state: RectificationState }> {
  const title = input.title.trim();
  if (!title) throw fieldError('title', '请填写整改事项');
  const responsibleName = input.responsibleName.trim();
  if (!responsibleName) throw fieldError('responsibleName', '请填写责任人');
  await getOrgInScope(ctx, input.orgId, tx);
  const evidence = input.evidenceFileIds ?? [];
  await assertFilesExist(ctx, evidence);
  const calendar = await loadWorkingCalendar(tx, ctx.tenantId);
  const today = shanghaiDate();
  const deadline = resolveDeadline(input.deadline, today, calendar);
  const state: RectificationState = input.responsibleUserId ? 'assigned' : 'open';
  const [row] = await tx
    .insert(rectificationItems)
    .values({
      tenantId: ctx.tenantId,
      sourceKind: input.sourceKind,
      sourceId: input.sourceId,
      orgId: input.orgId,
      title,
      description: input.description?.trim() ?? '',
      measures: input.measures?.trim() ?? '',
      responsibleName,
      responsibleUserId: input.responsibleUserId ?? null,
      state,
      startedAt: new Date(),
      deadline: deadline.date,
      deadlineWorkingDays: deadline.workingDays,
      evidenceFileIds: evidence,
      createdBy: ctx.actor.userId,
    })
    .returning();
  await insertStep(tx, ctx, row.id, 'open', null, 'open', input.measures ?? '', evidence, { deadline: deadline.date, workingDays: deadline.workingDays });
  if (state === 'assigned') await insertStep(tx, ctx, row.id, 'assign', 'open', 'assigned', '', [], { responsibleName });
  await recordAudit(tx, ctx, {
    action: 'rectification.open',
    entityType: 'rectification_item',
    entityId: row.id,
    after: { sourceKind: row.sourceKind, sourceId: row.sourceId, orgId: row.orgId, deadline: row.deadline, state },
  });
  return { id: row.id, deadline: row.deadline, state };
}

function isOverdue(item: Pick<RectificationItem, 'state' | 'deadline'>, today: string): boolean {
  return item.state !== 'closed' && item.deadline < today;
}

/** Items' current state for a list of source records (for the source module's own lists). */
export async function rectificationStatesBySource(
  ctx: ActorContext,
  sourceKind: RectificationSourceKind,
  sourceIds: string[],
): Promise<Map<string, { itemId: string; state: RectificationState; deadline: string; overdue: boolean }>> {
  const result = new Map<string, { itemId: string; state: RectificationState; deadline: string; overdue: boolean }>();
  if (sourceIds.length === 0) return result;
  const rows = await ctx.db
    .select({ id: rectificationItems.id, sourceId: rectificationItems.sourceId, state: rectificationItems.state, deadline: rectificationItems.deadline })
    .from(rectificationItems)
    .where(
      and(
        eq(rectificationItems.tenantId, ctx.tenantId),
        eq(rectificationItems.sourceKind, sourceKind),
        inArray(rectificationItems.sourceId, [...new Set(sourceIds)]),
        inScope(ctx, rectificationItems.orgId),
      ),
    )
    .orderBy(rectificationItems.createdAt);
  const today = shanghaiDate();
  // The latest item per source wins.
  for (const r of rows) result.set(r.sourceId, { itemId: r.id, state: r.state, deadline: r.deadline, overdue: isOverdue(r, today) });
  return result;
}

async function loadItemForUpdate(tx: Db, ctx: ActorContext, id: string, scope: SQL = itemScope(ctx)): Promise<RectificationItem> {
  const [row] = await tx
    .select()
    .from(rectificationItems)
    .where(and(eq(rectificationItems.tenantId, ctx.tenantId), eq(rectificationItems.id, id), scope))
    .for('update');
  if (!row) throw notFound('整改事项');
  return row;
}

async function updateItem(tx: Db, ctx: ActorContext, id: string, set: Partial<typeof rectificationItems.$inferInsert>): Promise<RectificationItem> {
  const [row] = await tx
    .update(rectificationItems)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(rectificationItems.tenantId, ctx.tenantId), eq(rectificationItems.id, id)))
    .returning();
  return row;
}

function summary(item: RectificationItem) {
  return { state: item.state, deadline: item.deadline, responsibleName: item.responsibleName };
}

/** Re-opens the latest closed item of a source (回头看 found a rebound, or a re-check failed), with a fresh deadline. */
export async function reopenBySource(tx: Db, ctx: ActorContext, sourceKind: RectificationSourceKind, sourceId: string, reason: string): Promise<void> {
  const [latest] = await tx
    .select({ id: rectificationItems.id })
    .from(rectificationItems)
    .where(
      and(
        eq(rectificationItems.tenantId, ctx.tenantId),
        eq(rectificationItems.sourceKind, sourceKind),
        eq(rectificationItems.sourceId, sourceId),
        inScope(ctx, rectificationItems.orgId),
      ),
    )
    .orderBy(desc(rectificationItems.createdAt))
    .limit(1);
  if (!latest) throw notFound('整改事项');
  // The calling module has scoped its own record (a re-check of an enterprise in the actor's scope).
  await reopenItem(tx, ctx, latest.id, reason, inScope(ctx, rectificationItems.orgId));
}

async function reopenItem(tx: Db, ctx: ActorContext, id: string, reason: string, scope: SQL = itemScope(ctx)): Promise<RectificationItem> {
  if (!reason.trim()) throw fieldError('reason', '请填写重新打开的理由');
  const item = await loadItemForUpdate(tx, ctx, id, scope);
  const to = nextRectificationState(item.state, 'reopen');
  const calendar = await loadWorkingCalendar(tx, ctx.tenantId);
  const days = item.deadlineWorkingDays ?? Math.max(1, workingDaysBetween(shanghaiDate(item.startedAt), item.deadline, calendar));
  const deadline = addWorkingDays(shanghaiDate(), days, calendar);
  const row = await updateItem(tx, ctx, id, {
    state: to,
    startedAt: new Date(),
    deadline,
    closedAt: null,
    closedOnTime: null,
    submittedBy: null,
  });
  await insertStep(tx, ctx, id, 'reopen', item.state, to, reason.trim(), [], { deadline, workingDays: days });
  await recordAudit(tx, ctx, { action: 'rectification.reopen', entityType: 'rectification_item', entityId: id, reason, before: summary(item), after: summary(row) });
  return row;
}

/** Assigns (or re-assigns) the responsible person. */
export async function assignItem(ctx: ActorContext, id: string, input: AssignBody): Promise<RectificationItem> {
  return ctx.db.transaction(async (tx) => {
    const item = await loadItemForUpdate(tx, ctx, id);
    const to = nextRectificationState(item.state, 'assign');
    const row = await updateItem(tx, ctx, id, { state: to, responsibleName: input.responsibleName, responsibleUserId: input.responsibleUserId ?? null });
    await insertStep(tx, ctx, id, 'assign', item.state, to, input.note ?? '', [], { responsibleName: input.responsibleName });
    await recordAudit(tx, ctx, { action: 'rectification.assign', entityType: 'rectification_item', entityId: id, before: summary(item), after: summary(row) });
    return row;
  });
}

export async function startItem(ctx: ActorContext, id: string, input: NoteBody): Promise<RectificationItem> {
  return simpleMove(ctx, id, 'start', input.note ?? '', input.evidenceFileIds ?? []);
}

/** The fixer submits the fix with evidence; the item then waits for someone else to verify it. */
export async function submitItem(ctx: ActorContext, id: string, input: SubmitBody): Promise<RectificationItem> {
  await assertFilesExist(ctx, input.evidenceFileIds);
  return ctx.db.transaction(async (tx) => {
    const item = await loadItemForUpdate(tx, ctx, id);
    const to = nextRectificationState(item.state, 'submit');
    const row = await updateItem(tx, ctx, id, {
      state: to,
      submittedBy: ctx.actor.userId,
      evidenceFileIds: [...new Set([...item.evidenceFileIds, ...input.evidenceFileIds])],
    });
    await insertStep(tx, ctx, id, 'submit', item.state, to, input.note, input.evidenceFileIds);
    await recordAudit(tx, ctx, { action: 'rectification.submit', entityType: 'rectification_item', entityId: id, before: summary(item), after: summary(row) });
    return row;
  });
}

function assertNotFixer(ctx: ActorContext, item: RectificationItem) {
  if (item.submittedBy && item.submittedBy === ctx.actor.userId) {
    throw new AppError('FORBIDDEN', '验收人不能是整改提交人，请由其他人员验收', { rule: 'verifier_is_fixer' });
  }
}

/** Verification closes the item; the verifier must not be the person who submitted the fix. */
export async function verifyItem(ctx: ActorContext, id: string, input: NoteBody): Promise<RectificationItem> {
  await assertFilesExist(ctx, input.evidenceFileIds ?? []);
  return ctx.db.transaction(async (tx) => {
    const item = await loadItemForUpdate(tx, ctx, id);
    const to = nextRectificationState(item.state, 'verify');
    assertNotFixer(ctx, item);
    const closedAt = new Date();
    const row = await updateItem(tx, ctx, id, { state: to, closedAt, closedOnTime: shanghaiDate(closedAt) <= item.deadline });
    await insertStep(tx, ctx, id, 'verify', item.state, to, input.note ?? '', input.evidenceFileIds ?? []);
    await recordAudit(tx, ctx, { action: 'rectification.verify', entityType: 'rectification_item', entityId: id, before: summary(item), after: summary(row) });
    return row;
  });
}

/** The verifier sends the fix back with a reason; the clock keeps running. */
export async function returnItem(ctx: ActorContext, id: string, input: ReasonBody): Promise<RectificationItem> {
  return ctx.db.transaction(async (tx) => {
    const item = await loadItemForUpdate(tx, ctx, id);
    const to = nextRectificationState(item.state, 'return');
    assertNotFixer(ctx, item);
    const row = await updateItem(tx, ctx, id, { state: to });
    await insertStep(tx, ctx, id, 'return', item.state, to, input.reason);
    await recordAudit(tx, ctx, { action: 'rectification.return', entityType: 'rectification_item', entityId: id, reason: input.reason, before: summary(item), after: summary(row) });
    return row;
  });
}

export async function reopenItemById(ctx: ActorContext, id: string, input: ReasonBody): Promise<RectificationItem> {
  return ctx.db.transaction(async (tx) => reopenItem(tx, ctx, id, input.reason));
}

/** Asks for a later deadline, with a reason; someone with approval rights decides. */
export async function requestExtension(ctx: ActorContext, id: string, input: ExtensionBody): Promise<RectificationItem> {
  return ctx.db.transaction(async (tx) => {
    const item = await loadItemForUpdate(tx, ctx, id);
    const to = nextRectificationState(item.state, 'request_extension');
    if (item.pendingExtensionDeadline) throw new AppError('INVALID_STATE', '已有待审批的延期申请');
    if (input.deadline <= item.deadline) throw fieldError('deadline', '延期后的期限应晚于原期限');
    if (input.deadline < shanghaiDate()) throw fieldError('deadline', '延期后的期限不能早于今天');
    const row = await updateItem(tx, ctx, id, { pendingExtensionDeadline: input.deadline, pendingExtensionReason: input.reason, pendingExtensionBy: ctx.actor.userId });
    await insertStep(tx, ctx, id, 'request_extension', item.state, to, input.reason, [], { from: item.deadline, to: input.deadline });
    await recordAudit(tx, ctx, { action: 'rectification.extension.request', entityType: 'rectification_item', entityId: id, reason: input.reason, after: { deadline: input.deadline } });
    return row;
  });
}

/** Approves or rejects the pending extension, with a reason; approval moves the deadline. */
export async function decideExtension(ctx: ActorContext, id: string, approve: boolean, input: ReasonBody): Promise<RectificationItem> {
  return ctx.db.transaction(async (tx) => {
    const item = await loadItemForUpdate(tx, ctx, id);
    const action: RectificationAction = approve ? 'approve_extension' : 'reject_extension';
    const to = nextRectificationState(item.state, action);
    if (!item.pendingExtensionDeadline) throw new AppError('INVALID_STATE', '没有待审批的延期申请');
    if (item.pendingExtensionBy === ctx.actor.userId) throw new AppError('FORBIDDEN', '不能审批自己提出的延期申请');
    const requested = item.pendingExtensionDeadline;
    const row = await updateItem(tx, ctx, id, {
      deadline: approve ? requested : item.deadline,
      deadlineWorkingDays: approve ? null : item.deadlineWorkingDays,
      extensionCount: approve ? item.extensionCount + 1 : item.extensionCount,
      pendingExtensionDeadline: null,
      pendingExtensionReason: null,
      pendingExtensionBy: null,
    });
    await insertStep(tx, ctx, id, action, item.state, to, input.reason, [], { from: item.deadline, to: requested });
    await recordAudit(tx, ctx, {
      action: approve ? 'rectification.extension.approve' : 'rectification.extension.reject',
      entityType: 'rectification_item',
      entityId: id,
      reason: input.reason,
      before: { deadline: item.deadline },
      after: { deadline: row.deadline },
    });
    return row;
  });
}

async function simpleMove(ctx: ActorContext, id: string, action: RectificationAction, note: string, evidence: string[]): Promise<RectificationItem> {
  await assertFilesExist(ctx, evidence);
  return ctx.db.transaction(async (tx) => {
    const item = await loadItemForUpdate(tx, ctx, id);
    const to = nextRectificationState(item.state, action);
    const row = await updateItem(tx, ctx, id, { state: to });
    await insertStep(tx, ctx, id, action, item.state, to, note, evidence);
    await recordAudit(tx, ctx, { action: `rectification.${action}`, entityType: 'rectification_item', entityId: id, before: summary(item), after: summary(row) });
    return row;
  });
}

/** SQL: the item is overdue today. */
export function overdueCondition(today: string): SQL {
  return and(ne(rectificationItems.state, 'closed'), lt(rectificationItems.deadline, today)) as SQL;
}

function listConditions(ctx: ActorContext, q: ListItemsQuery, today: string): SQL[] {
  const conds: SQL[] = [eq(rectificationItems.tenantId, ctx.tenantId), itemScope(ctx)];
  if (q.state) conds.push(eq(rectificationItems.state, q.state));
  if (q.sourceKind) conds.push(eq(rectificationItems.sourceKind, q.sourceKind));
  if (q.orgId) conds.push(sql`${rectificationItems.orgId} in (select id from org_units where tenant_id = ${ctx.tenantId} and path like (select path from org_units where tenant_id = ${ctx.tenantId} and id = ${q.orgId}) || '%')`);
  if (q.overdue === 'true') conds.push(overdueCondition(today));
  if (q.overdue === 'false') conds.push(sql`not (${overdueCondition(today)})`);
  if (q.mine === 'true') conds.push(eq(rectificationItems.responsibleUserId, ctx.actor.userId));
  if (q.q) {
    const like = `%${q.q}%`;
    const c = or(ilike(rectificationItems.title, like), ilike(rectificationItems.responsibleName, like));
    if (c) conds.push(c);
  }
  if (q.from) conds.push(sql`${rectificationItems.createdAt} >= (${q.from}::date)::timestamp at time zone 'Asia/Shanghai'`);
  if (q.to) conds.push(sql`${rectificationItems.createdAt} < ((${q.to}::date + 1)::timestamp at time zone 'Asia/Shanghai')`);
  return conds;
}

export function toItemResponse(item: RectificationItem, orgName: string, calendar: WorkingCalendar, now = new Date()): RectificationItemResponse {
  const today = shanghaiDate(now);
  const open = item.state !== 'closed';
  return {
    id: item.id,
    sourceKind: item.sourceKind,
    sourceId: item.sourceId,
    orgId: item.orgId,
    orgName,
    title: item.title,
    description: item.description,
    measures: item.measures,
    responsibleName: item.responsibleName,
    responsibleUserId: item.responsibleUserId,
    state: item.state,
    startedAt: item.startedAt.toISOString(),
    deadline: item.deadline,
    deadlineWorkingDays: item.deadlineWorkingDays,
    overdue: isOverdue(item, today),
    trafficLight: open ? trafficLight(item.startedAt, endOfShanghaiDay(item.deadline), now) : 'none',
    workingDaysLeft: open ? workingDaysBetween(today, item.deadline, calendar) : null,
    extensionCount: item.extensionCount,
    pendingExtension: item.pendingExtensionDeadline ? { deadline: item.pendingExtensionDeadline, reason: item.pendingExtensionReason ?? '' } : null,
    submittedBy: item.submittedBy,
    closedAt: item.closedAt ? item.closedAt.toISOString() : null,
    closedOnTime: item.closedOnTime,
    createdAt: item.createdAt.toISOString(),
  };
}

/** The ledger list in scope, newest first, with the overdue count of the same filter. */
export async function listRectificationItems(ctx: ActorContext, q: ListItemsQuery) {
  const today = shanghaiDate();
  const conds = listConditions(ctx, q, today);
  const where = and(...conds);
  const [rows, [{ total }], [{ overdue }], calendar] = await Promise.all([
    ctx.db
      .select()
      .from(rectificationItems)
      .where(where)
      .orderBy(desc(rectificationItems.createdAt), desc(rectificationItems.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(rectificationItems).where(where),
    ctx.db.select({ overdue: sql<number>`count(*)::int` }).from(rectificationItems).where(and(where, overdueCondition(today))),
    loadWorkingCalendar(ctx.db, ctx.tenantId),
  ]);
  const names = await orgNames(ctx, rows.map((r) => r.orgId));
  return { items: rows.map((r) => toItemResponse(r, names.get(r.orgId) ?? '', calendar)), total, page: q.page, pageSize: q.pageSize, overdueCount: overdue };
}

/** All items of the filter, for the ledger export (bounded). */
export async function listItemsForExport(ctx: ActorContext, q: Omit<ListItemsQuery, 'page' | 'pageSize'>, limit = 20000) {
  const today = shanghaiDate();
  const rows = await ctx.db
    .select()
    .from(rectificationItems)
    .where(and(...listConditions(ctx, { ...q, page: 1, pageSize: 1 }, today)))
    .orderBy(desc(rectificationItems.createdAt))
    .limit(limit);
  const names = await orgNames(ctx, rows.map((r) => r.orgId));
  const calendar = await loadWorkingCalendar(ctx.db, ctx.tenantId);
  return rows.map((r) => toItemResponse(r, names.get(r.orgId) ?? '', calendar));
}

export async function getRectificationItem(ctx: ActorContext, id: string): Promise<RectificationDetailResponse> {
  const [item] = await ctx.db
    .select()
    .from(rectificationItems)
    .where(and(eq(rectificationItems.tenantId, ctx.tenantId), eq(rectificationItems.id, id), itemScope(ctx)));
  if (!item) throw notFound('整改事项');
  const steps = await ctx.db
    .select()
    .from(rectificationSteps)
    .where(and(eq(rectificationSteps.tenantId, ctx.tenantId), eq(rectificationSteps.itemId, id)))
    .orderBy(rectificationSteps.at);
  const names = await orgNames(ctx, [item.orgId]);
  const calendar = await loadWorkingCalendar(ctx.db, ctx.tenantId);
  return {
    ...toItemResponse(item, names.get(item.orgId) ?? '', calendar),
    evidenceFileIds: item.evidenceFileIds,
    allowedActions: allowedRectificationActions(item.state).filter((a) => (a === 'request_extension' ? !item.pendingExtensionDeadline : a === 'approve_extension' || a === 'reject_extension' ? Boolean(item.pendingExtensionDeadline) : true)),
    steps: steps.map((s) => ({
      id: s.id,
      action: s.action,
      fromState: s.fromState,
      toState: s.toState,
      actorName: s.actorName,
      note: s.note,
      evidenceFileIds: s.evidenceFileIds,
      details: (s.details as Record<string, unknown> | null) ?? null,
      at: s.at.toISOString(),
    })),
  };
}

/** Overdue items in the actor's scope (served by the partial deadline index). */
export async function countOverdueItems(ctx: ActorContext): Promise<number> {
  const [{ n }] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(rectificationItems)
    .where(and(eq(rectificationItems.tenantId, ctx.tenantId), overdueCondition(shanghaiDate()), itemScope(ctx)));
  return n;
}
