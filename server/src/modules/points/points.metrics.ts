import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db.js';
import type { MetricDefinition, MetricRecords, MetricScope } from '../../platform/metrics.js';

type Row = Record<string, string | number | boolean | null>;

async function paged(scope: MetricScope, page: { page: number; pageSize: number }, columns: MetricRecords['columns'], query: ReturnType<typeof sql>): Promise<MetricRecords> {
  const rows = await queryRows<Row & { full_count: number }>(
    scope.db,
    sql`select *, count(*) over ()::int as full_count from (${query}) q limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`,
  );
  return {
    columns,
    items: rows.map(({ full_count: _f, ...r }) => r),
    total: rows.length ? Number(rows[0].full_count) : 0,
  };
}

async function single(scope: MetricScope, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ v: number | null }>(scope.db, query);
  return Number(row?.v ?? 0);
}

const under = (scope: MetricScope, alias: string) => sql`${sql.raw(alias)}.path like ${scope.orgPath + '%'}`;

/** Approved visit claims in the period: one row per household visit (the drill-down of 走访群众). */
const visitsQuery = (s: MetricScope) => sql`select c.household_id, h.address as "住户地址", h.head_name as "户主", m.name as "党员", o.name as "支部",
    c.occurred_on::text as "走访日期", c.summary as "走访情况"
  from work_claims c join org_units o on o.tenant_id = c.tenant_id and o.id = c.org_id
  join members m on m.tenant_id = c.tenant_id and m.id = c.member_id
  join households h on h.tenant_id = c.tenant_id and h.id = c.household_id
  where c.tenant_id = ${s.tenantId} and c.category = 'visit' and c.state = 'approved' and c.occurred_on between ${s.from} and ${s.to} and ${under(s, 'o')}`;

const pairsQuery = (s: MetricScope) => sql`select p.id, h.address as "住户地址", h.head_name as "户主", m.name as "党员", o.name as "支部", p.started_on::text as "结对日期"
  from pairings p join org_units o on o.tenant_id = p.tenant_id and o.id = p.org_id
  join members m on m.tenant_id = p.tenant_id and m.id = p.member_id
  join households h on h.tenant_id = p.tenant_id and h.id = p.household_id
  where p.tenant_id = ${s.tenantId} and p.started_on between ${s.from} and ${s.to} and ${under(s, 'o')}`;

/** People served: beneficiaries of approved claims plus people served by closed volunteer events. */
const servedQuery = (s: MetricScope) => sql`select '申报' as "来源", c.category as "类别", c.summary as "内容", o.name as "组织", c.occurred_on::text as "日期", c.beneficiary_count as "受益人次"
  from work_claims c join org_units o on o.tenant_id = c.tenant_id and o.id = c.org_id
  where c.tenant_id = ${s.tenantId} and c.state = 'approved' and c.beneficiary_count > 0 and c.occurred_on between ${s.from} and ${s.to} and ${under(s, 'o')}
  union all
  select '志愿服务活动', 'volunteer', v.title, o.name, ((v.starts_at at time zone 'Asia/Shanghai')::date)::text, v.people_served
  from volunteer_events v join org_units o on o.tenant_id = v.tenant_id and o.id = v.org_id
  where v.tenant_id = ${s.tenantId} and v.state = 'closed' and v.people_served > 0
    and (v.starts_at at time zone 'Asia/Shanghai')::date between ${s.from} and ${s.to} and ${under(s, 'o')}`;

const membersQuery = (s: MetricScope) => sql`select m.id, m.name as "姓名", o.name as "支部", m.category as "类别"
  from members m join org_units o on o.tenant_id = m.tenant_id and o.id = m.org_id
  where m.tenant_id = ${s.tenantId} and m.state = 'active' and ${under(s, 'o')}`;

