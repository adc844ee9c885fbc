import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import type { MetricDefinition, MetricRecords, MetricScope } from '../../platform/metrics.js';
import { orgUnits, underPath } from '../org-units/index.js';
import { campaignItems, type CampaignItem } from './campaigns.schema.js';
import { sumQuantities } from './campaigns.service.js';
import { campaignQuantities } from './campaigns.table.js';
import { cobuildProjects, cobuildUnits } from './cobuild.table.js';
import { countRequestRates, filedWithin } from './requests.service.js';
import { residentRequests } from './requests.table.js';
import { countRates, householdAllocatedSql, percent, phaseStartedSql, rateSettingsOf } from './resettlement.rates.js';
import { housingBuildings, housingPhases, housingProjects, housingUnits, resettlementHouseholds } from './resettlement.table.js';

const RESETTLEMENT = '安置房建设';
const CAMPAIGN = '创文创卫';
const COBUILD = '共驻共建';
const REQUESTS = '群众诉求';

function phasesUnder(scope: MetricScope): SQL {
  return underPath(scope.tenantId, scope.orgPath, housingPhases.orgId);
}

function page<T>(p: { page: number; pageSize: number }, q: { limit(n: number): { offset(n: number): Promise<T[]> } }): Promise<T[]> {
  return q.limit(p.pageSize).offset((p.page - 1) * p.pageSize);
}

const startRate: MetricDefinition = {
  id: 'resettlement.start_rate',
  name: '开工率',
  definition: '已开工的安置房分期数 ÷ 计划分期数；开工以街道设定的节点（默认桩基施工）有实际开始或完成日期为准，截至期末',
  unit: '%',
  version: 1,
  kind: 'ratio',
  group: RESETTLEMENT,
  async compute(scope) {
    const c = await countRates(scope.db, scope.tenantId, phasesUnder(scope), scope.to);
    return { value: percent(c.phasesStarted, c.phasesPlanned) ?? 0, numerator: c.phasesStarted, denominator: c.phasesPlanned };
  },
  async records(scope, p): Promise<MetricRecords> {
    const settings = await rateSettingsOf(scope.db, scope.tenantId);
    const where = and(eq(housingPhases.tenantId, scope.tenantId), phasesUnder(scope)) as SQL;
    const items = await page(
      p,
      scope.db
        .select({ project: housingProjects.name, phase: housingPhases.name, started: sql<boolean>`${phaseStartedSql(scope.tenantId, housingPhases.id, settings, scope.to)}` })
        .from(housingPhases)
        .innerJoin(housingProjects, and(eq(housingProjects.tenantId, housingPhases.tenantId), eq(housingProjects.id, housingPhases.projectId)))
        .where(where)
        .orderBy(asc(housingProjects.name), asc(housingPhases.sortOrder)),
    );
    const [{ total }] = await scope.db.select({ total: count() }).from(housingPhases).where(where);
    return { columns: [{ key: 'project', title: '项目' }, { key: 'phase', title: '分期' }, { key: 'started', title: '已开工' }], items, total };
  },
};

function householdsWhere(scope: MetricScope, movedOnly: boolean, allocatedOnly = false): SQL {
  return and(
    eq(resettlementHouseholds.tenantId, scope.tenantId),
    underPath(scope.tenantId, scope.orgPath, resettlementHouseholds.orgId),
    movedOnly ? sql`${resettlementHouseholds.movedBackOn} <= ${scope.to}` : undefined,
    allocatedOnly ? householdAllocatedSql(scope.tenantId) : undefined,
  ) as SQL;
}

