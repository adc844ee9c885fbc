import { and, asc, eq, inArray } from 'drizzle-orm';
import { demoName } from '../../platform/demo-names.js';
import type { SeedContext } from '../../platform/module.js';
import { pick, randomInt } from '../../platform/random.js';
import { shanghaiDate } from '../../platform/time.js';
import { orgUnits } from '../org-units/index.js';
import {
  constructionSites,
  entryApplications,
  pollutionEnterprises,
  pollutionRechecks,
  siteDailyChecks,
  siteStandardKeys,
  type PollutionTreatment,
  type SiteStandardChecks,
} from './environment.table.js';

export const DEMO_POLLUTION_ENTERPRISES = 63;
export const DEMO_SITES = 7;

const full = { waterCut: true, powerCut: true, materialsCleared: true, equipmentCleared: true, productsCleared: true };
const problems: Array<[string, string, PollutionTreatment]> = [
  ['塑料颗粒加工点', '无环评手续，露天堆放废旧塑料，废气直排', 'shutdown'],
  ['废旧金属回收点', '占道经营，无防尘措施', 'shutdown'],
  ['石材切割加工点', '无除尘设施，粉尘污染严重', 'shutdown'],
  ['家具喷漆作坊', '无VOCs治理设施，喷漆废气直排', 'shutdown'],
  ['小型铸造厂', '位于居民区，不符合产业布局', 'relocation'],
  ['预制板厂', '不符合城市规划，需整合入园', 'relocation'],
  ['耐材加工厂', '除尘设施老化，排放不达标', 'upgrade'],
  ['砖瓦厂', '燃煤锅炉未改造', 'upgrade'],
];
/** The 7 resettlement construction sites in the report. */
const sites: Array<[string, string]> = [
  ['冯寨村安置区工地', '冯寨村'],
  ['康寨村安置区工地', '康寨村'],
  ['狼窝刘村安置区二期工地', '狼窝刘村'],
  ['平庄村二期安置房工地', '平庄村'],
  ['吉家寨村安置区工地', '吉家寨村'],
  ['郑上路安置区一期工地', '石寨村'],
  ['郑上路安置区二期工地', '石寨村'],
];

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * 63 散乱污 enterprises, all signed off in 2018 with passed re-checks; the 7 resettlement sites with stationed
 * grid workers and a week of daily checks; three 联审联批 applications (approved, refused, under review).
 */
export async function seedEnvironment(ctx: SeedContext): Promise<void> {
  const { db, tenantId, random } = ctx;
  const units = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.kind, ['village', 'community'])))
    .orderBy(asc(orgUnits.sortOrder));
  if (units.length === 0) return;
  const villages = units.filter((u) => u.kind === 'village');
  const byName = (s: string) => units.find((u) => u.name.startsWith(s)) ?? units[0];
  const today = shanghaiDate();

  const rows: (typeof pollutionEnterprises.$inferInsert)[] = [];
  const rechecks: (typeof pollutionRechecks.$inferInsert)[] = [];
  for (let i = 0; i < DEMO_POLLUTION_ENTERPRISES; i++) {
    const org = i < 4 ? byName('石寨村') : pick(random, villages.length > 0 ? villages : units);
    const [kind, problem, treatment] = problems[i % problems.length];
    const short = org.name.replace(/党总支$/, '');
    const listedMonth = randomInt(random, 1, 6);
    const listedOn = `2018-${String(listedMonth).padStart(2, '0')}-${String(randomInt(random, 1, 28)).padStart(2, '0')}`;
    const signedOffOn = addDays(listedOn, randomInt(random, 20, 120));
    const id = crypto.randomUUID();
    rows.push({
      tenantId,
      id,
      orgId: org.id,
      name: `${short}${demoName(random).slice(0, 1)}某${kind}`,
      address: `${short}${randomInt(random, 1, 12)}组`,
      operatorName: demoName(random),
      problem,
      treatment,
      state: 'signed_off',
      checklist: treatment === 'shutdown' ? full : { ...full, waterCut: false, powerCut: false },
      listedOn,
      dueOn: addDays(listedOn, 60),
      signedOffOn,
      // Re-checks continue: spread the next ones over the coming month so the inbox shows what is due.
      nextRecheckOn: addDays(today, randomInt(random, -3, 30)),
      recheckIntervalDays: 30,
    });
    rechecks.push({ tenantId, pollutionEnterpriseId: id, orgId: org.id, checkedOn: addDays(signedOffOn, 30), passed: true, note: '未发现死灰复燃', checkerName: '网格长' });
  }
  await db.insert(pollutionEnterprises).values(rows);
  await db.insert(pollutionRechecks).values(rechecks);

  const siteRows: (typeof constructionSites.$inferInsert)[] = sites.map(([name, village]) => ({
    tenantId,
    id: crypto.randomUUID(),
    orgId: byName(village).id,
    name,
    address: `荥阳市京城路街道${village}`,
    stationedWorkerName: demoName(random),
  }));
  await db.insert(constructionSites).values(siteRows);
  const checks: (typeof siteDailyChecks.$inferInsert)[] = [];
  for (const s of siteRows) {
    for (let d = 7; d >= 1; d--) {
      const c = Object.fromEntries(siteStandardKeys.map((k) => [k, random() > 0.03])) as SiteStandardChecks;
      const allMet = siteStandardKeys.every((k) => c[k]);
      checks.push({ tenantId, siteId: s.id ?? '', orgId: s.orgId, checkedOn: addDays(today, -d), checks: c, allMet, note: allMet ? null : '已督促施工单位当日整改', checkerName: s.stationedWorkerName ?? '网格员' });
    }
  }
  await db.insert(siteDailyChecks).values(checks);

  const shizhai = byName('石寨村');
  await db.insert(entryApplications).values([
    { tenantId, orgId: shizhai.id, applicantName: '荥阳市智联电子科技有限公司', industry: '电子信息', address: '郑上路与京城路交叉口东', submittedOn: '2018-06-12', state: 'approved', industryOk: true, planningOk: true, environmentOk: true, reviewNote: '符合产业布局和规划，环评达标', decisionReason: '三项联审均符合', decidedOn: '2018-07-02' },
    { tenantId, orgId: byName('冯寨村').id, applicantName: '荥阳市鑫旺再生塑料加工厂', industry: '塑料再生', address: '冯寨村北', submittedOn: '2018-08-03', state: 'refused', industryOk: false, planningOk: true, environmentOk: false, reviewNote: '属限制类产业，环评不达标', decisionReason: '不符合产业布局，环评不达标，不予审批进驻', decidedOn: '2018-08-20' },
    { tenantId, orgId: shizhai.id, applicantName: '荥阳市惠民生鲜配送有限公司', industry: '商贸物流', address: '石寨村东', submittedOn: addDays(today, -5), state: 'submitted' },
  ]);
}
