import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { queryRows } from '../../platform/db.js';
import { AppError, fieldError } from '../../platform/errors.js';
import type { ActorContext } from '../../platform/request-context.js';
import { recordAudit } from '../audit/index.js';
import { inScope } from '../org-units/index.js';
import { categoryLabels } from './points.labels.js';
import type { ClaimResponse, DecideManyBody, DecideResponse } from './points.schema.js';
import { getClaim } from './points.service.js';
import type { ClaimCategory } from './points.table.js';

const NO_ID = '00000000-0000-0000-0000-000000000000';
const capLabels = { day: '每日', month: '每月', year: '每年' } as const;
type CapName = keyof typeof capLabels;

interface ApprovalRow {
  id: string;
  category: ClaimCategory;
  breach: CapName | null;
  cap_limit: number | null;
  decided: boolean;
  posted: boolean;
}

/**
 * Locks the claims this decision may move (pending, in scope, not the approver's own) and then their members,
 * both in id order, so two approvers deciding overlapping claims, or claims of the same member, queue up instead
 * of both reading the same cap headroom.
 */
async function lockCandidates(tx: Db, ctx: ActorContext, ids: string[]): Promise<string[]> {
  const idList = sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `);
  const own = ctx.actor.memberId ?? NO_ID;
  const locked = await queryRows<{ id: string }>(
    tx,
    sql`select id from work_claims
      where tenant_id = ${ctx.tenantId} and id in (${idList}) and state = 'pending' and member_id <> ${own}::uuid
        and ${inScope(ctx, sql.raw('org_id'))}
      order by id for update`,
  );
  if (locked.length === 0) return [];
  const lockedList = sql.join(locked.map((r) => sql`${r.id}::uuid`), sql`, `);
  await tx.execute(
    sql`select id from members where tenant_id = ${ctx.tenantId}
      and id in (select member_id from work_claims where tenant_id = ${ctx.tenantId} and id in (${lockedList}))
      order by id for no key update`,
  );
  return locked.map((r) => r.id);
}

/**
 * Approves the locked claims in one statement, re-checking each claim's day/month/year caps (from the rule it
 * was scored under) against the points already in the ledger plus the claims approved before it in this batch
 * (oldest work first). A claim that would pass a cap is left pending and reported; the rest are approved and
 * posted to the ledger, exactly the rows the UPDATE moved.
 */
async function approveWithinCaps(tx: Db, ctx: ActorContext, ids: string[], reason: string | null): Promise<ApprovalRow[]> {
  const idList = sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `);
  const window = (unit: 'month' | 'year', col: string) =>
    sql.raw(`e.occurred_on >= date_trunc('${unit}', ${col}::timestamp)::date and e.occurred_on < (date_trunc('${unit}', ${col}::timestamp) + interval '1 ${unit}')::date`);
  return queryRows<ApprovalRow>(
    tx,
    sql`with cand as (
        select c.tenant_id, c.id, c.member_id, c.org_id, c.category, c.occurred_on, c.points, c.rule_id, c.summary, c.created_at,
          r.cap_per_day, r.cap_per_month, r.cap_per_year
        from work_claims c join point_rules r on r.tenant_id = c.tenant_id and r.id = c.rule_id
        where c.tenant_id = ${ctx.tenantId} and c.id in (${idList}) and c.state = 'pending'
      ),
      running as (
        select cand.*,
          sum(points) over (partition by member_id, category, occurred_on order by occurred_on, created_at, id) as run_day,
          sum(points) over (partition by member_id, category, date_trunc('month', occurred_on::timestamp) order by occurred_on, created_at, id) as run_month,
          sum(points) over (partition by member_id, category, date_trunc('year', occurred_on::timestamp) order by occurred_on, created_at, id) as run_year
        from cand
      ),
      used as (
        select running.*,
          (select coalesce(sum(e.points), 0) from point_entries e where e.tenant_id = running.tenant_id and e.member_id = running.member_id
            and e.category = running.category and e.occurred_on = running.occurred_on) as used_day,
          (select coalesce(sum(e.points), 0) from point_entries e where e.tenant_id = running.tenant_id and e.member_id = running.member_id
            and e.category = running.category and ${window('month', 'running.occurred_on')}) as used_month,
          (select coalesce(sum(e.points), 0) from point_entries e where e.tenant_id = running.tenant_id and e.member_id = running.member_id
            and e.category = running.category and ${window('year', 'running.occurred_on')}) as used_year
        from running
      ),
      checked as (
        select used.*,
          case
            when cap_per_day is not null and used_day + run_day > cap_per_day then 'day'
            when cap_per_month is not null and used_month + run_month > cap_per_month then 'month'
            when cap_per_year is not null and used_year + run_year > cap_per_year then 'year'
          end as breach
        from used
      ),
      decided as (
        update work_claims w set state = 'approved', decided_by = ${ctx.actor.userId}, decided_at = now(), decision_reason = ${reason}, updated_at = now()
        from checked k
        where w.tenant_id = k.tenant_id and w.id = k.id and k.breach is null and w.state = 'pending'
        returning w.tenant_id, w.id, w.member_id, w.org_id, w.category, w.occurred_on, w.points, w.rule_id, w.summary
      ),
      posted as (
        insert into point_entries (tenant_id, member_id, org_id, category, occurred_on, points, source_kind, source_id, rule_id, note, created_by)
        select tenant_id, member_id, org_id, category, occurred_on, points, 'claim', id, rule_id, left('申报通过：' || summary, 200), ${ctx.actor.userId}::uuid
        from decided
        on conflict do nothing
        returning source_id
      )
      select k.id, k.category, k.breach,
        (case k.breach when 'day' then k.cap_per_day when 'month' then k.cap_per_month when 'year' then k.cap_per_year end)::int as cap_limit,
        (d.id is not null) as decided, (p.source_id is not null) as posted
      from checked k left join decided d on d.id = k.id left join posted p on p.source_id = k.id`,
  );
}

