import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db.js';
import type { MetricDefinition, MetricScope } from '../../platform/metrics.js';

/** Events held: closed (not cancelled) events that started in the period, organised under the path. */
const heldQuery = (s: MetricScope) => sql`select v.title as "活动名称", o.name as "组织单位", ((v.starts_at at time zone 'Asia/Shanghai')::date)::text as "日期",
    v.place as "地点", v.people_served as "服务群众",
    (select count(*)::int from volunteer_signups su where su.tenant_id = v.tenant_id and su.event_id = v.id and su.check_in_at is not null) as "参加党员"
  from volunteer_events v join org_units o on o.tenant_id = v.tenant_id and o.id = v.org_id
  where v.tenant_id = ${s.tenantId} and v.state = 'closed' and o.path like ${s.orgPath + '%'}
    and (v.starts_at at time zone 'Asia/Shanghai')::date between ${s.from} and ${s.to}`;

export const volunteerMetrics: MetricDefinition[] = [
  {
    id: 'volunteer.events_held',
    name: '开展志愿服务活动',
    definition: '期间内已开展并结束（非取消）的志愿服务活动次数',
    unit: '次',
    version: 1,
    kind: 'count',
    group: '党员积分',
    async compute(s) {
      const [row] = await queryRows<{ v: number }>(s.db, sql`select count(*)::int as v from (${heldQuery(s)}) q`);
      return { value: Number(row?.v ?? 0) };
    },
    async records(s, page) {
      const rows = await queryRows<Record<string, string | number> & { full_count: number }>(
        s.db,
        sql`select *, count(*) over ()::int as full_count from (${heldQuery(s)}) q order by "日期" limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`,
      );
      return {
        columns: ['活动名称', '组织单位', '日期', '地点', '参加党员', '服务群众'].map((k) => ({ key: k, title: k })),
        items: rows.map(({ full_count: _f, ...r }) => r),
        total: rows.length ? Number(rows[0].full_count) : 0,
      };
    },
    reported: { value: 150, text: '集中开展各类志愿服务150余次' },
  },
];
