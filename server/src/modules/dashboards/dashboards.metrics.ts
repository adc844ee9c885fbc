import { and, asc, count, eq, inArray, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import type { MetricDefinition, MetricRecords, MetricScope } from '../../platform/metrics.js';
import { grids } from '../places/places.table.js';
import { households } from '../households/households.table.js';
import { members } from '../members/members.table.js';
import { orgKindLabels, orgUnits, underPath, type OrgKind } from '../org-units/index.js';

/**
 * The headline figures of what the street's registries already hold: organisations by kind,
 * members, grids and households. Each is a stock figure as of the period's last day.
 */

type Page = { page: number; pageSize: number };

const orgColumns = [
  { key: 'name', title: '组织名称' },
  { key: 'kind', title: '类别' },
  { key: 'validFrom', title: '成立日期' },
];

function orgWhere(scope: MetricScope, kinds: readonly OrgKind[]): SQL {
  return and(
    eq(orgUnits.tenantId, scope.tenantId),
    like(orgUnits.path, scope.orgPath + '%'),
    inArray(orgUnits.kind, [...kinds]),
    eq(orgUnits.status, 'active'),
    lte(orgUnits.validFrom, scope.to),
  ) as SQL;
}

function orgMetric(m: { id: string; name: string; definition: string; kinds: readonly OrgKind[]; reported?: { value: number; text: string } }): MetricDefinition {
  return {
    id: m.id,
    name: m.name,
    definition: m.definition,
    unit: '个',
    version: 1,
    kind: 'count',
    group: '组织体系',
    reported: m.reported,
    async compute(scope) {
      const [r] = await scope.db.select({ n: count() }).from(orgUnits).where(orgWhere(scope, m.kinds));
      return { value: Number(r?.n ?? 0) };
    },
    async records(scope, page): Promise<MetricRecords> {
      const where = orgWhere(scope, m.kinds);
      const [r] = await scope.db.select({ n: count() }).from(orgUnits).where(where);
      const rows = await scope.db
        .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, validFrom: orgUnits.validFrom })
        .from(orgUnits)
        .where(where)
        .orderBy(asc(orgUnits.path))
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize);
      return { columns: orgColumns, items: rows.map((o) => ({ ...o, kind: orgKindLabels[o.kind] })), total: Number(r?.n ?? 0) };
    },
  };
}

const categoryLabels = { formal: '正式党员', probationary: '预备党员' } as const;

function memberWhere(scope: MetricScope, category?: 'formal' | 'probationary'): SQL {
  return and(
    eq(members.tenantId, scope.tenantId),
    underPath(scope.tenantId, scope.orgPath, members.orgId),
    eq(members.state, 'active'),
    or(isNull(members.joinDate), lte(members.joinDate, scope.to)),
    category ? eq(members.category, category) : undefined,
  ) as SQL;
}

async function memberCount(scope: MetricScope, category?: 'formal' | 'probationary'): Promise<number> {
  const [r] = await scope.db.select({ n: count() }).from(members).where(memberWhere(scope, category));
  return Number(r?.n ?? 0);
}

async function memberRecords(scope: MetricScope, page: Page, category?: 'formal' | 'probationary'): Promise<MetricRecords> {
  const where = memberWhere(scope, category);
  const rows = await scope.db
    .select({ id: members.id, name: members.name, org: orgUnits.name, category: members.category, joinDate: members.joinDate })
    .from(members)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, members.tenantId), eq(orgUnits.id, members.orgId)))
    .where(where)
    .orderBy(asc(orgUnits.path), asc(members.namePinyin), asc(members.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return {
    columns: [
      { key: 'name', title: '姓名' },
      { key: 'org', title: '所在支部' },
      { key: 'category', title: '党员类别' },
      { key: 'joinDate', title: '入党时间' },
    ],
    items: rows.map((r) => ({ ...r, category: categoryLabels[r.category] })),
    total: await memberCount(scope, category),
  };
}

function memberMetric(m: { id: string; name: string; definition: string; category?: 'formal' | 'probationary'; reported?: { value: number; text: string } }): MetricDefinition {
  return {
    id: m.id,
    name: m.name,
    definition: m.definition,
    unit: '名',
    version: 1,
    kind: 'count',
    group: '党员队伍',
    reported: m.reported,
    compute: async (scope) => ({ value: await memberCount(scope, m.category) }),
    records: (scope, page) => memberRecords(scope, page, m.category),
  };
}

function gridWhere(scope: MetricScope): SQL {
  return and(eq(grids.tenantId, scope.tenantId), underPath(scope.tenantId, scope.orgPath, grids.orgId)) as SQL;
}

function householdWhere(scope: MetricScope, specialOnly: boolean): SQL {
  return and(
    eq(households.tenantId, scope.tenantId),
    underPath(scope.tenantId, scope.orgPath, households.orgId),
    specialOnly ? sql`cardinality(${households.tags}) > 0` : undefined,
  ) as SQL;
}

async function householdCount(scope: MetricScope, specialOnly: boolean): Promise<number> {
  const [r] = await scope.db.select({ n: count() }).from(households).where(householdWhere(scope, specialOnly));
  return Number(r?.n ?? 0);
}

function householdMetric(m: { id: string; name: string; definition: string; specialOnly: boolean }): MetricDefinition {
  return {
    id: m.id,
    name: m.name,
    definition: m.definition,
    unit: '户',
    version: 1,
    kind: 'count',
    group: '网格治理',
    compute: async (scope) => ({ value: await householdCount(scope, m.specialOnly) }),
    async records(scope, page) {
      const rows = await scope.db
        .select({ id: households.id, headName: households.headName, address: households.address, org: orgUnits.name, grid: grids.name, tags: households.tags })
        .from(households)
        .innerJoin(orgUnits, and(eq(orgUnits.tenantId, households.tenantId), eq(orgUnits.id, households.orgId)))
        .leftJoin(grids, and(eq(grids.tenantId, households.tenantId), eq(grids.id, households.gridId)))
        .where(householdWhere(scope, m.specialOnly))
        .orderBy(asc(orgUnits.path), asc(households.address), asc(households.id))
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize);
      return {
        columns: [
          { key: 'headName', title: '户主' },
          { key: 'address', title: '地址' },
          { key: 'org', title: '村/社区' },
          { key: 'grid', title: '网格' },
          { key: 'tags', title: '类别' },
        ],
        items: rows.map((r) => ({ ...r, tags: r.tags.join('、') })),
        total: await householdCount(scope, m.specialOnly),
      };
    },
  };
}

