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

/** Months a rollup row covers (point_totals.span): a month, a quarter, a year. */
export type Span = 1 | 3 | 12;

export interface PeriodParts {
  /** Whole spans read from point_totals: rows of `span` with start >= from and start < to (first days of months). */
  rollup: { span: Span; from: string; to: string }[];
  /** Day ranges (inclusive) read from point_entries: the partial months at the edges, or the whole period. */
  days: { from: string; to: string }[];
}

const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const monthStart = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;

/**
 * Splits [from, to] into the fewest whole years, quarters and months the rollup answers (greedy from the start: a
 * year where one starts and fits, else a quarter, else a month) and the edge days only the ledger can. A quarter is
 * one range of quarter rows; 2018-02-01..2019-12-31 is two months, three quarters and a year.
 */
export function splitPeriod(from: string, to: string): PeriodParts {
  // A day that is not a date (2018-02-30) goes to the ledger query unchanged, which refuses it as before.
  if (!isCalendarDay(from) || !isCalendarDay(to)) return { rollup: [], days: [{ from, to }] };
  const fromMonth = from.endsWith('-01') ? from : nextMonthStart(from);
  const afterTo = nextMonthStart(to);
  const toMonth = addDays(afterTo, -1) === to ? afterTo : `${to.slice(0, 7)}-01`;
  if (from > to || fromMonth >= toMonth) return { rollup: [], days: [{ from, to }] };
  const rollup: PeriodParts['rollup'] = [];
  const end = monthIndex(toMonth);
  for (let m = monthIndex(fromMonth); m < end; ) {
    const span: Span = m % 12 === 0 && m + 12 <= end ? 12 : m % 3 === 0 && m + 3 <= end ? 3 : 1;
    const last = rollup.at(-1);
    // Adjacent pieces of one span are one range of rows.
    if (last && last.span === span && last.to === monthStart(m)) last.to = monthStart(m + span);
    else rollup.push({ span, from: monthStart(m), to: monthStart(m + span) });
    m += span;
  }
  const days: { from: string; to: string }[] = [];
  if (from < fromMonth) days.push({ from, to: addDays(fromMonth, -1) });
  if (toMonth <= to) days.push({ from: toMonth, to });
  return { rollup, days };
}

/**
 * Net points per member in a period under a path: the one aggregation rankings and figures share. Whole years,
 * quarters and months come from the rollup (积分汇总: one row per member and span, a column per category), the
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
  const columns = sql.raw(pointCategories.map((c) => `r.${c}`).join(', '));
  const pieces: SQL[] = [
    ...parts.rollup.map(
      (p) => sql`select r.member_id, r.points, ${columns} from point_totals r
        where r.tenant_id = ${tenantId} and r.span = ${p.span} and ${
          // One quarter (or year, or month) is one start: equality lets the member-order index stream it (decision 0013).
          p.to === monthStart(monthIndex(p.from) + p.span) ? sql`r.start = ${p.from}` : sql`r.start >= ${p.from} and r.start < ${p.to}`
        }${under('r')}`,
    ),
    ...parts.days.map(
      (d) => sql`select e.member_id, e.points, ${sql.join(spread, sql`, `)} from point_entries e
        where e.tenant_id = ${tenantId} and e.occurred_on between ${d.from} and ${d.to}${under('e')}`,
    ),
  ];
  const positive = sql.raw(pointCategories.map((c) => `(sum(u.${c}) > 0)::int`).join(' + '));
  return sql`select u.member_id, sum(u.points)::int as total, (${positive})::int as categories
    from (${sql.join(pieces, sql` union all `)}) u
    group by u.member_id`;
}

/** The filter for active members `m` under a path (the whole street needs no org lookup, as in memberTotals). */
function activeMembersUnder(tenantId: number, path: string): SQL {
  const under = isStreetRoot(path) ? sql`` : sql` and m.org_id in (select o.id from org_units o where o.tenant_id = ${tenantId} and o.path like ${path + '%'})`;
  return sql`m.tenant_id = ${tenantId} and m.state = 'active'${under}`;
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

/**
 * The summary's three figures over the totals `t` in scope of the statement, as s_points, s_completed, s_members
 * (the active members under the path).
 */
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
  return makeSummary(Number(row?.s_points ?? 0), Number(row?.s_members ?? 0), Number(row?.s_completed ?? 0));
}

function makeSummary(points: number, members: number, completedAllSix: number): Summary {
  return { points, members, perMember: members ? Math.round((points / members) * 100) / 100 : 0, completedAllSix };
}

/**
 * Rankings for any period, by SQL aggregation over the monthly rollup and the ledger's edge days: members (within the chosen unit),
 * branches, or villages/communities — with totals and points per member so a big branch does not win by size.
 */