/**
 * Approves or rejects pending claims in the actor's scope, set-based in one transaction: a conditional
 * UPDATE … WHERE state = 'pending' and, for approvals, the ledger INSERT of exactly the rows it moved, after a
 * re-check of the caps. Two secretaries deciding the same claim at once: the second finds it no longer pending
 * (and the ledger's unique source key would refuse a second posting anyway). Nobody decides their own claim.
 */
export async function decideClaims(ctx: ActorContext, input: DecideManyBody): Promise<DecideResponse> {
  if (input.decision === 'reject' && !input.reason) throw fieldError('reason', '退回时请填写原因');
  const ids = [...new Set(input.ids)];
  const reason = input.reason ?? null;
  return ctx.db.transaction(async (tx) => {
    const locked = await lockCandidates(tx, ctx, ids);
    let decided: string[] = [];
    let posted = 0;
    const overCap: DecideResponse['overCap'] = [];
    if (locked.length > 0 && input.decision === 'approve') {
      const rows = await approveWithinCaps(tx, ctx, locked, reason);
      decided = rows.filter((r) => r.decided).map((r) => r.id);
      posted = rows.filter((r) => r.posted).length;
      for (const r of rows) if (r.breach) overCap.push({ id: r.id, cap: r.breach, limit: Number(r.cap_limit ?? 0) });
    } else if (locked.length > 0) {
      const lockedList = sql.join(locked.map((i) => sql`${i}::uuid`), sql`, `);
      const rows = await queryRows<{ id: string }>(
        tx,
        sql`update work_claims set state = 'rejected', decided_by = ${ctx.actor.userId}, decided_at = now(), decision_reason = ${reason}, updated_at = now()
          where tenant_id = ${ctx.tenantId} and id in (${lockedList}) and state = 'pending' returning id`,
      );
      decided = rows.map((r) => r.id);
    }
    const state = input.decision === 'approve' ? 'approved' : 'rejected';
    if (decided.length > 0) {
      await recordAudit(tx, ctx, {
        action: state === 'approved' ? 'points.claim.approve' : 'points.claim.reject',
        entityType: 'work_claim',
        entityId: decided.length === 1 ? decided[0] : null,
        after: { state, count: decided.length, claimIds: decided, ...(overCap.length ? { overCap: overCap.map((o) => o.id) } : {}) },
        reason,
      });
    }
    const done = new Set(decided);
    return { decided: decided.length, posted, skipped: ids.filter((i) => !done.has(i)), overCap };
  });
}

/** One claim: a claim that did not move is out of reach (404), the approver's own (403), over a cap or already decided (409). */
export async function decideClaim(ctx: ActorContext, id: string, decision: 'approve' | 'reject', reason?: string): Promise<ClaimResponse> {
  const result = await decideClaims(ctx, { ids: [id], decision, reason });
  if (result.decided === 0) {
    const claim = await getClaim(ctx, id);
    if (claim.memberId === ctx.actor.memberId) throw new AppError('FORBIDDEN', '不能审核本人的申报');
    const over = result.overCap[0];
    if (over) {
      throw new AppError('INVALID_STATE', `通过后将超过「${categoryLabels[claim.category]}」${capLabels[over.cap]}积分上限（${over.limit}分），请退回或冲销其他记录后再审核`, {
        cap: over.cap,
        limit: over.limit,
      });
    }
    throw new AppError('INVALID_STATE', `该申报${claim.stateLabel}，不能再审核`);
  }
  return getClaim(ctx, id);
}
