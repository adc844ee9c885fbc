import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../platform/db.js';
import { cachedByStamp } from '../audit/index.js';
import { notFound } from '../../platform/errors.js';
import { offsetOf } from '../../platform/pagination.js';
import { addDays, isCalendarDay, nextMonthStart } from '../../platform/time.js';
import type { ActorContext } from '../../platform/request-context.js';
import { getOrgInScope, inScope, isStreetRoot } from '../org-units/index.js';
import { categoryLabels } from './points.labels.js';
import { loadMember } from './points.ledger.js';
import type { RankingQuery, RankingRow } from './points.schema.js';
import { pointCategories, type PointCategory } from './points.table.js';

const ALL_SIX = pointCategories.length;

/** The org path a ranking or figure covers: the chosen unit (in scope) or the actor's scope root. */
export async function rootPath(ctx: ActorContext, orgId?: string): Promise<string> {
  if (!orgId) return ctx.actor.scopePath;
  return (await getOrgInScope(ctx, orgId)).path;
}

export interface PeriodParts {
  /** Whole months read from point_totals_monthly: month >= fromMonth and month < toMonth (first days), if any. */
  months?: { fromMonth: string; toMonth: string };
  /** Day ranges (inclusive) read from point_entries: the partial months at the edges, or the whole period. */
  days: { from: string; to: string }[];
}

/** Splits [from, to] into the whole months the rollup answers and the edge days only the ledger can. */
export function splitPeriod(from: string, to: string): PeriodParts {
  // A day that is not a date (2018-02-30) goes to the ledger query unchanged, which refuses it as before.
  if (!isCalendarDay(from) || !isCalendarDay(to)) return { days: [{ from, to }] };
  const fromMonth = from.endsWith('-01') ? from : nextMonthStart(from);
  const afterTo = nextMonthStart(to);
  const toMonth = addDays(afterTo, -1) === to ? afterTo : `${to.slice(0, 7)}-01`;
  if (from > to || fromMonth >= toMonth) return { days: [{ from, to }] };
  const days: { from: string; to: string }[] = [];
  if (from < fromMonth) days.push({ from, to: addDays(fromMonth, -1) });
  if (toMonth <= to) days.push({ from: toMonth, to });
  return { months: { fromMonth, toMonth }, days };
}

/**
 * Net points per member in a period under a path: the one aggregation rankings and figures share. Whole
 * months come from the monthly rollup (积分月汇总: one row per member and month, a column per category), the
 * days at the edges from the ledger, spread into the same columns; the sums are the same as summing
 * point_entries over the period. `categories` counts the 六个一 categories with a positive net total.
 */
function memberTotals(tenantId: number, path: string, from: string, to: string): SQL {
  const parts = splitPeriod(from, to);
  // Every unit of a street hangs under its one root (units are only created under a parent), so a street-wide
  // path needs no join to org_units: the tenant filter already is the subtree.
  const wholeStreet = isStreetRoot(path);
  const under = (alias: string) =>
    wholeStreet ? sql`` : sql` and ${sql.raw(alias)}.org_id in (select o.id from org_units o where o.tenant_id = ${tenantId} and o.path like ${path + '%'})`;
  // Column names are the category codes (a fixed list, never user input).
  const spread = pointCategories.map((c) => sql.raw(`case when e.category = '${c}' then e.points else 0 end as ${c}`));
  const pieces: SQL[] = parts.days.map(
    (d) => sql`select e.member_id, e.points, ${sql.join(spread, sql`, `)} from point_entries e
      where e.tenant_id = ${tenantId} and e.occurred_on between ${d.from} and ${d.to}${under('e')}`,
  );
  if (parts.months) {
    pieces.unshift(sql`select r.member_id, r.points, ${sql.raw(pointCategories.map((c) => `r.${c}`).join(', '))} from point_totals_monthly r
      where r.tenant_id = ${tenantId} and r.month >= ${parts.months.fromMonth} and r.month < ${parts.months.toMonth}${under('r')}`);
  }
  const positive = sql.raw(pointCategories.map((c) => `(sum(u.${c}) > 0)::int`).join(' + '));
  return sql`select u.member_id, sum(u.points)::int as total, (${positive})::int as categories
    from (${sql.join(pieces, sql` union all `)}) u
    group by u.member_id`;
}

/** Active members under a path, grouped by branch (denominator for per-member averages). */
function memberCounts(tenantId: number, path: string): SQL {
  return sql`select m.org_id, count(*)::int as members
    from members m join org_units o on o.tenant_id = m.tenant_id and o.id = m.org_id
    where m.tenant_id = ${tenantId} and m.state = 'active' and o.path like ${path + '%'}
    group by m.org_id`;
}

