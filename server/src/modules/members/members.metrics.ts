import { and, asc, count, eq, lte, sql, type SQL } from 'drizzle-orm';
import type { MetricDefinition, MetricScope } from '../../platform/metrics.js';
import type { InboxItem } from '../../platform/module.js';
import { can, type ActorContext } from '../../platform/request-context.js';
import { addDays, shanghaiDate } from '../../platform/time.js';
import { inScope, orgUnits, underPath } from '../org-units/index.js';
import { members, type MemberCategory } from './members.table.js';

const categoryText: Record<MemberCategory, string> = { formal: '正式党员', probationary: '预备党员' };

/** Members on the registry on the period's last day: active, joined by then, under the unit. */
function registered(scope: MetricScope, extra?: SQL): SQL {
  return and(
    eq(members.tenantId, scope.tenantId),
    eq(members.state, 'active'),
    sql`(${members.joinDate} is null or ${members.joinDate} <= ${scope.to})`,
    underPath(scope.tenantId, scope.orgPath, members.orgId),
    extra,
  ) as SQL;
}

function memberMetric(id: string, name: string, definition: string, extra: SQL | undefined, reported?: MetricDefinition['reported']): MetricDefinition {
  return {
    id,
    name,
    definition,
    unit: '人',
    version: 1,
    kind: 'count',
    group: '党员队伍',
    reported,
    async compute(scope) {
      const [row] = await scope.db.select({ n: count() }).from(members).where(registered(scope, extra));
      return { value: row.n };
    },
    async records(scope, page) {
      const where = registered(scope, extra);
      const [items, [{ total }]] = await Promise.all([
        scope.db
          .select({ id: members.id, name: members.name, orgName: orgUnits.name, category: members.category, joinDate: members.joinDate })
          .from(members)
          .innerJoin(orgUnits, and(eq(orgUnits.tenantId, members.tenantId), eq(orgUnits.id, members.orgId)))
          .where(where)
          .orderBy(asc(orgUnits.path), asc(members.namePinyin), asc(members.id))
          .limit(page.pageSize)
          .offset((page.page - 1) * page.pageSize),
        scope.db.select({ total: count() }).from(members).where(where),
      ]);
      return {
        columns: [
          { key: 'name', title: '姓名' },
          { key: 'orgName', title: '所在党组织' },
          { key: 'category', title: '党员类别' },
          { key: 'joinDate', title: '入党日期' },
        ],
        items: items.map((r) => ({ ...r, category: categoryText[r.category] })),
        total,
      };
    },
  };
}

export const memberMetrics: MetricDefinition[] = [
  memberMetric('members.registered', '党员总数', '期末在册党员（正式+预备），入党日期不晚于期末', undefined, { value: 1120, text: '街道1120余名党员全部纳入管理' }),
  memberMetric('members.probationary', '预备党员', '期末在册的预备党员', eq(members.category, 'probationary')),
];

/** To-do: probationary members whose year of probation is over and who wait to be regularised (转正). */
export async function memberInbox(ctx: ActorContext): Promise<InboxItem[]> {
  if (!can(ctx, 'member.write')) return [];
  const cutoff = addDays(shanghaiDate(), -365);
  const [row] = await ctx.db
    .select({ n: count() })
    .from(members)
    .where(and(eq(members.tenantId, ctx.tenantId), inScope(ctx, members.orgId), eq(members.state, 'active'), eq(members.category, 'probationary'), lte(members.joinDate, cutoff)));
  if (row.n === 0) return [];
  return [{ kind: 'members.probation_due', title: `${row.n}名预备党员预备期已满一年，待讨论转正`, link: '/members?category=probationary', severity: 'warning', count: row.n }];
}
