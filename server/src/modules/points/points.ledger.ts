import { and, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { offsetOf, type Paged } from '../../platform/pagination.js';
import type { ActorContext } from '../../platform/request-context.js';
import { recordAudit } from '../audit/index.js';
import { members } from '../members/members.table.js';
import { inScope } from '../org-units/index.js';
import { orgUnits } from '../org-units/org-units.table.js';
import { categoryLabels } from './points.labels.js';
import { remainingUnderCaps, ruleInForce } from './points.rules.js';
import type { EntryResponse, ListEntriesQuery } from './points.schema.js';
import { pointEntries, workClaims, type EntrySourceKind, type PointCategory } from './points.table.js';
import { nextClaimState } from './points.workflow.js';

export interface MemberRef {
  id: string;
  name: string;
  orgId: string;
  orgPath: string;
  state: string;
}

/** A member of this street with the path of their branch. */
export async function loadMember(db: Db, tenantId: number, memberId: string): Promise<MemberRef> {
  const [m] = await db
    .select({ id: members.id, name: members.name, orgId: members.orgId, orgPath: orgUnits.path, state: members.state })
    .from(members)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, members.tenantId), eq(orgUnits.id, members.orgId)))
    .where(and(eq(members.tenantId, tenantId), eq(members.id, memberId)));
  if (!m) throw notFound('党员');
  return m;
}

export interface AwardInput {
  memberId: string;
  category: PointCategory;
  sourceKind: EntrySourceKind;
  sourceId: string;
  occurredOn: string;
  /** Defaults to the rule in force on occurredOn; always cut to what the caps still allow. */
  points?: number;
  note: string;
}

export interface AwardResult {
  entryId: string;
  points: number;
  /** True when a cap cut the points. */
  capped: boolean;
  /** False when the source had already been posted (idempotent). */
  created: boolean;
}

/**
 * Posts points for work done (duty shifts, volunteer attendance, approved claims from other modules).
 * Idempotent per (sourceKind, sourceId): a second call returns the first entry. Runs in the caller's transaction.
 */
export async function awardPoints(tx: Db, ctx: ActorContext, input: AwardInput): Promise<AwardResult> {
  const existing = async () => {
    const [row] = await tx
      .select()
      .from(pointEntries)
      .where(and(eq(pointEntries.tenantId, ctx.tenantId), eq(pointEntries.sourceKind, input.sourceKind), eq(pointEntries.sourceId, input.sourceId)));
    return row;
  };
  const found = await existing();
  if (found) return { entryId: found.id, points: found.points, capped: false, created: false };
  const member = await loadMember(tx, ctx.tenantId, input.memberId);
  const rule = await ruleInForce(tx, ctx.tenantId, input.category, input.occurredOn);
  const wanted = input.points ?? rule.pointsPerItem;
  const { remaining } = await remainingUnderCaps(tx, ctx.tenantId, member.id, rule, input.occurredOn);
  const points = remaining === null ? wanted : Math.min(wanted, remaining);
  const [row] = await tx
    .insert(pointEntries)
    .values({
      tenantId: ctx.tenantId,
      memberId: member.id,
      orgId: member.orgId,
      category: input.category,
      occurredOn: input.occurredOn,
      points,
      sourceKind: input.sourceKind,
      sourceId: input.sourceId,
      ruleId: rule.id,
      note: points < wanted ? `${input.note}（已达上限，按${points}分计）` : input.note,
      createdBy: ctx.actor.userId,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    const again = await existing();
    if (!again) throw new AppError('CONFLICT', '积分入账冲突，请重试');
    return { entryId: again.id, points: again.points, capped: false, created: false };
  }
  await recordAudit(tx, ctx, {
    action: 'points.award',
    entityType: 'point_entry',
    entityId: row.id,
    after: { memberId: member.id, category: input.category, points, sourceKind: input.sourceKind, sourceId: input.sourceId },
  });
  return { entryId: row.id, points, capped: points < wanted, created: true };
}

/** Fixes a posted entry by appending its opposite; the original is never edited, and can be reversed once. */
export async function reverseEntry(ctx: ActorContext, entryId: string, reason: string) {
  return ctx.db.transaction(async (tx) => {
    const [entry] = await tx
      .select()
      .from(pointEntries)
      .where(and(eq(pointEntries.tenantId, ctx.tenantId), eq(pointEntries.id, entryId), inScope(ctx, pointEntries.orgId)));
    if (!entry) throw notFound('积分记录');
    if (entry.sourceKind === 'reversal') throw new AppError('INVALID_STATE', '冲销记录不能再冲销');
    const [row] = await tx
      .insert(pointEntries)
      .values({
        tenantId: ctx.tenantId,
        memberId: entry.memberId,
        orgId: entry.orgId,
        category: entry.category,
        occurredOn: entry.occurredOn,
        points: -entry.points,
        sourceKind: 'reversal',
        sourceId: entry.id,
        ruleId: entry.ruleId,
        note: `冲销：${reason}`,
        createdBy: ctx.actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('INVALID_STATE', '该积分记录已冲销');
    if (entry.sourceKind === 'claim') {
      const [claim] = await tx.select().from(workClaims).where(and(eq(workClaims.tenantId, ctx.tenantId), eq(workClaims.id, entry.sourceId)));
      if (claim) {
        await tx
          .update(workClaims)
          .set({ state: nextClaimState(claim.state, 'reverse'), decisionReason: reason, updatedAt: new Date() })
          .where(and(eq(workClaims.tenantId, ctx.tenantId), eq(workClaims.id, claim.id)));
      }
    }
    await recordAudit(tx, ctx, {
      action: 'points.reverse',
      entityType: 'point_entry',
      entityId: row.id,
      before: { entryId: entry.id, points: entry.points },
      after: { points: row.points },
      reason,
    });
    return row;
  });
}

/** The ledger in scope (members see only their own entries), newest first. */
type EntryFilter = Omit<ListEntriesQuery, 'page' | 'pageSize'>;

function entryConditions(ctx: ActorContext, q: EntryFilter): SQL[] {
  const conds: SQL[] = [eq(pointEntries.tenantId, ctx.tenantId), inScope(ctx, pointEntries.orgId)];
  if (isOnlyMember(ctx)) conds.push(eq(pointEntries.memberId, ctx.actor.memberId ?? '00000000-0000-0000-0000-000000000000'));
  if (q.memberId) conds.push(eq(pointEntries.memberId, q.memberId));
  if (q.category) conds.push(eq(pointEntries.category, q.category));
  if (q.from) conds.push(gte(pointEntries.occurredOn, q.from));
  if (q.to) conds.push(lte(pointEntries.occurredOn, q.to));
  return conds;
}

function entryRows(db: Db, where: SQL | undefined) {
  return db
    .select({
      id: pointEntries.id,
      memberId: pointEntries.memberId,
      memberName: members.name,
      orgId: pointEntries.orgId,
      orgName: orgUnits.name,
      category: pointEntries.category,
      occurredOn: pointEntries.occurredOn,
      points: pointEntries.points,
      sourceKind: pointEntries.sourceKind,
      sourceId: pointEntries.sourceId,
      note: pointEntries.note,
      createdAt: pointEntries.createdAt,
    })
    .from(pointEntries)
    .innerJoin(members, and(eq(members.tenantId, pointEntries.tenantId), eq(members.id, pointEntries.memberId)))
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, pointEntries.tenantId), eq(orgUnits.id, pointEntries.orgId)))
    .where(where)
    .$dynamic();
}