async function householdRecords(scope: MetricScope, p: { page: number; pageSize: number }, movedOnly: boolean): Promise<MetricRecords> {
  // 回迁率's denominator follows the street's setting: every listed household, or only those given a unit.
  const allocatedOnly = !movedOnly && (await rateSettingsOf(scope.db, scope.tenantId)).moveBackBasis === 'allocated';
  const where = householdsWhere(scope, movedOnly, allocatedOnly);
  const items = await page(
    p,
    scope.db
      .select({ project: housingProjects.name, phase: housingPhases.name, headName: resettlementHouseholds.headName, movedBackOn: resettlementHouseholds.movedBackOn })
      .from(resettlementHouseholds)
      .innerJoin(housingPhases, and(eq(housingPhases.tenantId, resettlementHouseholds.tenantId), eq(housingPhases.id, resettlementHouseholds.phaseId)))
      .innerJoin(housingProjects, and(eq(housingProjects.tenantId, housingPhases.tenantId), eq(housingProjects.id, housingPhases.projectId)))
      .where(where)
      .orderBy(asc(housingProjects.name), asc(resettlementHouseholds.headName), asc(resettlementHouseholds.id)),
  );
  const [{ total }] = await scope.db.select({ total: count() }).from(resettlementHouseholds).where(where);
  return { columns: [{ key: 'project', title: '项目' }, { key: 'phase', title: '分期' }, { key: 'headName', title: '户主' }, { key: 'movedBackOn', title: '回迁日期' }], items, total };
}

const moveBackRate: MetricDefinition = {
  id: 'resettlement.move_back_rate',
  name: '回迁率',
  definition: '截至期末已登记回迁的安置户数 ÷ 应安置户数（街道可设定为只计已分配安置房的户）',
  unit: '%',
  version: 1,
  kind: 'ratio',
  group: RESETTLEMENT,
  async compute(scope) {
    const c = await countRates(scope.db, scope.tenantId, phasesUnder(scope), scope.to);
    return { value: percent(c.householdsMovedBack, c.householdsToResettle) ?? 0, numerator: c.householdsMovedBack, denominator: c.householdsToResettle };
  },
  records: (scope, p) => householdRecords(scope, p, false),
};

const householdsMovedBack: MetricDefinition = {
  id: 'resettlement.households_moved_back',
  name: '已回迁户数',
  definition: '截至期末已登记回迁的安置户数（按安置户记录计数）',
  unit: '户',
  version: 1,
  kind: 'count',
  group: RESETTLEMENT,
  reported: { value: 891, text: '石寨村一期452户（2016年已回迁）、狼窝刘村一期314户、平庄组125套已完成回迁' },
  async compute(scope) {
    const [{ n }] = await scope.db.select({ n: count() }).from(resettlementHouseholds).where(householdsWhere(scope, true));
    return { value: n };
  },
  records: (scope, p) => householdRecords(scope, p, true),
};

const contractRate: MetricDefinition = {
  id: 'resettlement.contract_rate',
  name: '网签率',
  definition: '截至期末已网签的安置房套数 ÷ 已分配套数（街道可设定为除以全部建成套数）',
  unit: '%',
  version: 1,
  kind: 'ratio',
  group: RESETTLEMENT,
  async compute(scope) {
    const c = await countRates(scope.db, scope.tenantId, phasesUnder(scope), scope.to);
    return { value: percent(c.unitsSigned, c.unitsAllocated) ?? 0, numerator: c.unitsSigned, denominator: c.unitsAllocated };
  },
  async records(scope, p) {
    const { contractBasis } = await rateSettingsOf(scope.db, scope.tenantId);
    const allocatedOnly = contractBasis === 'allocated' ? sql`${housingUnits.allocatedTo} is not null` : undefined;
    const where = and(eq(housingUnits.tenantId, scope.tenantId), underPath(scope.tenantId, scope.orgPath, housingUnits.orgId), allocatedOnly) as SQL;
    const items = await page(
      p,
      scope.db
        .select({ phase: housingPhases.name, building: housingBuildings.name, unit: housingUnits.label, contractSignedOn: housingUnits.contractSignedOn })
        .from(housingUnits)
        .innerJoin(housingBuildings, and(eq(housingBuildings.tenantId, housingUnits.tenantId), eq(housingBuildings.id, housingUnits.buildingId)))
        .innerJoin(housingPhases, and(eq(housingPhases.tenantId, housingUnits.tenantId), eq(housingPhases.id, housingUnits.phaseId)))
        .where(where)
        .orderBy(asc(housingPhases.name), asc(housingBuildings.name), asc(housingUnits.label)),
    );
    const [{ total }] = await scope.db.select({ total: count() }).from(housingUnits).where(where);
    return { columns: [{ key: 'phase', title: '分期' }, { key: 'building', title: '楼栋' }, { key: 'unit', title: '房号' }, { key: 'contractSignedOn', title: '网签日期' }], items, total };
  },
};

