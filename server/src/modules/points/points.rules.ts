import { and, asc, desc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import type { ActorContext } from '../../platform/request-context.js';
import { recordAudit } from '../audit/index.js';
import { nextMonthStart } from '../../platform/time.js';
import { categoryLabels } from './points.labels.js';
import type { CreateRuleBody } from './points.schema.js';
import { pointEntries, pointRules, workClaims, type PointCategory } from './points.table.js';

export type PointRule = typeof pointRules.$inferSelect;

/** The rule version in force for a category on a day (the latest effective date not after it). */
export async function ruleInForce(db: Db, tenantId: number, category: PointCategory, day: string): Promise<PointRule> {
  const [rule] = await db
    .select()
    .from(pointRules)
    .where(and(eq(pointRules.tenantId, tenantId), eq(pointRules.category, category), lte(pointRules.effectiveFrom, day)))
    .orderBy(desc(pointRules.effectiveFrom))
    .limit(1);
  if (!rule) throw new AppError('INVALID_STATE', `${day} 没有生效的「${categoryLabels[category]}」积分规则`);
  return rule;
}

export async function listRules(ctx: ActorContext): Promise<PointRule[]> {
  return ctx.db
    .select()
    .from(pointRules)
    .where(eq(pointRules.tenantId, ctx.tenantId))
    .orderBy(asc(pointRules.category), desc(pointRules.effectiveFrom));
}

/** A new rule version; versions are never edited, a later effective date supersedes. */
export async function createRule(ctx: ActorContext, input: CreateRuleBody): Promise<PointRule> {
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: pointRules.id })
      .from(pointRules)
      .where(and(eq(pointRules.tenantId, ctx.tenantId), eq(pointRules.category, input.category), eq(pointRules.effectiveFrom, input.effectiveFrom)));
    if (existing) throw new AppError('CONFLICT', '该类别在此生效日期已有规则版本，请选择其他生效日期');
    const [row] = await tx
      .insert(pointRules)
      .values({ tenantId: ctx.tenantId, ...input, createdBy: ctx.actor.userId })
      .returning();
    await recordAudit(tx, ctx, { action: 'points.rule.create', entityType: 'point_rule', entityId: row.id, after: input });
    return row;
  });
}

export interface CapWindow {
  name: 'day' | 'month' | 'year';
  label: string;
  from: string;
  /** Exclusive. */
  to: string;
  limit: number | null;
}

export function capWindows(rule: PointRule, day: string): CapWindow[] {
  const year = day.slice(0, 4);
  return [
    { name: 'day', label: '每日', from: day, to: day, limit: rule.capPerDay },
    { name: 'month', label: '每月', from: `${day.slice(0, 7)}-01`, to: nextMonthStart(day.slice(0, 7)), limit: rule.capPerMonth },
    { name: 'year', label: '每年', from: `${year}-01-01`, to: `${Number(year) + 1}-01-01`, limit: rule.capPerYear },
  ];
}

/** Points already posted plus points claimed and awaiting a decision, for a member and category in a window. */
async function usedPoints(db: Db, tenantId: number, memberId: string, category: PointCategory, w: CapWindow): Promise<number> {
  const dayCond = (col: typeof pointEntries.occurredOn | typeof workClaims.occurredOn) =>
    w.name === 'day' ? eq(col, w.from) : and(gte(col, w.from), lt(col, w.to));
  const [posted] = await db
    .select({ s: sql<number>`coalesce(sum(${pointEntries.points}), 0)::int` })
    .from(pointEntries)
    .where(and(eq(pointEntries.tenantId, tenantId), eq(pointEntries.memberId, memberId), eq(pointEntries.category, category), dayCond(pointEntries.occurredOn)));
  const [pending] = await db
    .select({ s: sql<number>`coalesce(sum(${workClaims.points}), 0)::int` })
    .from(workClaims)
    .where(and(eq(workClaims.tenantId, tenantId), eq(workClaims.memberId, memberId), sql`${workClaims.category} = ${category}`, eq(workClaims.state, 'pending'), dayCond(workClaims.occurredOn)));
  return Number(posted?.s ?? 0) + Number(pending?.s ?? 0);
}

/** Points still allowed under every cap of the rule (null: no cap applies). */
export async function remainingUnderCaps(db: Db, tenantId: number, memberId: string, rule: PointRule, day: string): Promise<{ remaining: number | null; binding: CapWindow | null }> {
  let remaining: number | null = null;
  let binding: CapWindow | null = null;
  for (const w of capWindows(rule, day)) {
    if (w.limit === null) continue;
    const left = Math.max(0, w.limit - (await usedPoints(db, tenantId, memberId, rule.category, w)));
    if (remaining === null || left < remaining) {
      remaining = left;
      binding = w;
    }
  }
  return { remaining, binding };
}
