import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { orgUnits } from '../org-units/index.js';
import type { ActorContext } from '../../platform/request-context.js';
import { livelihoodMetrics } from './livelihood.metrics.js';
import {
  addResettlementHousehold,
  allocateUnit,
  createBuilding,
  createPhase,
  createProject,
  getProject,
  listPhaseUnits,
  listProjects,
  recordMoveBack,
  signUnitContract,
  updateMilestone,
} from './resettlement.service.js';

let t: TestApp;
let admin: ActorContext;

async function orgId(name: string) {
  const [o] = await t.db.select().from(orgUnits).where(and(eq(orgUnits.tenantId, admin.tenantId), eq(orgUnits.name, name)));
  return o.id;
}

function metric(id: string) {
  const m = livelihoodMetrics.find((x) => x.id === id);
  if (!m) throw new Error(id);
  return m;
}

beforeAll(async () => {
  t = await createTestApp({ template: 'demo' });
  admin = await t.contextFor('admin');
});
afterAll(async () => t.close());

describe('street rates from the demo records', () => {
  it('counts 开工率, 回迁率 and 网签率 from phases, households and units (hand-counted from the report)', async () => {
    const { street } = await listProjects(admin, {});
    // 10 phases: 石寨1, 冯寨1, 康寨1, 狼窝刘1-2, 平庄1-2, 吉家寨1, 郑上路1-2; only 郑上路二期 has not started piling.
    expect(street.phasesPlanned).toBe(10);
    expect(street.phasesStarted).toBe(9);
    // 452 + 457 + 482 + 330 + 125 households; moved back 452 + 314 + 125.
    expect(street.householdsToResettle).toBe(1846);
    expect(street.householdsMovedBack).toBe(891);
    // allocated 1141 + 457 + 482 + 330 + 125; signed 1141 + 125.
    expect(street.unitsAllocated).toBe(2535);
    expect(street.unitsSigned).toBe(1266);
    expect(street.startRate).toBe(90);
    expect(street.moveBackRate).toBe(48.3);
    expect(street.contractRate).toBe(49.9);
  });

  it('the metric registry gives the same figures, with the report figure for households moved back', async () => {
    const street = await t.db.select().from(orgUnits).where(and(eq(orgUnits.tenantId, admin.tenantId), eq(orgUnits.kind, 'street_committee')));
    const scope = { db: t.db, tenantId: admin.tenantId, orgPath: street[0].path, from: '2018-01-01', to: '2018-12-31' };
    expect(await metric('resettlement.move_back_rate').compute(scope)).toEqual({ value: 48.3, numerator: 891, denominator: 1846 });
    const moved = metric('resettlement.households_moved_back');
    expect((await moved.compute(scope)).value).toBe(891);
    expect(moved.reported?.value).toBe(891);
    expect((await moved.records(scope, { page: 1, pageSize: 5 })).total).toBe(891);
    // As of the end of 2016 only 石寨村's 452 households had moved back.
    expect((await moved.compute({ ...scope, to: '2016-12-31' })).value).toBe(452);
    expect((await metric('campaign.rubbish_m3').compute(scope)).value).toBe(26419);
    expect((await metric('campaign.painted_m2').compute(scope)).value).toBe(1_300_000);
  });

  it('a village secretary sees only the village project; another village project is not found', async () => {
    const shuji = await t.contextFor('shuji');
    const { items } = await listProjects(shuji, {});
    expect(items.map((p) => p.name)).toEqual(['石寨村一期安置区']);
    const all = await listProjects(admin, {});
    const fengzhai = all.items.find((p) => p.name === '冯寨村安置区');
    await expect(getProject(shuji, fengzhai?.id ?? '')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('a new project, hand-counted', () => {
  let projectId = '';
  let phaseA = '';
  let phaseB = '';
  let households: string[] = [];
  let units: string[] = [];

  beforeAll(async () => {
    projectId = await createProject(admin, { orgId: await orgId('曹李村党总支'), kind: 'resettlement', name: '测试安置区', investmentFen: 1_000_000, sites: [], completedAreaM2: 0, note: '' });
    phaseA = await createPhase(admin, projectId, { name: 'A期', plannedDates: { piling: '2018-01-01' } });
    phaseB = await createPhase(admin, projectId, { name: 'B期', plannedDates: {} });
    await createBuilding(admin, phaseA, { name: '1号楼', floors: 2, unitCount: 4, unitAreaM2: 100 });
    households = [
      await addResettlementHousehold(admin, phaseA, { headName: '甲', size: 3, entitledUnits: 2 }),
      await addResettlementHousehold(admin, phaseA, { headName: '乙', size: 2, entitledUnits: 1 }),
      await addResettlementHousehold(admin, phaseA, { headName: '丙', size: 1, entitledUnits: 1 }),
    ];
    units = (await listPhaseUnits(admin, phaseA)).items.map((u) => u.id);
  });

  it('starts with nothing started, allocated or moved back', async () => {
    const p = await getProject(admin, projectId);
    expect(p.rates).toMatchObject({ phasesPlanned: 2, phasesStarted: 0, householdsToResettle: 3, householdsMovedBack: 0, unitsAllocated: 0, unitsSigned: 0, startRate: 0, moveBackRate: 0, contractRate: null });
    const piling = p.phases[0].milestones.find((m) => m.kind === 'piling');
    expect(piling?.late).toBe(true); // planned 2018-01-01, not done
  });

  it('refuses a household more units than it is entitled to, and a unit twice', async () => {
    await allocateUnit(admin, units[0], { resettlementHouseholdId: households[1], date: '2018-05-01' });
    await expect(allocateUnit(admin, units[1], { resettlementHouseholdId: households[1], date: '2018-05-01' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(allocateUnit(admin, units[0], { resettlementHouseholdId: households[2], date: '2018-05-01' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await allocateUnit(admin, units[1], { resettlementHouseholdId: households[0], date: '2018-05-01' });
    await allocateUnit(admin, units[2], { resettlementHouseholdId: households[0], date: '2018-05-01' });
  });

  it('refuses 网签 before 四证 and a move-back before 竣工验收', async () => {
    await expect(signUnitContract(admin, units[0], { date: '2018-06-01' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(recordMoveBack(admin, households[1], { date: '2018-06-01' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(signUnitContract(admin, units[3], { date: '2018-06-01' })).rejects.toMatchObject({ code: 'INVALID_STATE' }); // not allocated
  });

  it('counts the rates once the records exist', async () => {
    const p0 = await getProject(admin, projectId);
    const ms = (kind: string) => p0.phases[0].milestones.find((m) => m.kind === kind)?.id ?? '';
    await updateMilestone(admin, ms('piling'), { startedOn: '2018-01-05', completedOn: '2018-03-01' });
    await updateMilestone(admin, ms('acceptance'), { completedOn: '2018-05-20' });
    await updateMilestone(admin, ms('certificates'), { completedOn: '2018-05-25' });
    await expect(updateMilestone(admin, ms('raft'), { startedOn: '2018-04-01', completedOn: '2018-03-01' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await signUnitContract(admin, units[0], { date: '2018-06-01' });
    await expect(signUnitContract(admin, units[0], { date: '2018-06-02' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await recordMoveBack(admin, households[1], { date: '2018-06-10' });
    await expect(recordMoveBack(admin, households[2], { date: '2018-06-10' })).rejects.toMatchObject({ code: 'INVALID_STATE' }); // no unit
    const p = await getProject(admin, projectId);
    // A期 started, B期 not: 1/2; 1 of 3 households moved back; 1 of 3 allocated units signed.
    expect(p.rates).toMatchObject({ phasesPlanned: 2, phasesStarted: 1, householdsToResettle: 3, householdsMovedBack: 1, unitsAllocated: 3, unitsSigned: 1, startRate: 50, moveBackRate: 33.3, contractRate: 33.3 });
    expect(p.phases[0].rates.startRate).toBe(100);
    expect(p.phases[1].rates.startRate).toBe(0);
  });
});