/** The report's 创文创卫 figures, one metric per ledger item. */
const reportedQuantities: Partial<Record<CampaignItem, { value: number; text: string }>> = {
  person_times: { value: 13000, text: '先后组织人员1.3万余人次' },
  rubbish_m3: { value: 26419, text: '清理清扫清除杂物垃圾26419立方米' },
  ads_removed: { value: 586, text: '清除小广告586条' },
  washed_m2: { value: 200, text: '冲洗地面200平方米' },
  swept_m2: { value: 19970, text: '清扫路面19970平方米' },
  vehicles_ordered: { value: 5, text: '规范机动车停放5辆' },
  green_belt_m2: { value: 4050, text: '清理绿化带4050平方米' },
  walls_repaired_m2: { value: 370, text: '修补墙体花坛370平方米' },
  painted_m2: { value: 1300000, text: '墙体粉饰130万平方米' },
  dust_net_m2: { value: 3020, text: '覆盖防尘网3020平方米' },
  dry_toilets: { value: 3, text: '改造拆除旱厕3处' },
  cleaners: { value: 25, text: '增设保洁员25人' },
  bins: { value: 339, text: '配置更新垃圾桶339个' },
  carts: { value: 21, text: '人力环卫车21辆' },
  trucks: { value: 1, text: '机动三轮垃圾清运车1台' },
};

function campaignMetric(item: CampaignItem): MetricDefinition {
  const info = campaignItems[item];
  const where = (scope: MetricScope) =>
    and(eq(campaignQuantities.tenantId, scope.tenantId), eq(campaignQuantities.item, item), underPath(scope.tenantId, scope.orgPath, campaignQuantities.orgId), sql`${campaignQuantities.day} between ${scope.from} and ${scope.to}`) as SQL;
  return {
    id: `campaign.${item}`,
    name: info.label,
    definition: `创文创卫工作量台账中“${info.label}”在期间内各单位逐日登记数量之和`,
    unit: info.unit,
    version: 1,
    kind: 'sum',
    group: CAMPAIGN,
    reported: reportedQuantities[item],
    async compute(scope) {
      const rows = await sumQuantities(scope.db, scope.tenantId, scope.orgPath, { from: scope.from, to: scope.to, item });
      return { value: rows.reduce((s, r) => s + r.quantity, 0) };
    },
    async records(scope, p) {
      const items = await page(
        p,
        scope.db
          .select({ day: campaignQuantities.day, orgName: orgUnits.name, quantity: campaignQuantities.quantity, unit: campaignQuantities.unit })
          .from(campaignQuantities)
          .innerJoin(orgUnits, and(eq(orgUnits.tenantId, campaignQuantities.tenantId), eq(orgUnits.id, campaignQuantities.orgId)))
          .where(where(scope))
          .orderBy(asc(campaignQuantities.day), asc(orgUnits.name), asc(campaignQuantities.id)),
      );
      const [{ total }] = await scope.db.select({ total: count() }).from(campaignQuantities).where(where(scope));
      return { columns: [{ key: 'day', title: '日期' }, { key: 'orgName', title: '单位' }, { key: 'quantity', title: '数量' }, { key: 'unit', title: '单位' }], items, total };
    },
  };
}

