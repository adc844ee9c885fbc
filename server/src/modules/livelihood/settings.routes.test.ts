import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ActorContext } from '../../platform/request-context.js';
import { auditEvents } from '../audit/audit.table.js';
import { orgUnits } from '../org-units/index.js';
import { livelihoodMetrics } from './livelihood.metrics.js';
import { addResettlementHousehold, allocateUnit, createBuilding, createPhase, createProject, getProject, listPhaseUnits, recordMoveBack, signUnitContract, updateMilestone } from './resettlement.service.js';

let t: TestApp;
let admin: ActorContext;
let adminCookie = '';
let projectId = '';
const url = '/api/livelihood/settings';

type Settings = { startedMilestone: string; startedWhen: string; contractBasis: string; moveBackBasis: string; satisfiedMinRating: number; version: number };

async function projectRates() {
  const res = await t.request({ method: 'GET', url: `/api/livelihood/resettlement/projects/${projectId}`, cookie: adminCookie });
  expect(res.statusCode).toBe(200);
  return res.json<{ rates: Record<string, number | null> }>().rates;
}

beforeAll(async () => {
  t = await createTestApp({ template: 'demo' });
  admin = await t.contextFor('admin');
  adminCookie = await t.login('admin');
  // One phase, 4 units, 3 households: 2 allocated, 1 signed, 1 moved back; piling begun but not finished.
  const [org] = await t.db.select().from(orgUnits).where(and(eq(orgUnits.tenantId, admin.tenantId), eq(orgUnits.name, '曹李村党总支')));
  projectId = await createProject(admin, { orgId: org.id, kind: 'resettlement', name: '设置测试安置区', investmentFen: 0, sites: [], completedAreaM2: 0, note: '' });
  const phase = await createPhase(admin, projectId, { name: '一期', plannedDates: {} });
  await createBuilding(admin, phase, { name: '1号楼', floors: 2, unitCount: 4, unitAreaM2: 90 });
  const hh = [
    await addResettlementHousehold(admin, phase, { headName: '甲', size: 3, entitledUnits: 1 }),
    await addResettlementHousehold(admin, phase, { headName: '乙', size: 2, entitledUnits: 1 }),
    await addResettlementHousehold(admin, phase, { headName: '丙', size: 1, entitledUnits: 1 }),
  ];
  const units = (await listPhaseUnits(admin, phase)).items.map((u) => u.id);
  await allocateUnit(admin, units[0], { resettlementHouseholdId: hh[0], date: '2018-05-01' });
  await allocateUnit(admin, units[1], { resettlementHouseholdId: hh[1], date: '2018-05-01' });
  const detail = await getProject(admin, projectId);
  const ms = (kind: string) => detail.phases[0].milestones.find((m) => m.kind === kind)?.id ?? '';
  await updateMilestone(admin, ms('piling'), { startedOn: '2018-01-05' });
  await updateMilestone(admin, ms('acceptance'), { completedOn: '2018-05-20' });
  await updateMilestone(admin, ms('certificates'), { completedOn: '2018-05-25' });
  await signUnitContract(admin, units[0], { date: '2018-06-01' });
  await recordMoveBack(admin, hh[0], { date: '2018-06-10' });
});
afterAll(async () => t.close());

