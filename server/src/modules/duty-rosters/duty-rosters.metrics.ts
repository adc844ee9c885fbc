import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db.js';
import type { MetricDefinition, MetricScope } from '../../platform/metrics.js';

/** Completed duty assignments whose shift fell in the period, members under the scope's path. */
const completedQuery = (s: MetricScope) => sql`select a.member_id, m.name as "党员", o.name as "支部", sh.title as "值班", sh.place as "地点",
    ((sh.starts_at at time zone 'Asia/Shanghai')::date)::text as "日期"
  from duty_assignments a
  join duty_shifts sh on sh.tenant_id = a.tenant_id and sh.id = a.shift_id
  join members m on m.tenant_id = a.tenant_id and m.id = a.member_id
  join org_units o on o.tenant_id = a.tenant_id and o.id = a.org_id
  where a.tenant_id = ${s.tenantId} and a.state = 'completed' and o.path like ${s.orgPath + '%'}
    and (sh.starts_at at time zone 'Asia/Shanghai')::date between ${s.from} and ${s.to}`;

export const dutyMetrics: MetricDefinition[] = [
  {
    id: 'duty.members_on_duty',
    name: '参与轮岗值班党员',
    definition: '期间内至少完成一次轮岗值班（签到并签退）的党员人数',
    unit: '名',
    version: 1,
    kind: 'count',
    group: '党员积分',
    async compute(s) {
      const [row] = await queryRows<{ v: number }>(s.db, sql`select count(distinct member_id)::int as v from (${completedQuery(s)}) q`);
      return { value: Number(row?.v ?? 0) };
    },
    async records(s, page) {
      const rows = await queryRows<{ 党员: string; 支部: string; 值班次数: number; 最近值班: string; full_count: number }>(
        s.db,
        sql`select "党员", "支部", count(*)::int as "值班次数", max("日期") as "最近值班", count(*) over ()::int as full_count
          from (${completedQuery(s)}) q group by member_id, "党员", "支部" order by "支部", "党员"
          limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`,
      );
      return {
        columns: ['党员', '支部', '值班次数', '最近值班'].map((k) => ({ key: k, title: k })),
        items: rows.map(({ full_count: _f, ...r }) => r),
        total: rows.length ? Number(rows[0].full_count) : 0,
      };
    },
    reported: { value: 1120, text: '1120余名党员参与了轮岗值班' },
  },
];
