import { and, count, countDistinct, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { MetricDefinition, MetricScope } from '../../platform/metrics.js';
import { orgUnits, underPath } from '../org-units/index.js';
import { enterpriseCategoryLabels } from './enterprises.ledgers.js';
import { emergencyDrills, enterpriseInspections, enterprises, type EnterpriseCategory } from './enterprises.table.js';

function inspectedWhere(s: MetricScope, category?: EnterpriseCategory) {
  return and(
    eq(enterpriseInspections.tenantId, s.tenantId),
    underPath(s.tenantId, s.orgPath, enterpriseInspections.orgId),
    gte(enterpriseInspections.inspectedOn, s.from),
    lte(enterpriseInspections.inspectedOn, s.to),
    category ? eq(enterprises.category, category) : undefined,
  );
}

const orgJoin = (s: MetricScope) => and(eq(orgUnits.tenantId, s.tenantId), eq(orgUnits.id, enterprises.orgId));
const entJoin = and(eq(enterprises.tenantId, enterpriseInspections.tenantId), eq(enterprises.id, enterpriseInspections.enterpriseId));

/** Units of a category (or all) with at least one inspection in the period; records are the units. */
function unitsInspected(id: string, name: string, category: EnterpriseCategory | undefined, reported?: MetricDefinition['reported']): MetricDefinition {
  return {
    id,
    name,
    definition: `期间内至少接受过一次检查（含联合检查）的${category ? enterpriseCategoryLabels[category] : '生产经营单位'}家数，按单位去重`,
    unit: '家',
    version: 1,
    kind: 'count',
    group: '安全生产',
    reported,
    async compute(s) {
      const [r] = await s.db
        .select({ n: countDistinct(enterpriseInspections.enterpriseId) })
        .from(enterpriseInspections)
        .innerJoin(enterprises, entJoin)
        .where(inspectedWhere(s, category));
      return { value: r.n };
    },
    async records(s, page) {
      const where = inspectedWhere(s, category);
      const [{ total }] = await s.db.select({ total: countDistinct(enterpriseInspections.enterpriseId) }).from(enterpriseInspections).innerJoin(enterprises, entJoin).where(where);
      const rows = await s.db
        .select({
          name: enterprises.name,
          category: enterprises.category,
          orgName: orgUnits.name,
          inspections: count(),
          lastInspectedOn: sql<string>`max(${enterpriseInspections.inspectedOn})::text`,
          joint: sql<number>`count(*) filter (where cardinality(${enterpriseInspections.departments}) > 0)::int`,
        })
        .from(enterpriseInspections)
        .innerJoin(enterprises, entJoin)
        .innerJoin(orgUnits, orgJoin(s))
        .where(where)
        .groupBy(enterprises.id, enterprises.name, enterprises.category, orgUnits.name)
        .orderBy(enterprises.name)
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize);
      return {
        columns: [
          { key: 'name', title: '单位名称' },
          { key: 'category', title: '类别' },
          { key: 'orgName', title: '所属村（社区）' },
          { key: 'inspections', title: '检查次数' },
          { key: 'joint', title: '联合检查次数' },
          { key: 'lastInspectedOn', title: '最近检查日期' },
        ],
        items: rows.map((r) => ({ ...r, category: enterpriseCategoryLabels[r.category] })),
        total,
      };
    },
  };
}

const drillsWhere = (s: MetricScope) =>
  and(eq(emergencyDrills.tenantId, s.tenantId), underPath(s.tenantId, s.orgPath, emergencyDrills.orgId), gte(emergencyDrills.heldOn, s.from), lte(emergencyDrills.heldOn, s.to));

const bannedWhere = (s: MetricScope) =>
  and(
    eq(enterprises.tenantId, s.tenantId),
    underPath(s.tenantId, s.orgPath, enterprises.orgId),
    eq(enterprises.category, 'workshop'),
    eq(enterprises.status, 'banned'),
    gte(enterprises.bannedOn, s.from),
    lte(enterprises.bannedOn, s.to),
  );

export const enterpriseMetrics: MetricDefinition[] = [
  unitsInspected('enterprises.key_units_inspected', '重点生产经营单位专项检查', 'key_unit', { value: 50, text: '对辖区50余家重点生产经营单位和不放心区域进行专项检查' }),
  unitsInspected('enterprises.training_institutions_inspected', '校外培训机构专项检查', 'training_institution', {
    value: 120,
    text: '联合教体局、消防队、京城派出所、食药监所等职能部门对辖区120余家校外培训机构开展了专项检查',
  }),
  unitsInspected('enterprises.units_inspected', '生产经营单位检查', undefined),
  {
    id: 'enterprises.drills_held',
    name: '应急预案演练',
    definition: '期间内登记的应急预案演练次数（按演练日期）',
    unit: '次',
    version: 1,
    kind: 'count',
    group: '安全生产',
    reported: { value: 20, text: '在阳光油脂、建业百货、冯寨村等场所应急预案演练20次' },
    async compute(s) {
      const [r] = await s.db.select({ n: count() }).from(emergencyDrills).where(drillsWhere(s));
      return { value: r.n };
    },
    async records(s, page) {
      const [{ total }] = await s.db.select({ total: count() }).from(emergencyDrills).where(drillsWhere(s));
      const rows = await s.db
        .select({ heldOn: emergencyDrills.heldOn, title: emergencyDrills.title, location: emergencyDrills.location, orgName: orgUnits.name, participants: emergencyDrills.participants })
        .from(emergencyDrills)
        .innerJoin(orgUnits, and(eq(orgUnits.tenantId, emergencyDrills.tenantId), eq(orgUnits.id, emergencyDrills.orgId)))
        .where(drillsWhere(s))
        .orderBy(desc(emergencyDrills.heldOn))
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize);
      return {
        columns: [
          { key: 'heldOn', title: '演练日期' },
          { key: 'title', title: '演练名称' },
          { key: 'location', title: '地点' },
          { key: 'orgName', title: '所属村（社区）' },
          { key: 'participants', title: '参演人数' },
        ],
        items: rows,
        total,
      };
    },
  },
  {
    id: 'enterprises.workshops_banned',
    name: '取缔小作坊',
    definition: '期间内取缔（按取缔日期）的小作坊家数',
    unit: '家',
    version: 1,
    kind: 'count',
    group: '安全生产',
    reported: { value: 2, text: '取缔小作坊2家' },
    async compute(s) {
      const [r] = await s.db.select({ n: count() }).from(enterprises).where(bannedWhere(s));
      return { value: r.n };
    },
    async records(s, page) {
      const [{ total }] = await s.db.select({ total: count() }).from(enterprises).where(bannedWhere(s));
      const rows = await s.db
        .select({ name: enterprises.name, address: enterprises.address, orgName: orgUnits.name, bannedOn: enterprises.bannedOn, bannedReason: enterprises.bannedReason })
        .from(enterprises)
        .innerJoin(orgUnits, orgJoin(s))
        .where(bannedWhere(s))
        .orderBy(enterprises.bannedOn)
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize);
      return {
        columns: [
          { key: 'name', title: '小作坊名称' },
          { key: 'address', title: '地址' },
          { key: 'orgName', title: '所属村（社区）' },
          { key: 'bannedOn', title: '取缔日期' },
          { key: 'bannedReason', title: '取缔原因' },
        ],
        items: rows,
        total,
      };
    },
  },
];