describe('livelihood rate settings', () => {
  it('starts from the defaults, which give the hand-counted rates', async () => {
    const res = await t.request({ method: 'GET', url, cookie: adminCookie });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ startedMilestone: 'piling', startedWhen: 'started', contractBasis: 'allocated', moveBackBasis: 'listed', satisfiedMinRating: 4, version: 1 });
    // 1/1 phase started; 1 of 3 listed households moved back; 1 of 2 allocated units signed.
    expect(await projectRates()).toMatchObject({ phasesStarted: 1, startRate: 100, householdsToResettle: 3, moveBackRate: 33.3, unitsAllocated: 2, unitsSigned: 1, contractRate: 50 });
  });

  it('only the street admin changes them; the auditor reads; a member may not read', async () => {
    const body = { startedMilestone: 'raft', startedWhen: 'started', contractBasis: 'allocated', moveBackBasis: 'listed', satisfiedMinRating: 4, version: 1 };
    expect((await t.request({ method: 'PUT', url, payload: body, cookie: await t.login('shuji') })).statusCode).toBe(403);
    expect((await t.request({ method: 'PUT', url, payload: body, cookie: await t.login('jijian') })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url, cookie: await t.login('jijian') })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url, cookie: await t.login('dangyuan') })).statusCode).toBe(403);
  });

  it('refuses values outside the allowed set, field by field', async () => {
    const res = await t.request({ method: 'PUT', url, cookie: adminCookie, payload: { startedMilestone: 'dig', startedWhen: 'started', contractBasis: 'allocated', moveBackBasis: 'listed', satisfiedMinRating: 6, version: 1 } });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; details: Array<{ path: string }> }>();
    expect(body.code).toBe('VALIDATION');
    expect(body.details.map((d) => d.path).sort()).toEqual(['satisfiedMinRating', 'startedMilestone']);
  });

  it('a changed setting changes the computed rates, bumps the version and is audited', async () => {
    const res = await t.request({
      method: 'PUT',
      url,
      cookie: adminCookie,
      payload: { startedMilestone: 'piling', startedWhen: 'completed', contractBasis: 'built', moveBackBasis: 'allocated', satisfiedMinRating: 5, version: 1, reason: '按区住建局口径' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<Settings>()).toMatchObject({ startedWhen: 'completed', contractBasis: 'built', moveBackBasis: 'allocated', satisfiedMinRating: 5, version: 2 });
    // Piling not finished: 0/1; 1 of the 2 households given a unit moved back; 1 of 4 built units signed.
    expect(await projectRates()).toMatchObject({ phasesStarted: 0, startRate: 0, householdsToResettle: 2, moveBackRate: 50, unitsAllocated: 4, unitsSigned: 1, contractRate: 25 });
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, admin.tenantId), eq(auditEvents.action, 'livelihood.settings.update')));
    expect(event.before).toMatchObject({ startedWhen: 'started', version: 1 });
    expect(event.after).toMatchObject({ startedWhen: 'completed', version: 2 });
    expect(event.reason).toBe('按区住建局口径');
  });

  it('the metric registry follows the setting, and its drill-down lists exactly the rows divided by', async () => {
    const [street] = await t.db.select().from(orgUnits).where(and(eq(orgUnits.tenantId, admin.tenantId), eq(orgUnits.kind, 'street_committee')));
    const scope = { db: t.db, tenantId: admin.tenantId, orgPath: street.path, from: '2018-01-01', to: '2030-12-31' };
    const metric = (id: string) => livelihoodMetrics.find((m) => m.id === id);
    const contract = await metric('resettlement.contract_rate')?.compute(scope);
    const contractRows = await metric('resettlement.contract_rate')?.records(scope, { page: 1, pageSize: 1 });
    expect(contract?.denominator).toBeGreaterThan(2535 + 2); // all built units, more than the demo's 2,535 allocated
    expect(contractRows?.total).toBe(contract?.denominator);
    const moveBack = await metric('resettlement.move_back_rate')?.compute(scope);
    const moveBackRows = await metric('resettlement.move_back_rate')?.records(scope, { page: 1, pageSize: 1 });
    expect(moveBackRows?.total).toBe(moveBack?.denominator);
  });

  it('refuses a save based on a stale version', async () => {
    const res = await t.request({ method: 'PUT', url, cookie: adminCookie, payload: { startedMilestone: 'raft', startedWhen: 'started', contractBasis: 'allocated', moveBackBasis: 'listed', satisfiedMinRating: 4, version: 1 } });
    expect(res.statusCode).toBe(409);
    expect((await t.request({ method: 'GET', url, cookie: adminCookie })).json<Settings>().version).toBe(2);
  });
});