interface Summary {
  points: number;
  members: number;
  perMember: number;
  completedAllSix: number;
}

/** The summary's three figures over the totals `t` in scope of the statement, as s_points, s_completed, s_members. */
function summaryColumns(tenantId: number, path: string): SQL {
  return sql`(select sum(total)::int from t) as s_points,
      (select count(*)::int from t where t.categories >= ${ALL_SIX}) as s_completed,
      (select sum(members)::int from (${memberCounts(tenantId, path)}) c) as s_members`;
}

interface SummaryRow {
  s_points: number | null;
  s_completed: number | null;
  s_members: number | null;
}

async function summaryOf(ctx: ActorContext, path: string, from: string, to: string): Promise<Summary> {
  const [row] = await queryRows<SummaryRow>(ctx.db, sql`with t as materialized (${memberTotals(ctx.tenantId, path, from, to)}) select ${summaryColumns(ctx.tenantId, path)}`);
  return summaryFrom(row);
}

function summaryFrom(row: SummaryRow | undefined): Summary {
  const points = Number(row?.s_points ?? 0);
  const members = Number(row?.s_members ?? 0);
  return { points, members, perMember: members ? Math.round((points / members) * 100) / 100 : 0, completedAllSix: Number(row?.s_completed ?? 0) };
}

/**
 * Rankings for any period, by SQL aggregation over the monthly rollup and the ledger's edge days: members (within the chosen unit),
 * branches, or villages/communities — with totals and points per member so a big branch does not win by size.
 */
export async function getRankings(ctx: ActorContext, q: RankingQuery, opts: { cache?: boolean } = {}) {
  const path = await rootPath(ctx, q.orgId);
  if (opts.cache === false) return computeRankings(ctx, path, q);
  // Kept until the street next writes (the audit head moves) or for a minute: members open the same ranking over
  // and over, and it depends only on the unit's path, the period, the level and the page, not on who asks.
  const key = `points.rankings|${path}|${q.level}|${q.from}|${q.to}|${q.page}|${q.pageSize}`;
  return cachedByStamp(ctx.services, ctx.db, ctx.tenantId, key, () => computeRankings(ctx, path, q));
}

async function computeRankings(ctx: ActorContext, path: string, q: RankingQuery) {
  const totals = memberTotals(ctx.tenantId, path, q.from, q.to);
  // One statement computes the totals once (materialized as t) for both the page and the summary.
  let ctes: SQL;
  let page: SQL;
  if (q.level === 'member') {
    ctes = sql`t as materialized (${totals})`;
    page = sql`select m.id, m.name, o.name as org_name, coalesce(t.total, 0)::int as total, 1 as members,
        coalesce(t.total, 0)::float8 as per_member, coalesce(t.categories, 0)::int as categories,
        rank() over (order by coalesce(t.total, 0) desc)::int as rank, count(*) over ()::int as full_count,
        null::int as sort_a, m.name_pinyin as sort_b
      from members m
      join org_units o on o.tenant_id = m.tenant_id and o.id = m.org_id
      left join t on t.member_id = m.id
      where m.tenant_id = ${ctx.tenantId} and m.state = 'active' and o.path like ${path + '%'}
      order by rank, m.name_pinyin`;
  } else {
    // Branch level groups by the entry's branch; unit level by the village/community/enterprise at depth 1.
    const groupKey = q.level === 'branch' ? sql`o.id` : sql`nullif(split_part(o.path, '/', 3), '')::uuid`;
    ctes = sql`t as materialized (${totals}),
      by_group as (
        select ${groupKey} as gid, sum(pm.total)::int as total, count(*) filter (where pm.categories >= ${ALL_SIX})::int as completed
        from t pm join members m on m.tenant_id = ${ctx.tenantId} and m.id = pm.member_id
        join org_units o on o.tenant_id = m.tenant_id and o.id = m.org_id
        group by 1),
      sizes as (
        select ${groupKey} as gid, sum(c.members)::int as members
        from (${memberCounts(ctx.tenantId, path)}) c join org_units o on o.tenant_id = ${ctx.tenantId} and o.id = c.org_id
        group by 1)`;
    page = sql`select g.id, g.name, p.name as org_name, coalesce(b.total, 0)::int as total, s.members,
        round(coalesce(b.total, 0)::numeric / nullif(s.members, 0), 2)::float8 as per_member,
        coalesce(b.completed, 0)::int as categories,
        rank() over (order by coalesce(b.total, 0)::numeric / nullif(s.members, 0) desc nulls last)::int as rank,
        count(*) over ()::int as full_count, g.sort_order as sort_a, g.name as sort_b
      from sizes s join org_units g on g.tenant_id = ${ctx.tenantId} and g.id = s.gid
      left join org_units p on p.tenant_id = g.tenant_id and p.id = g.parent_id
      left join by_group b on b.gid = s.gid
      order by rank, g.sort_order, g.name`;
  }
  const rows = await queryRows<{
    id: string;
    name: string;
    org_name: string | null;
    total: number;
    members: number;
    per_member: number | null;
    categories: number;
    rank: number;
    full_count: number;
  } & SummaryRow>(
    ctx.db,
    sql`with ${ctes}, page as (${page} limit ${q.pageSize} offset ${offsetOf(q)})
      select p.*, ${summaryColumns(ctx.tenantId, path)}
      from page p
      order by p.rank, p.sort_a, p.sort_b`,
  );
  const items: RankingRow[] = rows.map((r) => ({
    rank: Number(r.rank),
    id: r.id,
    name: r.name,
    orgName: r.org_name,
    total: Number(r.total),
    members: Number(r.members),
    perMember: Number(r.per_member ?? 0),
    categories: Number(r.categories),
  }));
  const first = rows.at(0);
  // A page past the end has no row to carry the summary; only then is it a second statement.
  const summary = first ? summaryFrom(first) : await summaryOf(ctx, path, q.from, q.to);
  return { items, total: first ? Number(first.full_count) : 0, page: q.page, pageSize: q.pageSize, summary };
}

