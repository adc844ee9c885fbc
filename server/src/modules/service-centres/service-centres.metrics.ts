import { and, asc, eq, sql } from 'drizzle-orm';
import type { MetricDefinition, MetricScope } from '../../platform/metrics.js';
import { queryRows } from '../../platform/db.js';
import { orgUnits, underPath } from '../org-units/index.js';
import { centreStandardSql } from './service-centres.service.js';
import { serviceCentres } from './service-centres.table.js';

interface CentreRow {
  name: string;
  org_name: string;
  area_m2: number;
  meets: boolean | null;
}

async function centreRows(scope: MetricScope): Promise<CentreRow[]> {
  return queryRows<CentreRow>(
    scope.db,
    sql`select ${serviceCentres.name} as name, ${orgUnits.name} as org_name, ${serviceCentres.areaM2} as area_m2, ${centreStandardSql.latestMeets(scope.tenantId)} as meets
        from ${serviceCentres} join ${orgUnits} on ${orgUnits.tenantId} = ${serviceCentres.tenantId} and ${orgUnits.id} = ${serviceCentres.orgId}
        where ${and(eq(serviceCentres.tenantId, scope.tenantId), underPath(scope.tenantId, scope.orgPath, serviceCentres.orgId), sql`${orgUnits.kind} in ('village','community')`)}
        order by ${asc(orgUnits.kind)}, ${asc(orgUnits.sortOrder)}`,
  );
}

/** 8个村、13个社区基本实现标准一致化: village and community centres meeting the current standard. */
export const centreMetrics: MetricDefinition[] = [
  {
    id: 'centres.meeting_standard',
    name: '村（社区）阵地达标数',
    definition: '村、社区党群服务中心中，最近一次按现行标准评定全部条目到位的个数（分母：已登记的村、社区阵地）',
    unit: '个',
    version: 1,
    kind: 'count',
    group: '阵地建设',
    reported: { value: 21, text: '8个村、13个社区基本实现标准一致化' },
    async compute(scope) {
      const rows = await centreRows(scope);
      return { value: rows.filter((r) => r.meets === true).length, numerator: rows.filter((r) => r.meets === true).length, denominator: rows.length };
    },
    async records(scope, page) {
      const rows = (await centreRows(scope)).filter((r) => r.meets === true);
      const items = rows.slice((page.page - 1) * page.pageSize, page.page * page.pageSize).map((r) => ({ name: r.name, orgName: r.org_name, areaM2: r.area_m2 }));
      return {
        columns: [
          { key: 'name', title: '阵地' },
          { key: 'orgName', title: '所属组织' },
          { key: 'areaM2', title: '面积（㎡）' },
        ],
        items,
        total: rows.length,
      };
    },
  },
];
