import { and, count, eq, gte, inArray, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { MetricDefinition, MetricRecords, MetricScope } from '../../platform/metrics.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { getOrgInScope, orgUnits, underPath, underStreetOrPath } from '../org-units/index.js';
import { rectificationItems } from '../rectification/index.js';
import { hazardCategoryLabels } from './hazards.labels.js';
import { statusOf } from './hazards.service.js';
import { hazards, newestFirst } from './hazards.table.js';

const GROUP = '网格治理';

/** Hazards reported in the period under the org (duplicates merged into another report are not counted). */
function foundConds(s: MetricScope, under: typeof underPath = underPath): SQL[] {
  return [
    eq(hazards.tenantId, s.tenantId),
    gte(hazards.reportedDate, s.from),
    lte(hazards.reportedDate, s.to),
    under(s.tenantId, s.orgPath, hazards.orgId),
    sql`${hazards.resolution} is distinct from 'duplicate'`,
  ];
}

/** 立即整改: closed within 24 h of the report, with evidence. */
const immediateCond = sql`(${hazards.resolution} = 'immediate' and ${hazards.fixedAt} <= ${hazards.reportedAt} + interval '24 hours' and cardinality(${hazards.fixEvidenceFileIds}) > 0)`;
const deadlineCond = eq(hazards.resolution, 'deadline');
const itemOverdue = (today: string) => and(ne(rectificationItems.state, 'closed'), lt(rectificationItems.deadline, today)) as SQL;
/** An item is due once its deadline has passed or it has been closed. */
const itemDue = (today: string) => or(eq(rectificationItems.state, 'closed'), lt(rectificationItems.deadline, today)) as SQL;
const itemOnTime = sql`(${rectificationItems.state} = 'closed' and ${rectificationItems.closedOnTime} = true)`;
const itemClosed = eq(rectificationItems.state, 'closed');

function joined(s: MetricScope) {
  return s.db
    .select({ n: count() })
    .from(hazards)
    .leftJoin(rectificationItems, and(eq(rectificationItems.tenantId, hazards.tenantId), eq(rectificationItems.id, hazards.rectificationItemId)));
}

async function countWhere(s: MetricScope, extra: SQL[]): Promise<number> {
  const [{ n }] = await joined(s).where(and(...foundConds(s), ...extra));
  return n;
}

const recordColumns = [
  { key: 'reportedDate', title: '上报日期' },
  { key: 'orgName', title: '所属村（社区）' },
  { key: 'category', title: '隐患类别' },
  { key: 'description', title: '隐患描述' },
  { key: 'reporterName', title: '上报人' },
  { key: 'status', title: '状态' },
  { key: 'deadline', title: '整改期限' },
  { key: 'counted', title: '计入分子' },
];

const statusLabels = { pending: '待处置', fixed: '已立即整改', rectifying: '限期整改中', closed: '限期整改已销号', merged: '已合并' } as const;

async function listRecords(s: MetricScope, page: { page: number; pageSize: number }, where: SQL[], counted: SQL = sql`true`): Promise<MetricRecords> {
  // The street-root shortcut lets the page walk hazards_reported_idx from the newest and stop after the page.
  const base = and(...foundConds(s, underStreetOrPath), ...where);
  // The page's ids first (the planner drops the item join when the conditions do not use it), then the display
  // joins for those rows only: joining every hazard of the period before the limit cost ~3x on a street's year.
  const pageIds = s.db
    .select({ id: hazards.id })
    .from(hazards)
    .leftJoin(rectificationItems, and(eq(rectificationItems.tenantId, hazards.tenantId), eq(rectificationItems.id, hazards.rectificationItemId)))
    .where(base)
    .orderBy(...newestFirst)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const rows = await s.db
    .select({
      id: hazards.id,
      reportedDate: hazards.reportedDate,
      orgName: orgUnits.name,
      category: hazards.category,
      description: hazards.description,
      reporterName: hazards.reporterName,
      resolution: hazards.resolution,
      itemState: rectificationItems.state,
      deadline: rectificationItems.deadline,
      counted: sql<boolean>`${counted}`,
    })
    .from(hazards)
    .leftJoin(rectificationItems, and(eq(rectificationItems.tenantId, hazards.tenantId), eq(rectificationItems.id, hazards.rectificationItemId)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, hazards.tenantId), eq(orgUnits.id, hazards.orgId)))
    .where(and(eq(hazards.tenantId, s.tenantId), inArray(hazards.id, pageIds)))
    .orderBy(...newestFirst);
  const [{ n }] = await joined(s).where(base);
  return {
    columns: recordColumns,
    total: n,
    items: rows.map((r) => ({
      id: r.id,
      reportedDate: r.reportedDate,
      orgName: r.orgName ?? '',
      category: hazardCategoryLabels[r.category],
      description: r.description,
      reporterName: r.reporterName,
      status: statusLabels[statusOf(r.resolution, r.itemState)],
      deadline: r.deadline,
      counted: Boolean(r.counted),
    })),
  };
}

