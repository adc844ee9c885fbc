import crypto from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { recordAudit } from '../audit/index.js';
import { members } from '../members/members.table.js';
import { getOrgInScope, inScope, orgNames, orgUnits, type OrgUnit } from '../org-units/index.js';
import { drawSample } from './spot-check.draw.js';
import type { DrawBody, DrawResponse, RecordResultBody } from './study.schema.js';
import { activeMemberIds, noteCounts } from './study.service.js';
import { spotCheckDraws, spotCheckPicks } from './study.table.js';

type DrawRow = typeof spotCheckDraws.$inferSelect;

/** First and last day of a quarter. */
export function quarterRange(year: number, quarter: number): { from: string; to: string } {
  const startMonth = (quarter - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(startMonth)}-01`, to: `${year}-${pad(endMonth)}-${pad(lastDay)}` };
}

/** The open cycle of a branch and who was already drawn in it, from its earlier draws. */
async function openCycle(db: Db, tenantId: number, orgId: string, pool: string[]): Promise<{ cycle: number; covered: string[] }> {
  const [last] = await db
    .select({ cycle: sql<number | null>`max(${spotCheckPicks.cycle})::int` })
    .from(spotCheckPicks)
    .innerJoin(spotCheckDraws, and(eq(spotCheckDraws.tenantId, spotCheckPicks.tenantId), eq(spotCheckDraws.id, spotCheckPicks.drawId)))
    .where(and(eq(spotCheckPicks.tenantId, tenantId), eq(spotCheckDraws.orgId, orgId)));
  const cycle = last?.cycle ?? 1;
  const rows = await db
    .select({ memberId: spotCheckPicks.memberId })
    .from(spotCheckPicks)
    .innerJoin(spotCheckDraws, and(eq(spotCheckDraws.tenantId, spotCheckPicks.tenantId), eq(spotCheckDraws.id, spotCheckPicks.drawId)))
    .where(and(eq(spotCheckPicks.tenantId, tenantId), eq(spotCheckDraws.orgId, orgId), eq(spotCheckPicks.cycle, cycle)));
  const inPool = new Set(pool);
  const covered = rows.map((r) => r.memberId).filter((m) => inPool.has(m));
  // Everyone still in the branch has been drawn: the next draw opens a new cycle.
  if (covered.length >= pool.length) return { cycle: cycle + 1, covered: [] };
  return { cycle, covered };
}

/** Draws one branch; a second draw for the same branch and quarter is refused (the first stands). */
async function drawBranch(tx: Db, ctx: ActorContext, branch: OrgUnit, year: number, quarter: number, seed: number): Promise<string> {
  const [existing] = await tx
    .select({ id: spotCheckDraws.id })
    .from(spotCheckDraws)
    .where(and(eq(spotCheckDraws.tenantId, ctx.tenantId), eq(spotCheckDraws.orgId, branch.id), eq(spotCheckDraws.year, year), eq(spotCheckDraws.quarter, quarter)));
  if (existing) throw new AppError('CONFLICT', `${branch.name}${year}年第${quarter}季度已抽查，以首次抽取结果为准`, { drawId: existing.id });
  const pool = (await activeMemberIds(tx, ctx.tenantId, branch.path)).sort();
  if (pool.length === 0) throw new AppError('INVALID_STATE', `${branch.name}没有在册党员，无法抽查`);
  const { cycle, covered } = await openCycle(tx, ctx.tenantId, branch.id, pool);
  const outcome = drawSample({ seed, pool, covered, cycle });
  const [draw] = await tx
    .insert(spotCheckDraws)
    .values({ tenantId: ctx.tenantId, orgId: branch.id, year, quarter, seed, poolMemberIds: pool, coveredMemberIds: covered, cycle, sampleSize: outcome.sampleSize, drawnBy: ctx.actor.userId })
    .returning();
  await tx.insert(spotCheckPicks).values(outcome.picks.map((p, i) => ({ tenantId: ctx.tenantId, drawId: draw.id, memberId: p.memberId, cycle: p.cycle, seq: i + 1 })));
  await recordAudit(tx, ctx, { action: 'spotcheck.draw', entityType: 'spot_check_draw', entityId: draw.id, after: { orgId: branch.id, year, quarter, seed, cycle, sampleSize: outcome.sampleSize, picks: outcome.picks.map((p) => p.memberId) } });
  return draw.id;
}

function newSeed(): number {
  return crypto.randomInt(1, 2 ** 31 - 1);
}

/**
 * 季度末抽查三分之一: draws ceil(n/3) members of the branch, or of every branch under the unit given,
 * with a stored random seed. Not before the quarter's last month.
 */
export async function drawSpotChecks(ctx: ActorContext, input: DrawBody) {
  const { to } = quarterRange(input.year, input.quarter);
  const lastMonth = to.slice(0, 8) + '01';
  if (shanghaiDate() < lastMonth) throw new AppError('INVALID_STATE', `${input.year}年第${input.quarter}季度尚未到季度末（${lastMonth} 起可抽查）`);
  const root = await getOrgInScope(ctx, input.orgId);
  if (root.kind === 'branch') {
    const id = await ctx.db.transaction((tx) => drawBranch(tx, ctx, root, input.year, input.quarter, newSeed()));
    return { items: [await getDraw(ctx, id)], skipped: [] };
  }
  const branches = await ctx.db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.kind, 'branch'), eq(orgUnits.status, 'active'), sql`${orgUnits.path} like ${root.path + '%'}`))
    .orderBy(asc(orgUnits.path));
  if (branches.length === 0) throw new AppError('INVALID_STATE', `${root.name}下没有党支部`);
  const ids: string[] = [];
  const skipped: Array<{ orgId: string; orgName: string; reason: string }> = [];
  for (const b of branches) {
    try {
      ids.push(await ctx.db.transaction((tx) => drawBranch(tx, ctx, b, input.year, input.quarter, newSeed())));
    } catch (e) {
      if (e instanceof AppError && (e.code === 'CONFLICT' || e.code === 'INVALID_STATE')) skipped.push({ orgId: b.id, orgName: b.name, reason: e.message });
      else throw e;
    }
  }
  return { items: await Promise.all(ids.map((id) => getDraw(ctx, id))), skipped };
}

async function getDrawRow(ctx: ActorContext, id: string): Promise<DrawRow> {
  const [row] = await ctx.db.select().from(spotCheckDraws).where(and(eq(spotCheckDraws.tenantId, ctx.tenantId), eq(spotCheckDraws.id, id), inScope(ctx, spotCheckDraws.orgId)));
  if (!row) throw notFound('抽查');
  return row;
}

/** A draw with its picks, each pick's result and how many notes the member wrote that quarter. */
export async function getDraw(ctx: ActorContext, id: string): Promise<DrawResponse> {
  const draw = await getDrawRow(ctx, id);
  const picks = await ctx.db
    .select({ p: spotCheckPicks, name: members.name })
    .from(spotCheckPicks)
    .innerJoin(members, and(eq(members.tenantId, spotCheckPicks.tenantId), eq(members.id, spotCheckPicks.memberId)))
    .where(and(eq(spotCheckPicks.tenantId, ctx.tenantId), eq(spotCheckPicks.drawId, id)))
    .orderBy(asc(spotCheckPicks.seq));
  const { from, to } = quarterRange(draw.year, draw.quarter);
  const counts = await noteCounts(ctx.db, ctx.tenantId, picks.map((p) => p.p.memberId), from, to);
  const names = await orgNames(ctx, [draw.orgId]);
  return {
    id: draw.id,
    orgId: draw.orgId,
    orgName: names.get(draw.orgId) ?? '',
    year: draw.year,
    quarter: draw.quarter,
    seed: draw.seed,
    cycle: draw.cycle,
    poolSize: draw.poolMemberIds.length,
    sampleSize: draw.sampleSize,
    drawnAt: draw.drawnAt.toISOString(),
    picks: picks.map(({ p, name }) => ({
      id: p.id,
      memberId: p.memberId,
      memberName: name,
      seq: p.seq,
      cycle: p.cycle,
      result: p.result,
      comment: p.comment,
      notesInQuarter: counts.get(p.memberId) ?? 0,
      checkedAt: p.checkedAt ? p.checkedAt.toISOString() : null,
    })),
  };
}

/** Re-runs a draw from its stored seed and inputs; anyone who can read it can check it was not altered. */
export async function verifyDraw(ctx: ActorContext, id: string) {
  const draw = await getDrawRow(ctx, id);
  const picks = await ctx.db.select().from(spotCheckPicks).where(and(eq(spotCheckPicks.tenantId, ctx.tenantId), eq(spotCheckPicks.drawId, id))).orderBy(asc(spotCheckPicks.seq));
  const recomputed = drawSample({ seed: draw.seed, pool: draw.poolMemberIds, covered: draw.coveredMemberIds, cycle: draw.cycle }).picks.map((p) => p.memberId);
  const stored = picks.map((p) => p.memberId);
  return { matches: stored.length === recomputed.length && stored.every((m, i) => m === recomputed[i]), stored, recomputed };
}

/** The secretary records pass or fail, with a comment, for one drawn member. */
export async function recordResult(ctx: ActorContext, drawId: string, pickId: string, input: RecordResultBody): Promise<DrawResponse> {
  const draw = await getDrawRow(ctx, drawId);
  await ctx.db.transaction(async (tx) => {
    const [pick] = await tx.select().from(spotCheckPicks).where(and(eq(spotCheckPicks.tenantId, ctx.tenantId), eq(spotCheckPicks.drawId, drawId), eq(spotCheckPicks.id, pickId)));
    if (!pick) throw notFound('抽查对象');
    const { from, to } = quarterRange(draw.year, draw.quarter);
    const counts = await noteCounts(tx, ctx.tenantId, [pick.memberId], from, to);
    await tx
      .update(spotCheckPicks)
      .set({ result: input.result, comment: input.comment ?? null, checkedBy: ctx.actor.userId, checkedAt: new Date(), hadNotes: (counts.get(pick.memberId) ?? 0) > 0 })
      .where(and(eq(spotCheckPicks.tenantId, ctx.tenantId), eq(spotCheckPicks.id, pickId)));
    await recordAudit(tx, ctx, { action: 'spotcheck.result', entityType: 'spot_check_draw', entityId: drawId, before: { pickId, result: pick.result }, after: { pickId, result: input.result, comment: input.comment ?? null } });
  });
  return getDraw(ctx, drawId);
}

/** Results per branch for a quarter, within scope: checked, passed, failed, and who had no notes. */
export async function listBranchResults(ctx: ActorContext, q: { year: number; quarter: number }) {
  const draws = await ctx.db
    .select()
    .from(spotCheckDraws)
    .where(and(eq(spotCheckDraws.tenantId, ctx.tenantId), eq(spotCheckDraws.year, q.year), eq(spotCheckDraws.quarter, q.quarter), inScope(ctx, spotCheckDraws.orgId)))
    .orderBy(desc(spotCheckDraws.drawnAt));
  if (draws.length === 0) return { items: [] };
  const picks = await ctx.db
    .select({ p: spotCheckPicks, name: members.name })
    .from(spotCheckPicks)
    .innerJoin(members, and(eq(members.tenantId, spotCheckPicks.tenantId), eq(members.id, spotCheckPicks.memberId)))
    .where(and(eq(spotCheckPicks.tenantId, ctx.tenantId), inArray(spotCheckPicks.drawId, draws.map((d) => d.id))));
  const { from, to } = quarterRange(q.year, q.quarter);
  const counts = await noteCounts(ctx.db, ctx.tenantId, picks.map((p) => p.p.memberId), from, to);
  const names = await orgNames(ctx, draws.map((d) => d.orgId));
  const items = draws.map((d) => {
    const mine = picks.filter((p) => p.p.drawId === d.id);
    return {
      drawId: d.id,
      orgId: d.orgId,
      orgName: names.get(d.orgId) ?? '',
      sampleSize: d.sampleSize,
      checked: mine.filter((p) => p.p.result !== 'pending').length,
      passed: mine.filter((p) => p.p.result === 'pass').length,
      failed: mine.filter((p) => p.p.result === 'fail').length,
      withoutNotes: mine.filter((p) => (counts.get(p.p.memberId) ?? 0) === 0).map((p) => p.name),
    };
  });
  items.sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN'));
  return { items };
}
