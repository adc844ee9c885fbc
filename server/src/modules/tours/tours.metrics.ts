import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { MetricDefinition, MetricScope } from '../../platform/metrics.js';
import { orgUnits, underPath } from '../org-units/index.js';
import { rectificationItems } from '../rectification/rectification.table.js';
import { tourFindings, tours } from './tours.table.js';

function heldWhere(scope: MetricScope) {
  return and(eq(tours.tenantId, scope.tenantId), eq(tours.state, 'completed'), gte(tours.plannedOn, scope.from), lte(tours.plannedOn, scope.to), underPath(scope.tenantId, scope.orgPath, tours.orgId));
}

function findingsWhere(scope: MetricScope) {
  return and(eq(tourFindings.tenantId, scope.tenantId), gte(tours.plannedOn, scope.from), lte(tours.plannedOn, scope.to), underPath(scope.tenantId, scope.orgPath, tourFindings.orgId));
}

function findingsQuery(scope: MetricScope) {
  return scope.db
    .select({ title: tourFindings.title, orgName: orgUnits.name, plannedOn: tours.plannedOn, state: rectificationItems.state, deadline: rectificationItems.deadline })
    .from(tourFindings)
    .innerJoin(tours, and(eq(tours.tenantId, tourFindings.tenantId), eq(tours.id, tourFindings.tourId)))
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, tourFindings.tenantId), eq(orgUnits.id, tourFindings.orgId)))
    .leftJoin(rectificationItems, and(eq(rectificationItems.tenantId, tourFindings.tenantId), eq(rectificationItems.id, tourFindings.rectificationItemId)));
}

export const tourMetrics: MetricDefinition[] = [
  {
    id: 'tours.held',
    name: '观摩开展次数',
    definition: '期间内已完成的逐村（社区）观摩次数（按观摩日期）',
    unit: '次',
    version: 1,
    kind: 'count',
    group: '党建指导',
    async compute(scope) {
      const [row] = await scope.db.select({ n: sql<number>`count(*)::int` }).from(tours).where(heldWhere(scope));
      return { value: row?.n ?? 0 };
    },
    async records(scope, page) {
      const [count] = await scope.db.select({ n: sql<number>`count(*)::int` }).from(tours).where(heldWhere(scope));
      const items = await scope.db
        .select({ title: tours.title, plannedOn: tours.plannedOn })
        .from(tours)
        .where(heldWhere(scope))
        .orderBy(asc(tours.plannedOn))
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize);
      return { columns: [{ key: 'title', title: '观摩' }, { key: 'plannedOn', title: '日期' }], items, total: count?.n ?? 0 };
    },
  },
  {
    id: 'tours.findings_closed',
    name: '观摩问题整改销号率',
    definition: '期间内观摩发现的问题中，整改台账已销号（closed）的比例；分母为期间内观摩发现的全部问题',
    unit: '%',
    version: 1,
    kind: 'ratio',
    group: '党建指导',
    async compute(scope) {
      const rows = await findingsQuery(scope).where(findingsWhere(scope));
      const closed = rows.filter((r) => r.state === 'closed').length;
      return { value: rows.length ? Math.round((closed * 1000) / rows.length) / 10 : 0, numerator: closed, denominator: rows.length };
    },
    async records(scope, page) {
      const rows = (await findingsQuery(scope).where(findingsWhere(scope)).orderBy(asc(tours.plannedOn), asc(orgUnits.name))).filter((r) => r.state === 'closed');
      return {
        columns: [
          { key: 'orgName', title: '观摩对象' },
          { key: 'title', title: '问题' },
          { key: 'plannedOn', title: '观摩日期' },
          { key: 'deadline', title: '整改期限' },
        ],
        items: rows.slice((page.page - 1) * page.pageSize, page.page * page.pageSize).map((r) => ({ orgName: r.orgName, title: r.title, plannedOn: r.plannedOn, deadline: r.deadline })),
        total: rows.length,
      };
    },
  },
];