const entriesQuery = (s: MetricScope) => sql`select e.id, m.name as "党员", o.name as "支部", e.category as "类别", e.occurred_on::text as "日期", e.points as "积分", e.note as "摘要"
  from point_entries e join org_units o on o.tenant_id = e.tenant_id and o.id = e.org_id
  join members m on m.tenant_id = e.tenant_id and m.id = e.member_id
  where e.tenant_id = ${s.tenantId} and e.occurred_on between ${s.from} and ${s.to} and ${under(s, 'o')}`;

const cols = (...names: string[]) => names.map((n) => ({ key: n, title: n }));

export const pointsMetrics: MetricDefinition[] = [
  {
    id: 'points.members_managed',
    name: '纳入积分管理党员',
    definition: '所选组织下在册党员人数（全部纳入“六个一”量化积分管理）',
    unit: '名',
    version: 1,
    kind: 'count',
    group: '党员积分',
    compute: async (s) => ({ value: await single(s, sql`select count(*)::int as v from (${membersQuery(s)}) q`) }),
    records: (s, p) => paged(s, p, cols('姓名', '支部', '类别'), sql`select "姓名", "支部", "类别" from (${membersQuery(s)}) q order by "支部", "姓名"`),
    reported: { value: 1120, text: '街道1120余名党员全部纳入管理' },
  },
  {
    id: 'points.households_visited',
    name: '走访群众户数',
    definition: '期间内经审核通过的“排查走访”申报所涉及的不同住户数（同一户多次走访计一户）',
    unit: '户',
    version: 1,
    kind: 'count',
    group: '党员积分',
    compute: async (s) => ({ value: await single(s, sql`select count(distinct household_id)::int as v from (${visitsQuery(s)}) q`) }),
    records: (s, p) =>
      paged(
        s,
        p,
        cols('住户地址', '户主', '走访次数', '最近走访', '党员'),
        sql`select "住户地址", "户主", count(*)::int as "走访次数", max("走访日期") as "最近走访", string_agg(distinct "党员", '、') as "党员"
          from (${visitsQuery(s)}) q group by household_id, "住户地址", "户主" order by "住户地址"`,
      ),
    reported: { value: 6250, text: '已累计走访群众6250余户' },
  },
  {
    id: 'points.pairs_formed',
    name: '建立结对联系户数',
    definition: '期间内党员与住户建立的结对帮扶关系数',
    unit: '户',
    version: 1,
    kind: 'count',
    group: '党员积分',
    compute: async (s) => ({ value: await single(s, sql`select count(*)::int as v from (${pairsQuery(s)}) q`) }),
    records: (s, p) => paged(s, p, cols('住户地址', '户主', '党员', '支部', '结对日期'), sql`select "住户地址", "户主", "党员", "支部", "结对日期" from (${pairsQuery(s)}) q order by "结对日期", "住户地址"`),
    reported: { value: 2820, text: '建立结对联系2820余户' },
  },
  {
    id: 'points.people_served',
    name: '受益群众人次',
    definition: '期间内审核通过的申报所记受益人次，加上已结束志愿服务活动的服务人次',
    unit: '人次',
    version: 1,
    kind: 'sum',
    group: '党员积分',
    compute: async (s) => ({ value: await single(s, sql`select coalesce(sum("受益人次"), 0)::int as v from (${servedQuery(s)}) q`) }),
    records: (s, p) => paged(s, p, cols('来源', '类别', '内容', '组织', '日期', '受益人次'), sql`select * from (${servedQuery(s)}) q order by "日期", "组织"`),
    reported: { value: 10000, text: '受益群众上万人次' },
  },
  {
    id: 'points.points_awarded',
    name: '发放积分',
    definition: '期间内积分台账的净积分（含冲销）',
    unit: '分',
    version: 1,
    kind: 'sum',
    group: '党员积分',
    compute: async (s) => ({ value: await single(s, sql`select coalesce(sum("积分"), 0)::int as v from (${entriesQuery(s)}) q`) }),
    records: (s, p) => paged(s, p, cols('党员', '支部', '类别', '日期', '积分', '摘要'), sql`select "党员", "支部", "类别", "日期", "积分", "摘要" from (${entriesQuery(s)}) q order by "日期", "支部", "党员"`),
  },
];
