import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { MetricDefinition, MetricScope } from '../../platform/metrics.js';
import { orgKindLabels, orgUnits } from '../org-units/index.js';

const grassrootsKinds = ['village', 'community', 'non_public', 'social_org', 'branch', 'group'] as const;

function where(scope: MetricScope) {
  return and(eq(orgUnits.tenantId, scope.tenantId), eq(orgUnits.status, 'active'), inArray(orgUnits.kind, [...grassrootsKinds]), sql`${orgUnits.path} like ${scope.orgPath + '%'}`);
}

/** 打造一百个基层党组织（含楼院党小组）: active grassroots organisations of every kind, toward the goal of 100. */
export const partyWorkMetrics: MetricDefinition[] = [
  {
    id: 'party.grassroots_orgs',
    name: '基层党组织（含楼院党小组）',
    definition: '在册的村、社区、非公企业、社会组织党组织，党支部和楼院党小组个数；目标100个',
    unit: '个',
    version: 1,
    kind: 'count',
    group: '组织体系',
    reported: { value: 100, text: '打造一百个基层党组织（含楼院党小组）' },
    async compute(scope) {
      const [row] = await scope.db.select({ n: sql<number>`count(*)::int` }).from(orgUnits).where(where(scope));
      return { value: row?.n ?? 0, numerator: row?.n ?? 0, denominator: 100 };
    },
    async records(scope, page) {
      const rows = await scope.db.select({ name: orgUnits.name, kind: orgUnits.kind }).from(orgUnits).where(where(scope)).orderBy(asc(orgUnits.path));
      return {
        columns: [{ key: 'name', title: '组织' }, { key: 'kind', title: '类别' }],
        items: rows.slice((page.page - 1) * page.pageSize, page.page * page.pageSize).map((r) => ({ name: r.name, kind: orgKindLabels[r.kind] })),
        total: rows.length,
      };
    },
  },
  ...grassrootsKinds.map(
    (kind): MetricDefinition => ({
      id: `party.orgs.${kind}`,
      name: `${orgKindLabels[kind]}数`,
      definition: `在册的${orgKindLabels[kind]}个数`,
      unit: '个',
      version: 1,
      kind: 'count',
      group: '组织体系',
      async compute(scope) {
        const [row] = await scope.db.select({ n: sql<number>`count(*)::int` }).from(orgUnits).where(and(where(scope), eq(orgUnits.kind, kind)));
        return { value: row?.n ?? 0 };
      },
      async records(scope, page) {
        const rows = await scope.db.select({ name: orgUnits.name }).from(orgUnits).where(and(where(scope), eq(orgUnits.kind, kind))).orderBy(asc(orgUnits.path));
        return { columns: [{ key: 'name', title: '组织' }], items: rows.slice((page.page - 1) * page.pageSize, page.page * page.pageSize), total: rows.length };
      },
    }),
  ),
];