/** The day of the latest ledger entry in the actor's scope, or null before any (read backwards off the period index). */
export async function latestEntryDay(ctx: ActorContext): Promise<string | null> {
  const [row] = await queryRows<{ day: string | null }>(
    ctx.db,
    sql`select max(e.occurred_on)::text as day from point_entries e where e.tenant_id = ${ctx.tenantId} and ${inScope(ctx, sql`e.org_id`)}`,
  );
  return row?.day ?? null;
}

/** A member's own standing: total, by category, rank in the branch and the street, 六个一 completion. */
export async function getMyPoints(ctx: ActorContext, period: { from: string; to: string }) {
  if (!ctx.actor.memberId) throw notFound('党员');
  const member = await loadMember(ctx.db, ctx.tenantId, ctx.actor.memberId);
  const streetPath = `/${member.orgPath.split('/').filter(Boolean)[0]}/`;
  const rankIn = async (path: string) => {
    const [row] = await queryRows<{ rank: number | null; size: number }>(
      ctx.db,
      sql`with t as materialized (${memberTotals(ctx.tenantId, path, period.from, period.to)}),
        ranked as (
          select m.id, rank() over (order by coalesce(t.total, 0) desc)::int as rank
          from members m join org_units o on o.tenant_id = m.tenant_id and o.id = m.org_id
          left join t on t.member_id = m.id
          where m.tenant_id = ${ctx.tenantId} and m.state = 'active' and o.path like ${path + '%'})
        select (select rank from ranked where id = ${member.id}) as rank, (select count(*)::int from ranked) as size`,
    );
    return { rank: row?.rank === null || row?.rank === undefined ? null : Number(row.rank), size: Number(row?.size ?? 0) };
  };
  const byCat = await queryRows<{ category: PointCategory; points: number; items: number }>(
    ctx.db,
    sql`select category, sum(points)::int as points, count(*) filter (where source_kind <> 'reversal')::int as items
      from point_entries where tenant_id = ${ctx.tenantId} and member_id = ${member.id} and occurred_on between ${period.from} and ${period.to}
      group by category`,
  );
  const branch = await rankIn(member.orgPath);
  const street = await rankIn(streetPath);
  const [org] = await queryRows<{ name: string }>(ctx.db, sql`select name from org_units where tenant_id = ${ctx.tenantId} and id = ${member.orgId}`);
  const byCategory = pointCategories.map((c) => {
    const r = byCat.find((x) => x.category === c);
    return { category: c, label: categoryLabels[c], points: Number(r?.points ?? 0), items: Number(r?.items ?? 0) };
  });
  return {
    memberId: member.id,
    memberName: member.name,
    orgName: org?.name ?? '',
    total: byCategory.reduce((a, c) => a + c.points, 0),
    byCategory,
    rankInBranch: branch.rank,
    branchMembers: branch.size,
    rankInStreet: street.rank,
    streetMembers: street.size,
    completedAllSix: byCategory.every((c) => c.points > 0),
  };
}
