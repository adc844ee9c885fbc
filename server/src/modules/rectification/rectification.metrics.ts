import { and, count, desc, eq, gte, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { MetricDefinition, MetricRecords, MetricScope } from '../../platform/metrics.js';
import { shanghaiDate } from '../../platform/time.js';
import { orgUnits, underPath } from '../org-units/index.js';
import { rectificationSourceLabels } from './rectification.ledger.js';
import { rectificationItems } from './rectification.table.js';
import { rectificationStateLabels } from './rectification.workflow.js';

/** Items whose deadline falls in the period, under the org. */
function dueInPeriod(s: MetricScope): SQL[] {
  return [eq(rectificationItems.tenantId, s.tenantId), gte(rectificationItems.deadline, s.from), lte(rectificationItems.deadline, s.to), underPath(s.tenantId, s.orgPath, rectificationItems.orgId)];
}
const due = (today: string) => or(eq(rectificationItems.state, 'closed'), lt(rectificationItems.deadline, today)) as SQL;
const onTime = sql`(${rectificationItems.state} = 'closed' and ${rectificationItems.closedOnTime} = true)`;
const overdue = (today: string) => sql`(${rectificationItems.state} <> 'closed' and ${rectificationItems.deadline} < ${today})`;

async function countWhere(s: MetricScope, conds: SQL[]): Promise<number> {
  const [{ n }] = await s.db.select({ n: count() }).from(rectificationItems).where(and(...dueInPeriod(s), ...conds));
  return n;
}

async function records(s: MetricScope, page: { page: number; pageSize: number }, conds: SQL[], counted: SQL = sql`true`): Promise<MetricRecords> {
  const where = and(...dueInPeriod(s), ...conds);
  const rows = await s.db
    .select({ id: rectificationItems.id, sourceKind: rectificationItems.sourceKind, title: rectificationItems.title, orgName: orgUnits.name, responsibleName: rectificationItems.responsibleName, deadline: rectificationItems.deadline, state: rectificationItems.state, counted: sql<boolean>`${counted}` })
    .from(rectificationItems)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, rectificationItems.tenantId), eq(orgUnits.id, rectificationItems.orgId)))
    .where(where)
    .orderBy(desc(rectificationItems.deadline), desc(rectificationItems.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [{ n }] = await s.db.select({ n: count() }).from(rectificationItems).where(where);
  return {
    columns: [
      { key: 'source', title: '来源' },
      { key: 'title', title: '问题' },
      { key: 'orgName', title: '责任单位' },
      { key: 'responsibleName', title: '责任人' },
      { key: 'deadline', title: '期限' },
      { key: 'state', title: '状态' },
      { key: 'counted', title: '计入分子' },
    ],
    total: n,
    items: rows.map((r) => ({ id: r.id, source: rectificationSourceLabels[r.sourceKind], title: r.title, orgName: r.orgName ?? '', responsibleName: r.responsibleName, deadline: r.deadline, state: rectificationStateLabels[r.state], counted: Boolean(r.counted) })),
  };
}

export const rectificationMetrics: MetricDefinition[] = [
  {
    id: 'rectification.on_time_rate',
    name: '按期整改率（全部来源）',
    definition: '期限在期间内、已到期（期限已过或已销号）的整改事项中，按期销号的比例',
    unit: '%',
    version: 1,
    kind: 'ratio',
    group: '整改台账',
    compute: async (s) => {
      const today = shanghaiDate();
      const numerator = await countWhere(s, [due(today), onTime]);
      const denominator = await countWhere(s, [due(today)]);
      return { value: denominator === 0 ? 0 : Math.round((numerator / denominator) * 1000) / 10, numerator, denominator };
    },
    records: (s, p) => records(s, p, [due(shanghaiDate())], onTime),
  },
  {
    id: 'rectification.overdue',
    name: '逾期未整改事项',
    definition: '期限在期间内、今天仍未销号且已过期限的整改事项',
    unit: '项',
    version: 1,
    kind: 'count',
    group: '整改台账',
    compute: async (s) => ({ value: await countWhere(s, [overdue(shanghaiDate())]) }),
    records: (s, p) => records(s, p, [overdue(shanghaiDate())]),
  },
];