function ratio(numerator: number, denominator: number) {
  return { value: denominator === 0 ? 0 : Math.round((numerator / denominator) * 1000) / 10, numerator, denominator };
}

export const hazardMetrics: MetricDefinition[] = [
  {
    id: 'hazards.found',
    name: '排查隐患',
    definition: '期间内上报的隐患条数（合并的重复上报不计）',
    unit: '条',
    version: 1,
    kind: 'count',
    group: GROUP,
    compute: async (s) => ({ value: await countWhere(s, []) }),
    records: (s, p) => listRecords(s, p, []),
    reported: { value: 5400, text: '各级网格共排查各类隐患5400余条' },
  },
  {
    id: 'hazards.fixed_immediately',
    name: '立即整改',
    definition: '期间内上报、24小时内凭整改照片销号的隐患条数',
    unit: '条',
    version: 1,
    kind: 'count',
    group: GROUP,
    compute: async (s) => ({ value: await countWhere(s, [immediateCond]) }),
    records: (s, p) => listRecords(s, p, [immediateCond]),
    reported: { value: 4500, text: '立即整改4500余条' },
  },
  {
    id: 'hazards.fixed_by_deadline',
    name: '限期整改',
    definition: '期间内上报、转入整改台账限期整改的隐患条数',
    unit: '条',
    version: 1,
    kind: 'count',
    group: GROUP,
    compute: async (s) => ({ value: await countWhere(s, [deadlineCond]) }),
    records: (s, p) => listRecords(s, p, [deadlineCond]),
    reported: { value: 900, text: '限期整改900余条' },
  },
  {
    id: 'hazards.overdue',
    name: '逾期未改隐患',
    definition: '期间内上报、限期整改事项已过期限仍未销号的条数（按今天计）',
    unit: '条',
    version: 1,
    kind: 'count',
    group: GROUP,
    compute: async (s) => ({ value: await countWhere(s, [deadlineCond, itemOverdue(shanghaiDate())]) }),
    records: (s, p) => listRecords(s, p, [deadlineCond, itemOverdue(shanghaiDate())]),
  },
  {
    id: 'hazards.immediate_rate',
    name: '即改率',
    definition: '立即整改条数 ÷ 排查隐患条数',
    unit: '%',
    version: 1,
    kind: 'ratio',
    group: GROUP,
    compute: async (s) => ratio(await countWhere(s, [immediateCond]), await countWhere(s, [])),
    records: (s, p) => listRecords(s, p, [], immediateCond),
  },
  {
    id: 'hazards.on_time_rate',
    name: '按期整改率',
    definition: '按期销号的限期整改事项 ÷ 已到期的限期整改事项（期限已过或已销号）',
    unit: '%',
    version: 1,
    kind: 'ratio',
    group: GROUP,
    compute: async (s) => {
      const today = shanghaiDate();
      return ratio(await countWhere(s, [deadlineCond, itemDue(today), itemOnTime]), await countWhere(s, [deadlineCond, itemDue(today)]));
    },
    records: (s, p) => listRecords(s, p, [deadlineCond, itemDue(shanghaiDate())], itemOnTime),
  },
  {
    id: 'hazards.rectification_rate',
    name: '整改率',
    definition: '（立即整改 + 限期整改已销号）÷ 排查隐患条数',
    unit: '%',
    version: 1,
    kind: 'ratio',
    group: GROUP,
    compute: async (s) => {
      const fixed = await countWhere(s, [or(immediateCond, and(deadlineCond, itemClosed)) as SQL]);
      return ratio(fixed, await countWhere(s, []));
    },
    records: (s, p) => listRecords(s, p, [], or(immediateCond, and(deadlineCond, itemClosed)) as SQL),
  },
];

/** All hazard figures for a period and an org in the actor's scope (the hazards page's header). */
export async function hazardFigures(ctx: ActorContext, q: { from: string; to: string; orgId?: string }) {
  const org = await getOrgInScope(ctx, q.orgId ?? ctx.actor.scopeOrgId);
  const scope: MetricScope = { db: ctx.db, tenantId: ctx.tenantId, orgPath: org.path, from: q.from, to: q.to };
  const figures = [];
  for (const m of hazardMetrics) {
    const v = await m.compute(scope);
    figures.push({ id: m.id, name: m.name, unit: m.unit, kind: m.kind, ...v, reported: m.reported ?? null });
  }
  return { orgId: org.id, orgName: org.name, from: q.from, to: q.to, figures };
}
