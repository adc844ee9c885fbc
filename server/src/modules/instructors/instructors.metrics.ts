import { and, asc, eq, sql } from 'drizzle-orm';
import type { MetricDefinition, MetricScope } from '../../platform/metrics.js';
import { underPath } from '../org-units/index.js';
import { instructorAssignments, instructors } from './instructors.table.js';

function inScopeSql(scope: MetricScope) {
  return sql`exists (select 1 from ${instructorAssignments} a where a.tenant_id = ${scope.tenantId} and a.instructor_id = ${instructors.id} and ${underPath(scope.tenantId, scope.orgPath, sql`a.org_id`)})`;
}

export const instructorMetrics: MetricDefinition[] = [
  {
    id: 'instructors.active',
    name: '党建指导员',
    definition: '在岗党建指导员人数（联系范围内至少一个组织）',
    unit: '名',
    version: 1,
    kind: 'count',
    group: '党建指导',
    reported: { value: 16, text: '面向社会公开招聘16名党建指导员' },
    async compute(scope) {
      const [row] = await scope.db
        .select({ n: sql<number>`count(*)::int` })
        .from(instructors)
        .where(and(eq(instructors.tenantId, scope.tenantId), eq(instructors.status, 'active'), inScopeSql(scope)));
      return { value: row?.n ?? 0 };
    },
    async records(scope, page) {
      const where = and(eq(instructors.tenantId, scope.tenantId), eq(instructors.status, 'active'), inScopeSql(scope));
      const [count] = await scope.db.select({ n: sql<number>`count(*)::int` }).from(instructors).where(where);
      const rows = await scope.db
        .select({ name: instructors.name, hiredOn: instructors.hiredOn })
        .from(instructors)
        .where(where)
        .orderBy(asc(instructors.name))
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize);
      return { columns: [{ key: 'name', title: '姓名' }, { key: 'hiredOn', title: '聘用日期' }], items: rows, total: count?.n ?? 0 };
    },
  },
];