export const dashboardMetrics: MetricDefinition[] = [
  orgMetric({ id: 'org.villages', name: '村党组织', definition: '统计期末在册、未撤销的村党组织个数', kinds: ['village'], reported: { value: 8, text: '8个村' } }),
  orgMetric({ id: 'org.communities', name: '社区党组织', definition: '统计期末在册、未撤销的社区党组织个数', kinds: ['community'], reported: { value: 13, text: '13个社区' } }),
  orgMetric({ id: 'org.non_public', name: '非公企业党组织', definition: '统计期末在册、未撤销的非公企业党组织个数', kinds: ['non_public'] }),
  orgMetric({ id: 'org.social_orgs', name: '社会组织党组织', definition: '统计期末在册、未撤销的社会组织党组织个数', kinds: ['social_org'] }),
  orgMetric({ id: 'org.branches', name: '党支部', definition: '统计期末在册、未撤销的党支部个数', kinds: ['branch'] }),
  orgMetric({ id: 'org.groups', name: '楼院党小组', definition: '统计期末在册、未撤销的楼院党小组个数', kinds: ['group'] }),
  orgMetric({
    id: 'org.grassroots',
    name: '基层党组织（含楼院党小组）',
    definition: '村、社区、非公企业、社会组织党组织及其党支部、楼院党小组之和（不含街道党工委），统计期末在册',
    kinds: ['village', 'community', 'non_public', 'social_org', 'branch', 'group'],
    reported: { value: 100, text: '打造一百个基层党组织（含楼院党小组）' },
  }),
  memberMetric({
    id: 'members.total',
    name: '纳入管理党员',
    definition: '组织关系在本组织及下级、状态为在册、入党时间不晚于统计期末的党员人数（正式＋预备）',
  }),
  memberMetric({ id: 'members.formal', name: '正式党员', definition: '纳入管理党员中党员类别为正式党员的人数', category: 'formal' }),
  memberMetric({ id: 'members.probationary', name: '预备党员', definition: '纳入管理党员中党员类别为预备党员的人数', category: 'probationary' }),
  {
    id: 'members.formal_rate',
    name: '正式党员占比',
    definition: '分子：正式党员人数；分母：纳入管理党员人数',
    unit: '%',
    version: 1,
    kind: 'ratio',
    group: '党员队伍',
    async compute(scope) {
      const [numerator, denominator] = [await memberCount(scope, 'formal'), await memberCount(scope)];
      return { value: denominator === 0 ? 0 : Math.round((numerator / denominator) * 1000) / 10, numerator, denominator };
    },
    records: (scope, page) => memberRecords(scope, page, 'formal'),
  },
  {
    id: 'places.grids',
    name: '网格',
    definition: '本组织及下级村、社区划定的网格个数',
    unit: '个',
    version: 1,
    kind: 'count',
    group: '网格治理',
    async compute(scope) {
      const [r] = await scope.db.select({ n: count() }).from(grids).where(gridWhere(scope));
      return { value: Number(r?.n ?? 0) };
    },
    async records(scope, page) {
      const [r] = await scope.db.select({ n: count() }).from(grids).where(gridWhere(scope));
      const rows = await scope.db
        .select({ id: grids.id, code: grids.code, name: grids.name, org: orgUnits.name })
        .from(grids)
        .innerJoin(orgUnits, and(eq(orgUnits.tenantId, grids.tenantId), eq(orgUnits.id, grids.orgId)))
        .where(gridWhere(scope))
        .orderBy(asc(grids.code), asc(grids.id))
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize);
      return {
        columns: [
          { key: 'code', title: '网格编号' },
          { key: 'name', title: '网格名称' },
          { key: 'org', title: '村/社区' },
        ],
        items: rows,
        total: Number(r?.n ?? 0),
      };
    },
  },
  householdMetric({ id: 'households.total', name: '住户', definition: '本组织及下级村、社区登记的住户数', specialOnly: false }),
  householdMetric({ id: 'households.special', name: '重点关注户', definition: '登记住户中带有独居老人、低保、残疾等任一类别标签的户数', specialOnly: true }),
];
