import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { households } from '../households/index.js';
import { orgUnits } from '../org-units/index.js';

let t: TestApp;
let admin = '';
let shuji = '';
const base = '/api/livelihood/resettlement';

async function post(url: string, payload: Record<string, unknown>, cookie = admin) {
  return t.request({ method: 'POST', url: `${base}${url}`, payload, cookie });
}

beforeAll(async () => {
  t = await createTestApp({ template: 'demo' });
  admin = await t.login('admin');
  shuji = await t.login('shuji');
});
afterAll(async () => t.close());

describe('resettlement over HTTP, as the web forms use it', () => {
  it('a village secretary creates a project, edits it, adds a phase, a building and a village household, and allocates a unit', async () => {
    const [village] = await t.db.select().from(orgUnits).where(eq(orgUnits.name, '石寨村党总支'));
    const created = await post('/projects', { orgId: village.id, kind: 'resettlement', name: '石寨村二期安置区', investmentFen: 12_345_600 }, shuji);
    expect(created.statusCode).toBe(201);
    const projectId = created.json<{ id: string }>().id;

    const patched = await t.request({ method: 'PATCH', url: `${base}/projects/${projectId}`, cookie: shuji, payload: { name: '石寨村二期安置小区', auditState: 'audited', auditedFen: 12_000_000, floorAreaM2: 5600 } });
    expect(patched.statusCode).toBe(204);
    const noAmount = await t.request({ method: 'PATCH', url: `${base}/projects/${projectId}`, cookie: shuji, payload: { auditedFen: null } });
    expect(noAmount.statusCode).toBe(400);

    const phase = await post(`/projects/${projectId}/phases`, { name: '一期', plannedDates: { piling: '2019-03-01', acceptance: '2020-10-01' } }, shuji);
    expect(phase.statusCode).toBe(201);
    const phaseId = phase.json<{ id: string }>().id;
    // 6 floors × 2 units per floor = 12 units labelled 101, 102 … 602.
    expect((await post(`/phases/${phaseId}/buildings`, { name: '3号楼', floors: 6, unitCount: 12, unitAreaM2: 120 }, shuji)).statusCode).toBe(201);
    const units = (await t.request({ method: 'GET', url: `${base}/phases/${phaseId}/units`, cookie: shuji })).json<{ items: Array<{ id: string; label: string; building: string; areaM2: number }> }>().items;
    expect(units.map((u) => u.label)).toEqual(['101', '102', '201', '202', '301', '302', '401', '402', '501', '502', '601', '602']);
    expect(units[0]).toMatchObject({ building: '3号楼', areaM2: 120 });

    const [home] = await t.db.select().from(households).where(and(eq(households.tenantId, 1), eq(households.orgId, village.id))).limit(1);
    const listed = await post(`/phases/${phaseId}/households`, { householdId: home.id, size: 4, entitledUnits: 1 }, shuji);
    expect(listed.statusCode).toBe(201);
    const again = await post(`/phases/${phaseId}/households`, { householdId: home.id }, shuji);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CONFLICT', details: { reason: 'household_listed' } });

    const rh = listed.json<{ id: string }>().id;
    expect((await post(`/units/${units[0].id}/allocate`, { resettlementHouseholdId: rh, date: '2020-11-01' }, shuji)).statusCode).toBe(204);
    const twice = await post(`/units/${units[1].id}/allocate`, { resettlementHouseholdId: rh, date: '2020-11-01' }, shuji);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ details: { reason: 'entitlement_reached', entitled: 1, allocated: 1 } });
    const early = await post(`/households/${rh}/move-back`, { date: '2020-11-02' }, shuji);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'INVALID_STATE', details: { reason: 'acceptance_pending' } });

    const detail = await t.request({ method: 'GET', url: `${base}/projects/${projectId}`, cookie: shuji });
    expect(detail.json()).toMatchObject({ name: '石寨村二期安置小区', auditState: 'audited', auditedFen: 12_000_000, investmentFen: 12_345_600, rates: { phasesPlanned: 1, householdsToResettle: 1, unitsAllocated: 1, unitsSigned: 0 } });
    const listedHouseholds = (await t.request({ method: 'GET', url: `${base}/phases/${phaseId}/households`, cookie: shuji })).json<{ items: Array<{ headName: string; units: Array<{ label: string }> }> }>().items;
    expect(listedHouseholds).toEqual([expect.objectContaining({ headName: home.headName, units: [expect.objectContaining({ label: '101', building: '3号楼' })] })]);
  });

  it('another village answers 404 to the secretary, and a grid worker may not write', async () => {
    const [other] = await t.db.select().from(orgUnits).where(eq(orgUnits.name, '冯寨村党总支'));
    expect((await post('/projects', { orgId: other.id, kind: 'resettlement', name: '越权项目' }, shuji)).statusCode).toBe(404);
    const grid = await t.login('wanggeyuan');
    const [village] = await t.db.select().from(orgUnits).where(eq(orgUnits.name, '石寨村党总支'));
    expect((await post('/projects', { orgId: village.id, kind: 'resettlement', name: '网格员项目' }, grid)).statusCode).toBe(403);
  });
});