const cobuildProjectsMetric: MetricDefinition = {
  id: 'cobuild.projects',
  name: '共建项目数',
  definition: '期间内共建单位认领的项目清单项目数（需求与资源对接成功）',
  unit: '个',
  version: 1,
  kind: 'count',
  group: COBUILD,
  async compute(scope) {
    const [{ n }] = await scope.db.select({ n: count() }).from(cobuildProjects).where(projectsWhere(scope));
    return { value: n };
  },
  async records(scope, p) {
    const items = await page(
      p,
      scope.db
        .select({ title: cobuildProjects.title, unitName: cobuildUnits.name, orgName: orgUnits.name, state: cobuildProjects.state, claimedOn: cobuildProjects.claimedOn, rating: cobuildProjects.rating })
        .from(cobuildProjects)
        .innerJoin(cobuildUnits, and(eq(cobuildUnits.tenantId, cobuildProjects.tenantId), eq(cobuildUnits.id, cobuildProjects.unitId)))
        .innerJoin(orgUnits, and(eq(orgUnits.tenantId, cobuildProjects.tenantId), eq(orgUnits.id, cobuildProjects.orgId)))
        .where(projectsWhere(scope))
        .orderBy(asc(cobuildProjects.claimedOn), asc(cobuildProjects.id)),
    );
    const [{ total }] = await scope.db.select({ total: count() }).from(cobuildProjects).where(projectsWhere(scope));
    return { columns: [{ key: 'title', title: '项目' }, { key: 'unitName', title: '共建单位' }, { key: 'orgName', title: '村/社区' }, { key: 'state', title: '状态' }, { key: 'claimedOn', title: '认领日期' }, { key: 'rating', title: '评分' }], items, total };
  },
};

function projectsWhere(scope: MetricScope): SQL {
  return and(eq(cobuildProjects.tenantId, scope.tenantId), underPath(scope.tenantId, scope.orgPath, cobuildProjects.orgId), sql`${cobuildProjects.claimedOn} between ${scope.from} and ${scope.to}`) as SQL;
}

type RateKey = 'responded' | 'resolved' | 'satisfied';

function requestRateMetric(id: string, name: string, definition: string, num: RateKey): MetricDefinition {
  const den = num === 'satisfied' ? 'rated' : 'submitted';
  return {
    id,
    name,
    definition,
    unit: '%',
    version: 1,
    kind: 'ratio',
    group: REQUESTS,
    async compute(scope) {
      const rows = await countRequestRates(scope.db, scope.tenantId, scope.orgPath, scope.from, scope.to);
      const n = rows.reduce((s, r) => s + r[num], 0);
      const d = rows.reduce((s, r) => s + r[den], 0);
      return { value: percent(n, d) ?? 0, numerator: n, denominator: d };
    },
    async records(scope, p) {
      const where = and(
        eq(residentRequests.tenantId, scope.tenantId),
        underPath(scope.tenantId, scope.orgPath, residentRequests.orgId),
        filedWithin(scope.from, scope.to),
        den === 'rated' ? sql`${residentRequests.rating} is not null` : undefined,
      ) as SQL;
      const items = await page(
        p,
        scope.db
          .select({ trackingCode: residentRequests.trackingCode, title: residentRequests.title, orgName: orgUnits.name, state: residentRequests.state, rating: residentRequests.rating })
          .from(residentRequests)
          .innerJoin(orgUnits, and(eq(orgUnits.tenantId, residentRequests.tenantId), eq(orgUnits.id, residentRequests.orgId)))
          .where(where)
          .orderBy(asc(residentRequests.submittedAt), asc(residentRequests.id)),
      );
      const [{ total }] = await scope.db.select({ total: count() }).from(residentRequests).where(where);
      return { columns: [{ key: 'trackingCode', title: '查询码' }, { key: 'title', title: '诉求' }, { key: 'orgName', title: '村/社区' }, { key: 'state', title: '状态' }, { key: 'rating', title: '评分' }], items, total };
    },
  };
}

export const livelihoodMetrics: MetricDefinition[] = [
  startRate,
  moveBackRate,
  contractRate,
  householdsMovedBack,
  ...(Object.keys(campaignItems) as CampaignItem[]).map(campaignMetric),
  cobuildProjectsMetric,
  requestRateMetric('requests.response_rate', '诉求响应率', '期间内提交的诉求和微心愿中已受理（含认领、不予受理并说明理由）的比例', 'responded'),
  requestRateMetric('requests.resolve_rate', '诉求解决率', '期间内提交的诉求和微心愿中已办结答复的比例', 'resolved'),
  requestRateMetric('requests.satisfaction_rate', '群众满意率', '期间内提交且已评价的诉求中，评分达到街道设定满意线（默认4分）的比例', 'satisfied'),
];
