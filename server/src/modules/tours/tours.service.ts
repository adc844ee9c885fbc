import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { ActorContext } from '../../platform/request-context.js';
import { recordAudit } from '../audit/index.js';
import { assertFilesExist } from '../files/index.js';
import { getOrgInScope, inScope, orgNames } from '../org-units/index.js';
import { openRectificationItem, rectificationStatesBySource } from '../rectification/index.js';
import type { AddFindingBody, CreateChecklistBody, CreateTourBody, ScoreStopBody, TourDetail } from './tours.schema.js';
import { tourChecklists, tourFindings, tours, tourStops, type TourChecklistItem } from './tours.table.js';
import { nextTourState } from './tours.workflow.js';

type ChecklistRow = typeof tourChecklists.$inferSelect;
type TourRow = typeof tours.$inferSelect;

function toChecklist(c: ChecklistRow) {
  return { id: c.id, name: c.name, items: c.items, maxTotal: c.items.reduce((a, i) => a + i.maxScore, 0) };
}

export async function listChecklists(ctx: ActorContext) {
  const rows = await ctx.db.select().from(tourChecklists).where(eq(tourChecklists.tenantId, ctx.tenantId)).orderBy(asc(tourChecklists.createdAt));
  return { items: rows.map(toChecklist) };
}

export async function createChecklist(ctx: ActorContext, input: CreateChecklistBody) {
  const keys = input.items.map((i) => i.key);
  if (new Set(keys).size !== keys.length) throw fieldError('items', '条目代码不能重复');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(tourChecklists).values({ tenantId: ctx.tenantId, name: input.name, items: input.items }).returning();
    await recordAudit(tx, ctx, { action: 'tour.checklist.create', entityType: 'tour_checklist', entityId: row.id, after: input });
    return toChecklist(row);
  });
}

/** A tour is visible when it is organised in scope or visits an org in scope. */
function tourVisible(ctx: ActorContext) {
  return or(
    inScope(ctx, tours.orgId),
    sql`exists (select 1 from ${tourStops} s where s.tenant_id = ${ctx.tenantId} and s.tour_id = ${tours.id} and ${inScope(ctx, sql`s.org_id`)})`,
  );
}

async function getTourRow(ctx: ActorContext, id: string, db: Db = ctx.db): Promise<TourRow> {
  const [row] = await db.select().from(tours).where(and(eq(tours.tenantId, ctx.tenantId), eq(tours.id, id), tourVisible(ctx)));
  if (!row) throw notFound('观摩');
  return row;
}

/** Tours the actor may change: organised within their scope (a secretary whose village is visited only reads). */
async function getTourForWrite(ctx: ActorContext, id: string, db: Db): Promise<TourRow> {
  const [row] = await db.select().from(tours).where(and(eq(tours.tenantId, ctx.tenantId), eq(tours.id, id), inScope(ctx, tours.orgId)));
  if (!row) throw notFound('观摩');
  return row;
}

export async function listTours(ctx: ActorContext) {
  // Correlated counts name the outer table literally: Drizzle leaves select-list columns unqualified.
  const rows = await ctx.db
    .select({
      tour: tours,
      stopCount: sql<number>`(select count(*)::int from ${tourStops} s where s.tenant_id = tours.tenant_id and s.tour_id = tours.id)`,
      scoredCount: sql<number>`(select count(*)::int from ${tourStops} s where s.tenant_id = tours.tenant_id and s.tour_id = tours.id and s.total_score is not null)`,
      findingCount: sql<number>`(select count(*)::int from ${tourFindings} f where f.tenant_id = tours.tenant_id and f.tour_id = tours.id)`,
    })
    .from(tours)
    .where(and(eq(tours.tenantId, ctx.tenantId), tourVisible(ctx)))
    .orderBy(desc(tours.plannedOn), desc(tours.createdAt));
  const names = await orgNames(ctx, rows.map((r) => r.tour.orgId));
  return {
    items: rows.map((r) => ({
      id: r.tour.id,
      title: r.tour.title,
      plannedOn: r.tour.plannedOn,
      state: r.tour.state,
      orgName: names.get(r.tour.orgId) ?? '',
      stopCount: r.stopCount,
      scoredCount: r.scoredCount,
      findingCount: r.findingCount,
    })),
  };
}

/** Ranks scored stops by total score (ties share a rank). */
export function rankStops<T extends { totalScore: number | null }>(stops: T[]): Array<T & { rank: number | null }> {
  const totals = stops.map((s) => s.totalScore).filter((t): t is number => t !== null).sort((a, b) => b - a);
  return stops.map((s) => ({ ...s, rank: s.totalScore === null ? null : totals.indexOf(s.totalScore) + 1 }));
}