function toEntryResponse(r: Awaited<ReturnType<typeof entryRows>>[number]): EntryResponse {
  return { ...r, categoryLabel: categoryLabels[r.category], createdAt: r.createdAt.toISOString() };
}

export async function listEntries(ctx: ActorContext, q: ListEntriesQuery): Promise<Paged<EntryResponse>> {
  const where = and(...entryConditions(ctx, q));
  const [{ total }] = await ctx.db.select({ total: count() }).from(pointEntries).where(where);
  const rows = await entryRows(ctx.db, where)
    .orderBy(desc(pointEntries.occurredOn), desc(pointEntries.createdAt), desc(pointEntries.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return {
    items: rows.map(toEntryResponse),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** A plain member (no managing role): sees and acts on their own records only. */
export function isOnlyMember(ctx: ActorContext): boolean {
  return ctx.actor.roles.every((r) => r === 'member');
}

/** How many entries match and their net points — the totals row of a streamed ledger. */
export async function entryTotals(ctx: ActorContext, q: EntryFilter): Promise<{ count: number; points: number }> {
  const [r] = await ctx.db
    .select({ count: count(), points: sql<number>`coalesce(sum(${pointEntries.points}), 0)::int` })
    .from(pointEntries)
    .where(and(...entryConditions(ctx, q)));
  return { count: r?.count ?? 0, points: r?.points ?? 0 };
}

/**
 * Every matching entry, newest day first, read in keyset pages of `pageSize` so an export of a million entries
 * never holds more than one page in memory. The key is (day, id): created_at has microseconds that a JS Date
 * would round away, which would skip rows at a page boundary.
 */
export async function* streamEntries(db: Db, ctx: ActorContext, q: EntryFilter, pageSize = 1000): AsyncGenerator<EntryResponse> {
  const base = entryConditions(ctx, q);
  let after: { occurredOn: string; id: string } | undefined;
  for (;;) {
    const conds = after ? [...base, sql`(${pointEntries.occurredOn}, ${pointEntries.id}) < (${after.occurredOn}, ${after.id}::uuid)`] : base;
    const page = await entryRows(db, and(...conds)).orderBy(desc(pointEntries.occurredOn), desc(pointEntries.id)).limit(pageSize);
    for (const r of page) yield toEntryResponse(r);
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    after = { occurredOn: last.occurredOn, id: last.id };
  }
}