export async function getRankings(ctx: ActorContext, q: RankingQuery, opts: { cache?: boolean } = {}) {
  const path = await rootPath(ctx, q.orgId);
  const cache = opts.cache !== false;
  if (!cache) return computeRankings(ctx, path, q, cache);
  // Kept until the street next writes (the audit head moves) or for a minute: members open the same ranking over
  // and over, and it depends only on the unit's path, the period, the level and the page, not on who asks.
  const key = `points.rankings|${path}|${q.level}|${q.from}|${q.to}|${q.page}|${q.pageSize}`;
  return cachedByStamp(ctx.services, ctx.db, ctx.tenantId, key, () => computeRankings(ctx, path, q, cache));
}

interface RankingSqlRow {
  id: string;
  name: string;
  org_name: string | null;
  total: number;
  members: number;
  per_member: number | null;
  categories: number;
  rank: number;
  full_count: number;
}

async function computeRankings(ctx: ActorContext, path: string, q: RankingQuery, cache: boolean) {
  if (q.level === 'member') return memberRanking(ctx, path, q, cache);
  const rows = await groupPage(ctx, path, q);
  const first = rows.at(0);
  // A page past the end has no row to carry the summary; only then is it a second statement.
  const summary = first ? summaryFrom(first) : await summaryOf(ctx, path, q.from, q.to);
  return { items: rows.map(rankingRow), total: first ? Number(first.full_count) : 0, page: q.page, pageSize: q.pageSize, summary };
}

function rankingRow(r: RankingSqlRow): RankingRow {
  return {
    rank: Number(r.rank),
    id: r.id,
    name: r.name,
    orgName: r.org_name,
    total: Number(r.total),
    members: Number(r.members),
    perMember: Number(r.per_member ?? 0),
    categories: Number(r.categories),
  };
}

/**
 * What every page of a member ranking shares: the summary, and how many active members have each total (highest
 * first), from which a member's rank is read — competition ranks (1, 2, 2, 4): one more than the members with a
 * higher total.
 */
interface PeriodStats {
  summary: Summary;
  /** The distinct totals of active members, highest first, with how many members have each. */
  totals: { total: number; members: number }[];
}

/** One more than the active members with a higher total. */
function rankOf(stats: PeriodStats, total: number): number {
  let higher = 0;
  for (const t of stats.totals) {
    if (t.total <= total) break;
    higher += t.members;
  }
  return higher + 1;
}

async function periodStats(ctx: ActorContext, path: string, from: string, to: string): Promise<PeriodStats> {
  // One pass over the totals (t is read once, so it is not materialized): grouped by total, each group counts its
  // active members (n) and sums the points and the members with all six categories of everyone with entries — the
  // summary counts members who have since left, as the branch ranking does.
  const rows = await queryRows<{ total: number; n: number; points: number; completed: number }>(
    ctx.db,
    sql`select coalesce(t.total, 0)::int as total, count(m.id)::int as n, coalesce(sum(t.total), 0)::int as points,
        count(*) filter (where t.categories >= ${ALL_SIX})::int as completed
      from (${memberTotals(ctx.tenantId, path, from, to)}) t
      full join (select m.id from members m where ${activeMembersUnder(ctx.tenantId, path)}) m on m.id = t.member_id
      group by 1
      order by 1 desc`,
  );
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + Number(f(r)), 0);
  const totals = rows.filter((r) => Number(r.n) > 0).map((r) => ({ total: Number(r.total), members: Number(r.n) }));
  return { summary: makeSummary(sum((r) => r.points), sum((r) => r.n), sum((r) => r.completed)), totals };
}

/**
 * The member ranking (decision 0014): the page is the top rows by (total desc, pinyin, id) — a bounded sort, not a
 * ranking of every member — and only the page's rows carry names; the ranks and the summary come from the period's
 * stats, which every page of the period shares (cached like the pages). The two statements run side by side.
 */
async function memberRanking(ctx: ActorContext, path: string, q: RankingQuery, cache: boolean) {
  const statsKey = `points.ranking-stats|${path}|${q.from}|${q.to}`;
  const [stats, rows] = await Promise.all([
    cache ? cachedByStamp(ctx.services, ctx.db, ctx.tenantId, statsKey, () => periodStats(ctx, path, q.from, q.to)) : periodStats(ctx, path, q.from, q.to),
    queryRows<{ id: string; name: string; org_name: string | null; total: number; categories: number }>(
      ctx.db,
      sql`with page as (
          select m.id, m.org_id, m.name, m.name_pinyin, coalesce(t.total, 0)::int as total, coalesce(t.categories, 0)::int as categories
          from members m left join (${memberTotals(ctx.tenantId, path, q.from, q.to)}) t on t.member_id = m.id
          where ${activeMembersUnder(ctx.tenantId, path)}
          order by coalesce(t.total, 0) desc, m.name_pinyin, m.id
          limit ${q.pageSize} offset ${offsetOf(q)})
        select p.id, p.name, o.name as org_name, p.total, p.categories
        from page p join org_units o on o.tenant_id = ${ctx.tenantId} and o.id = p.org_id
        order by p.total desc, p.name_pinyin, p.id`,
    ),
  ]);
  const items: RankingRow[] = rows.map((r) => {
    const total = Number(r.total);
    return { rank: rankOf(stats, total), id: r.id, name: r.name, orgName: r.org_name, total, members: 1, perMember: total, categories: Number(r.categories) };
  });
  return { items, total: stats.summary.members, page: q.page, pageSize: q.pageSize, summary: stats.summary };
}