/** The tour report: checklist, every stop with scores and rank, every finding with its rectification state. */
export async function getTour(ctx: ActorContext, id: string): Promise<TourDetail> {
  const tour = await getTourRow(ctx, id);
  const [checklist] = await ctx.db.select().from(tourChecklists).where(and(eq(tourChecklists.tenantId, ctx.tenantId), eq(tourChecklists.id, tour.checklistId)));
  const stops = await ctx.db.select().from(tourStops).where(and(eq(tourStops.tenantId, ctx.tenantId), eq(tourStops.tourId, id))).orderBy(asc(tourStops.seq));
  const findings = await ctx.db.select().from(tourFindings).where(and(eq(tourFindings.tenantId, ctx.tenantId), eq(tourFindings.tourId, id))).orderBy(asc(tourFindings.createdAt));
  const names = await orgNames(ctx, [tour.orgId, ...stops.map((s) => s.orgId)]);
  const states = await rectificationStatesBySource(ctx, 'tour_finding', findings.map((f) => f.id));
  return {
    id: tour.id,
    title: tour.title,
    plannedOn: tour.plannedOn,
    state: tour.state,
    orgName: names.get(tour.orgId) ?? '',
    stopCount: stops.length,
    scoredCount: stops.filter((s) => s.totalScore !== null).length,
    findingCount: findings.length,
    checklist: toChecklist(checklist),
    stops: rankStops(stops).map((s) => ({
      id: s.id,
      orgId: s.orgId,
      orgName: names.get(s.orgId) ?? '',
      seq: s.seq,
      scores: s.scores,
      totalScore: s.totalScore,
      rank: s.rank,
      comment: s.comment,
      photoFileIds: s.photoFileIds,
      scoredAt: s.scoredAt ? s.scoredAt.toISOString() : null,
    })),
    findings: findings.map((f) => {
      const st = states.get(f.id);
      return {
        id: f.id,
        stopId: f.stopId,
        orgId: f.orgId,
        orgName: names.get(f.orgId) ?? '',
        title: f.title,
        description: f.description,
        responsibleName: f.responsibleName,
        rectificationItemId: f.rectificationItemId,
        state: st?.state ?? null,
        deadline: st?.deadline ?? null,
        overdue: st?.overdue ?? false,
        photoFileIds: f.photoFileIds,
      };
    }),
  };
}

/** Plans a tour of several orgs in the given order, all within the planner's scope. */
export async function createTour(ctx: ActorContext, input: CreateTourBody): Promise<TourDetail> {
  if (new Set(input.orgIds).size !== input.orgIds.length) throw fieldError('orgIds', '观摩对象不能重复');
  const id = await ctx.db.transaction(async (tx) => {
    const [checklist] = await tx.select().from(tourChecklists).where(and(eq(tourChecklists.tenantId, ctx.tenantId), eq(tourChecklists.id, input.checklistId)));
    if (!checklist) throw fieldError('checklistId', '评分表不存在');
    for (const orgId of input.orgIds) await getOrgInScope(ctx, orgId, tx);
    const [tour] = await tx
      .insert(tours)
      .values({ tenantId: ctx.tenantId, orgId: ctx.actor.scopeOrgId, title: input.title, checklistId: checklist.id, plannedOn: input.plannedOn, createdBy: ctx.actor.userId })
      .returning();
    await tx.insert(tourStops).values(input.orgIds.map((orgId, seq) => ({ tenantId: ctx.tenantId, tourId: tour.id, orgId, seq: seq + 1 })));
    await recordAudit(tx, ctx, { action: 'tour.create', entityType: 'tour', entityId: tour.id, after: input });
    return tour.id;
  });
  return getTour(ctx, id);
}

/** Checks a score sheet against the checklist: every item scored, each within 0..maxScore. */
export function checkScores(items: TourChecklistItem[], scores: Record<string, number>): number {
  const unknown = Object.keys(scores).filter((k) => !items.some((i) => i.key === k));
  if (unknown.length) throw fieldError('scores', `评分表中没有条目：${unknown.join('、')}`);
  let total = 0;
  for (const item of items) {
    const v = scores[item.key];
    if (v === undefined) throw fieldError(`scores.${item.key}`, `请为“${item.label}”打分`);
    if (v < 0 || v > item.maxScore) throw fieldError(`scores.${item.key}`, `“${item.label}”的分数应在 0–${item.maxScore} 分之间`);
    total += v;
  }
  return total;
}

async function getStop(tx: Db, ctx: ActorContext, tourId: string, stopId: string) {
  const [stop] = await tx.select().from(tourStops).where(and(eq(tourStops.tenantId, ctx.tenantId), eq(tourStops.tourId, tourId), eq(tourStops.id, stopId)));
  if (!stop) throw notFound('观摩点');
  return stop;
}

