import { and, count, eq, exists, gte, isNotNull, lte, sql } from 'drizzle-orm';
import type { MetricDefinition, MetricScope } from '../../platform/metrics.js';
import { orgUnits, underPath } from '../org-units/index.js';
import { pollutionTreatmentLabels } from './environment.pollution.service.js';
import { constructionSites, pollutionEnterprises, pollutionRechecks } from './environment.table.js';
import { pollutionStateLabels } from './environment.workflow.js';

const remediatedWhere = (s: MetricScope) =>
  and(
    eq(pollutionEnterprises.tenantId, s.tenantId),
    underPath(s.tenantId, s.orgPath, pollutionEnterprises.orgId),
    gte(pollutionEnterprises.signedOffOn, s.from),
    lte(pollutionEnterprises.signedOffOn, s.to),
  );

/** Signed off by the period's end (the rebound rate's denominator). */
const signedOffByEndWhere = (s: MetricScope) =>
  and(eq(pollutionEnterprises.tenantId, s.tenantId), underPath(s.tenantId, s.orgPath, pollutionEnterprises.orgId), lte(pollutionEnterprises.signedOffOn, s.to));

const failedRecheckInPeriod = (s: MetricScope) =>
  exists(
    s.db
      .select({ one: sql`1` })
      .from(pollutionRechecks)
      .where(
        and(
          eq(pollutionRechecks.tenantId, pollutionEnterprises.tenantId),
          eq(pollutionRechecks.pollutionEnterpriseId, pollutionEnterprises.id),
          eq(pollutionRechecks.passed, false),
          gte(pollutionRechecks.checkedOn, s.from),
          lte(pollutionRechecks.checkedOn, s.to),
        ),
      ),
  );

async function pollutionRecords(s: MetricScope, where: ReturnType<typeof and>, page: { page: number; pageSize: number }) {
  const [{ total }] = await s.db.select({ total: count() }).from(pollutionEnterprises).where(where);
  const rows = await s.db
    .select({
      name: pollutionEnterprises.name,
      orgName: orgUnits.name,
      treatment: pollutionEnterprises.treatment,
      state: pollutionEnterprises.state,
      signedOffOn: pollutionEnterprises.signedOffOn,
    })
    .from(pollutionEnterprises)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, pollutionEnterprises.tenantId), eq(orgUnits.id, pollutionEnterprises.orgId)))
    .where(where)
    .orderBy(pollutionEnterprises.signedOffOn, pollutionEnterprises.name)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return {
    columns: [
      { key: 'name', title: '企业名称' },
      { key: 'orgName', title: '所属村（社区）' },
      { key: 'treatment', title: '整治类型' },
      { key: 'state', title: '当前状态' },
      { key: 'signedOffOn', title: '销号日期' },
    ],
    items: rows.map((r) => ({ ...r, treatment: pollutionTreatmentLabels[r.treatment], state: pollutionStateLabels[r.state] })),
    total,
  };
}

const sitesWhere = (s: MetricScope) =>
  and(eq(constructionSites.tenantId, s.tenantId), underPath(s.tenantId, s.orgPath, constructionSites.orgId), eq(constructionSites.active, true), isNotNull(constructionSites.stationedWorkerName));

export const environmentMetrics: MetricDefinition[] = [
  {
    id: 'environment.pollution_remediated',
    name: '"散乱污"企业整治到位',
    definition: '期间内销号（整治到位）的"散乱污"企业家数，按销号日期',
    unit: '家',
    version: 1,
    kind: 'count',
    group: '环保治污',
    reported: { value: 63, text: '辖区台账内63家"散乱污"企业全部整治到位' },
    async compute(s) {
      const [r] = await s.db.select({ n: count() }).from(pollutionEnterprises).where(remediatedWhere(s));
      return { value: r.n };
    },
    records: (s, page) => pollutionRecords(s, remediatedWhere(s), page),
  },
  {
    id: 'environment.pollution_rebound_rate',
    name: '"散乱污"企业反弹率',
    definition: '期间内复查发现反弹的企业家数 ÷ 期末前已销号的企业家数（分子为分母的子集）',
    unit: '%',
    version: 1,
    kind: 'ratio',
    group: '环保治污',
    async compute(s) {
      const [d] = await s.db.select({ n: count() }).from(pollutionEnterprises).where(signedOffByEndWhere(s));
      const [n] = await s.db.select({ n: count() }).from(pollutionEnterprises).where(and(signedOffByEndWhere(s), failedRecheckInPeriod(s)));
      return { value: d.n === 0 ? 0 : Math.round((n.n / d.n) * 1000) / 10, numerator: n.n, denominator: d.n };
    },
    records: (s, page) => pollutionRecords(s, and(signedOffByEndWhere(s), failedRecheckInPeriod(s)), page),
  },
  {
    id: 'environment.sites_stationed',
    name: '安置区工地派驻网格员',
    definition: '在建安置区工地中已派驻网格员的工地数',
    unit: '个',
    version: 1,
    kind: 'count',
    group: '环保治污',
    reported: { value: 7, text: '街道7个安置区工地全部派驻网格员，全天候驻地' },
    async compute(s) {
      const [r] = await s.db.select({ n: count() }).from(constructionSites).where(sitesWhere(s));
      return { value: r.n };
    },
    async records(s, page) {
      const [{ total }] = await s.db.select({ total: count() }).from(constructionSites).where(sitesWhere(s));
      const rows = await s.db
        .select({ name: constructionSites.name, orgName: orgUnits.name, address: constructionSites.address, stationedWorkerName: constructionSites.stationedWorkerName })
        .from(constructionSites)
        .innerJoin(orgUnits, and(eq(orgUnits.tenantId, constructionSites.tenantId), eq(orgUnits.id, constructionSites.orgId)))
        .where(sitesWhere(s))
        .orderBy(constructionSites.name)
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize);
      return {
        columns: [
          { key: 'name', title: '工地' },
          { key: 'orgName', title: '所属村（社区）' },
          { key: 'address', title: '地址' },
          { key: 'stationedWorkerName', title: '派驻网格员' },
        ],
        items: rows,
        total,
      };
    },
  },
];