/** A page of the branch or village/community ranking: by points per member, so a big branch does not win by size. */
async function groupPage(ctx: ActorContext, path: string, q: RankingQuery): Promise<(RankingSqlRow & SummaryRow)[]> {
  const slice = sql`limit ${q.pageSize} offset ${offsetOf(q)}`;
  // Branch level groups by the entry's branch; unit level by the village/community/enterprise at depth 1.
  const groupKey = q.level === 'branch' ? sql`o.id` : sql`nullif(split_part(o.path, '/', 3), '')::uuid`;
  return queryRows<RankingSqlRow & SummaryRow>(
    ctx.db,
    sql`with t as materialized (${memberTotals(ctx.tenantId, path, q.from, q.to)}),
      by_group as (
        select ${groupKey} as gid, sum(pm.total)::int as total, count(*) filter (where pm.categories >= ${ALL_SIX})::int as completed
        from t pm join members m on m.tenant_id = ${ctx.tenantId} and m.id = pm.member_id
        join org_units o on o.tenant_id = m.tenant_id and o.id = m.org_id
        group by 1),
      sizes as (
        select ${groupKey} as gid, sum(c.members)::int as members
        from (${memberCounts(ctx.tenantId, path)}) c join org_units o on o.tenant_id = ${ctx.tenantId} and o.id = c.org_id
        group by 1),
      page as (
        select g.id, g.name, p.name as org_name, coalesce(b.total, 0)::int as total, s.members,
          round(coalesce(b.total, 0)::numeric / nullif(s.members, 0), 2)::float8 as per_member,
          coalesce(b.completed, 0)::int as categories,
          rank() over (order by coalesce(b.total, 0)::numeric / nullif(s.members, 0) desc nulls last)::int as rank,
          count(*) over ()::int as full_count, g.sort_order as sort_a, g.name as sort_b, g.id as sort_c
        from sizes s join org_units g on g.tenant_id = ${ctx.tenantId} and g.id = s.gid
        left join org_units p on p.tenant_id = g.tenant_id and p.id = g.parent_id
        left join by_group b on b.gid = s.gid
        order by rank, g.sort_order, g.name, g.id ${slice})
      select p.*, ${summaryColumns(ctx.tenantId, path)}
      from page p
      order by p.rank, p.sort_a, p.sort_b, p.sort_c`,
  );
}

/**
 * The day of the latest ledger entry in the actor's scope, or null before any. Each unit's latest day is one probe
 * backwards into the (org, day) index; a max over the ledger filtered by scope read every entry (170 ms at 10,000
 * members).
 */
export async function latestEntryDay(ctx: ActorContext): Promise<string | null> {
  const [row] = await queryRows<{ day: string | null }>(
    ctx.db,
    sql`select max(x.day)::text as day from org_units o
      cross join lateral (select max(e.occurred_on) as day from point_entries e where e.tenant_id = o.tenant_id and e.org_id = o.id) x
      where o.tenant_id = ${ctx.tenantId} and ${inScope(ctx, sql`o.id`)}`,
  );
  return row?.day ?? null;
}

/** A member's own standing: total, by category, rank in the branch and the street, 六个一 completion. */
export async function getMyPoints(ctx: ActorContext, period: { from: string; to: string }) {
  if (!ctx.actor.memberId) throw notFound('党员');
  const member = await loadMember(ctx.db, ctx.tenantId, ctx.actor.memberId);
  const streetPath = `/${member.orgPath.split('/').filter(Boolean)[0]}/`;
  const rankIn = async (path: string) => {
    // A competition rank without sorting the street: one more than the active members with a higher total; none
    // for a member no longer active there.
    const [row] = await queryRows<{ rank: number; size: number; present: boolean | null }>(
      ctx.db,
      sql`with t as materialized (${memberTotals(ctx.tenantId, path, period.from, period.to)}),
        mine as (select coalesce((select total from t where member_id = ${member.id}), 0) as total)
        select (count(*) filter (where coalesce(t.total, 0) > (select total from mine)) + 1)::int as rank, count(*)::int as size,
          bool_or(m.id = ${member.id}) as present
        from members m left join t on t.member_id = m.id
        where ${activeMembersUnder(ctx.tenantId, path)}`,
    );
    return { rank: row?.present ? Number(row.rank) : null, size: Number(row?.size ?? 0) };
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