/** Scores one stop against the checklist (re-scoring allowed until the tour is completed); the first score starts the tour. */
export async function scoreStop(ctx: ActorContext, tourId: string, stopId: string, input: ScoreStopBody): Promise<TourDetail> {
  await ctx.db.transaction(async (tx) => {
    const tour = await getTourForWrite(ctx, tourId, tx);
    if (tour.state === 'completed') throw new AppError('INVALID_STATE', '观摩已完成，不能再修改评分');
    const stop = await getStop(tx, ctx, tourId, stopId);
    const [checklist] = await tx.select().from(tourChecklists).where(and(eq(tourChecklists.tenantId, ctx.tenantId), eq(tourChecklists.id, tour.checklistId)));
    const total = checkScores(checklist.items, input.scores);
    await assertFilesExist({ ...ctx, db: tx }, input.photoFileIds ?? []);
    await tx
      .update(tourStops)
      .set({ scores: input.scores, totalScore: total, comment: input.comment ?? stop.comment, photoFileIds: input.photoFileIds ?? stop.photoFileIds, scoredBy: ctx.actor.userId, scoredAt: new Date() })
      .where(and(eq(tourStops.tenantId, ctx.tenantId), eq(tourStops.id, stopId)));
    if (tour.state === 'planned') {
      await tx.update(tours).set({ state: nextTourState(tour.state, 'start'), updatedAt: new Date() }).where(and(eq(tours.tenantId, ctx.tenantId), eq(tours.id, tourId)));
    }
    await recordAudit(tx, ctx, { action: 'tour.score', entityType: 'tour', entityId: tourId, before: { stopId, scores: stop.scores }, after: { stopId, scores: input.scores, total } });
  });
  return getTour(ctx, tourId);
}

/** Records a finding at a stop and opens its rectification item (整改台账) in the same transaction. */
export async function addFinding(ctx: ActorContext, tourId: string, stopId: string, input: AddFindingBody): Promise<TourDetail> {
  await ctx.db.transaction(async (tx) => {
    const tour = await getTourForWrite(ctx, tourId, tx);
    if (tour.state === 'planned') throw new AppError('INVALID_STATE', '请先为该观摩点评分，再记录问题');
    const stop = await getStop(tx, ctx, tourId, stopId);
    await assertFilesExist({ ...ctx, db: tx }, input.photoFileIds ?? []);
    const [finding] = await tx
      .insert(tourFindings)
      .values({
        tenantId: ctx.tenantId,
        tourId,
        stopId,
        orgId: stop.orgId,
        title: input.title,
        description: input.description ?? null,
        responsibleName: input.responsibleName,
        photoFileIds: input.photoFileIds ?? [],
        createdBy: ctx.actor.userId,
      })
      .returning();
    const item = await openRectificationItem(tx, { ...ctx, db: tx }, {
      sourceKind: 'tour_finding',
      sourceId: finding.id,
      orgId: stop.orgId,
      title: input.title,
      description: input.description,
      responsibleName: input.responsibleName,
      responsibleUserId: input.responsibleUserId ?? null,
      deadline: input.deadline,
      evidenceFileIds: input.photoFileIds ?? [],
    });
    await tx.update(tourFindings).set({ rectificationItemId: item.id }).where(and(eq(tourFindings.tenantId, ctx.tenantId), eq(tourFindings.id, finding.id)));
    await recordAudit(tx, ctx, { action: 'tour.finding.add', entityType: 'tour', entityId: tourId, after: { findingId: finding.id, stopId, title: input.title, rectificationItemId: item.id, deadline: item.deadline } });
  });
  return getTour(ctx, tourId);
}

/** Completes a tour once every stop has been scored. */
export async function completeTour(ctx: ActorContext, tourId: string): Promise<TourDetail> {
  await ctx.db.transaction(async (tx) => {
    const tour = await getTourForWrite(ctx, tourId, tx);
    const to = nextTourState(tour.state, 'complete');
    const [unscored] = await tx
      .select({ id: tourStops.id })
      .from(tourStops)
      .where(and(eq(tourStops.tenantId, ctx.tenantId), eq(tourStops.tourId, tourId), sql`${tourStops.totalScore} is null`))
      .limit(1);
    if (unscored) throw new AppError('INVALID_STATE', '还有观摩点未评分，不能完成观摩');
    await tx.update(tours).set({ state: to, completedAt: new Date(), updatedAt: new Date() }).where(and(eq(tours.tenantId, ctx.tenantId), eq(tours.id, tourId)));
    await recordAudit(tx, ctx, { action: 'tour.complete', entityType: 'tour', entityId: tourId, before: { state: tour.state }, after: { state: to } });
  });
  return getTour(ctx, tourId);
}
