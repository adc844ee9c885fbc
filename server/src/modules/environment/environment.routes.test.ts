import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

interface Pollution {
  id: string;
  state: string;
  orgName: string;
  checklistComplete: boolean;
  nextRecheckOn: string | null;
  rectification: { itemId: string; state: string } | null;
  rechecks?: Array<{ passed: boolean }>;
}
interface Page<T> {
  items: T[];
  total: number;
}
const allDone = { waterCut: true, powerCut: true, materialsCleared: true, equipmentCleared: true, productsCleared: true };
const allMet = { fencing: true, stockpileCovered: true, vehicleWashing: true, groundHardened: true, wetDemolition: true, sealedTransport: true, monitoringInstalled: true, machineryCompliant: true };

describe('environmental ledger over HTTP', () => {
  let t: TestApp;
  let admin: string;
  let grid: string;
  let shizhaiId: string;
  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    admin = await t.login('admin');
    grid = await t.login('wanggeyuan');
    const tree = (await t.request({ method: 'GET', url: '/api/orgs/tree', cookie: admin })).json() as { items: Array<{ id: string; name: string }> };
    shizhaiId = tree.items.find((o) => o.name === '石寨村党总支')?.id ?? '';
  });
  afterAll(async () => t.close());

  async function listShutdown(): Promise<Pollution> {
    const res = await t.request({
      method: 'POST',
      url: '/api/environment/pollution',
      cookie: grid,
      payload: { orgId: shizhaiId, name: '石寨村测试塑料加工点', address: '石寨村5组', problem: '废气直排', treatment: 'shutdown', listedOn: '2018-03-01' },
    });
    expect(res.statusCode).toBe(201);
    return res.json() as Pollution;
  }

  it('the demo street’s 63 散乱污 enterprises are all signed off; a grid worker sees only her village’s', async () => {
    const all = (await t.request({ method: 'GET', url: '/api/environment/pollution?pageSize=100', cookie: admin })).json() as Page<Pollution>;
    expect(all.total).toBe(63);
    expect(all.items.every((p) => p.state === 'signed_off')).toBe(true);
    const mine = (await t.request({ method: 'GET', url: '/api/environment/pollution?pageSize=100', cookie: grid })).json() as Page<Pollution>;
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((p) => p.orgName === '石寨村党总支')).toBe(true);
    const foreign = all.items.find((p) => p.orgName !== '石寨村党总支');
    expect((await t.request({ method: 'GET', url: `/api/environment/pollution/${foreign?.id ?? ''}`, cookie: grid })).statusCode).toBe(404);
    const sites = (await t.request({ method: 'GET', url: '/api/environment/sites', cookie: admin })).json() as { items: Array<{ stationedWorkerName: string | null }> };
    expect(sites.items).toHaveLength(7);
    expect(sites.items.every((s) => s.stationedWorkerName)).toBe(true);
  });

  it('runs a shut-down through the workflow: no sign-off before 两断三清, a failed re-check re-opens it', async () => {
    const p = await listShutdown();
    expect(p.state).toBe('listed');
    // Sign-off straight from listed is not a move the table allows.
    const early = await t.request({ method: 'POST', url: `/api/environment/pollution/${p.id}/sign-off`, cookie: admin, payload: { signedOffOn: '2018-04-01' } });
    expect(early.statusCode).toBe(409);
    expect((early.json() as { code: string }).code).toBe('INVALID_STATE');

    const started = await t.request({ method: 'POST', url: `/api/environment/pollution/${p.id}/start`, cookie: grid, payload: { responsibleName: '王某', deadlineWorkingDays: 10 } });
    expect(started.statusCode).toBe(200);
    const s = started.json() as Pollution;
    expect(s.state).toBe('remediating');
    expect(s.rectification?.state).toBeDefined();

    await t.request({ method: 'PATCH', url: `/api/environment/pollution/${p.id}/checklist`, cookie: grid, payload: { waterCut: true, powerCut: true } });
    const blocked = await t.request({ method: 'POST', url: `/api/environment/pollution/${p.id}/sign-off`, cookie: admin, payload: { signedOffOn: '2018-04-01' } });
    expect(blocked.statusCode).toBe(409);
    expect((blocked.json() as { message: string }).message).toContain('清除原料、清除设备、清除产品');
    const stillRemediating = (await t.request({ method: 'GET', url: `/api/environment/pollution/${p.id}`, cookie: admin })).json() as Pollution;
    expect(stillRemediating.state).toBe('remediating');

    const byGrid = await t.request({ method: 'POST', url: `/api/environment/pollution/${p.id}/sign-off`, cookie: grid, payload: { signedOffOn: '2018-04-01' } });
    expect(byGrid.statusCode).toBe(403);

    await t.request({ method: 'PATCH', url: `/api/environment/pollution/${p.id}/checklist`, cookie: grid, payload: allDone });
    const signed = await t.request({ method: 'POST', url: `/api/environment/pollution/${p.id}/sign-off`, cookie: admin, payload: { signedOffOn: '2018-04-01' } });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ state: 'signed_off', nextRecheckOn: '2018-05-01', checklistComplete: true });

    const passed = await t.request({ method: 'POST', url: `/api/environment/pollution/${p.id}/rechecks`, cookie: grid, payload: { checkedOn: '2018-05-02', passed: true } });
    expect(passed.statusCode).toBe(201);
    expect(passed.json()).toMatchObject({ state: 'signed_off', nextRecheckOn: '2018-06-01' });

    const noNote = await t.request({ method: 'POST', url: `/api/environment/pollution/${p.id}/rechecks`, cookie: grid, payload: { checkedOn: '2018-06-02', passed: false } });
    expect(noNote.statusCode).toBe(400);

    const failed = await t.request({ method: 'POST', url: `/api/environment/pollution/${p.id}/rechecks`, cookie: grid, payload: { checkedOn: '2018-06-02', passed: false, note: '夜间恢复生产' } });
    expect(failed.statusCode).toBe(201);
    const rebound = failed.json() as Pollution;
    expect(rebound.state).toBe('rebound');
    expect(rebound.nextRecheckOn).toBeNull();
    expect(rebound.rechecks?.map((r) => r.passed)).toEqual([false, true]);
    expect(rebound.rectification).not.toBeNull();
    expect(rebound.rectification?.state).not.toBe('closed');

    // A rebound enterprise cannot be signed off again until remediation restarts, with a fresh checklist.
    expect((await t.request({ method: 'POST', url: `/api/environment/pollution/${p.id}/sign-off`, cookie: admin, payload: { signedOffOn: '2018-06-10' } })).statusCode).toBe(409);
    const restarted = (await t.request({ method: 'POST', url: `/api/environment/pollution/${p.id}/start`, cookie: grid, payload: { responsibleName: '王某', deadlineWorkingDays: 5 } })).json() as Pollution;
    expect(restarted).toMatchObject({ state: 'remediating', checklistComplete: false });
  });

  it('records one daily 8个100% check per site per day; an unmet item needs a note', async () => {
    const sites = (await t.request({ method: 'GET', url: '/api/environment/sites', cookie: admin })).json() as { items: Array<{ id: string }> };
    const site = sites.items[0]?.id ?? '';
    const day = '2018-07-01';
    const unmet = await t.request({ method: 'POST', url: `/api/environment/sites/${site}/checks`, cookie: admin, payload: { checkedOn: day, checks: { ...allMet, vehicleWashing: false } } });
    expect(unmet.statusCode).toBe(400);
    const ok = await t.request({ method: 'POST', url: `/api/environment/sites/${site}/checks`, cookie: admin, payload: { checkedOn: day, checks: { ...allMet, vehicleWashing: false }, note: '冲洗设备故障，已督促修复' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ allMet: false });
    const dup = await t.request({ method: 'POST', url: `/api/environment/sites/${site}/checks`, cookie: admin, payload: { checkedOn: day, checks: allMet } });
    expect(dup.statusCode).toBe(409);
  });

  it('a failed daily site check opens an item in the rectification ledger; a met one does not', async () => {
    const sites = (await t.request({ method: 'GET', url: '/api/environment/sites', cookie: admin })).json() as { items: Array<{ id: string; name: string; orgId: string; stationedWorkerName: string | null }> };
    const site = sites.items[1];
    const met = await t.request({ method: 'POST', url: `/api/environment/sites/${site.id}/checks`, cookie: admin, payload: { checkedOn: '2018-07-02', checks: allMet } });
    expect(met.statusCode).toBe(201);
    expect(met.json()).toMatchObject({ allMet: true, rectification: null });

    const failed = await t.request({
      method: 'POST',
      url: `/api/environment/sites/${site.id}/checks`,
      cookie: admin,
      payload: { checkedOn: '2018-07-03', checks: { ...allMet, stockpileCovered: false, sealedTransport: false }, note: '料堆未覆盖，渣土车未密闭', rectifyWithinWorkingDays: 3 },
    });
    expect(failed.statusCode).toBe(201);
    const check = failed.json() as { id: string; allMet: boolean; rectification: { itemId: string; state: string; deadline: string } | null };
    expect(check.allMet).toBe(false);
    expect(check.rectification).not.toBeNull();
    const itemId = check.rectification?.itemId ?? '';

    const item = (await t.request({ method: 'GET', url: `/api/rectification/items/${itemId}`, cookie: admin })).json() as {
      sourceKind: string;
      sourceId: string;
      orgId: string;
      title: string;
      description: string;
      responsibleName: string;
      deadline: string;
      state: string;
    };
    expect(item).toMatchObject({ sourceKind: 'environment_check', sourceId: check.id, orgId: site.orgId, responsibleName: site.stationedWorkerName ?? '' });
    expect(item.title).toContain(site.name);
    expect(item.description).toContain('物料堆放100%覆盖');
    expect(item.description).toContain('渣土车辆100%密闭运输');
    expect(item.state).not.toBe('closed');
    const preview = (await t.request({ method: 'GET', url: '/api/rectification/deadline?workingDays=3', cookie: admin })).json() as { deadline: string };
    expect(item.deadline).toBe(preview.deadline);

    // The site's check history shows the item beside the failed check only.
    const history = (await t.request({ method: 'GET', url: `/api/environment/sites/${site.id}/checks?pageSize=50`, cookie: admin })).json() as Page<{ id: string; rectification: { itemId: string } | null }>;
    expect(history.items.find((c) => c.id === check.id)?.rectification?.itemId).toBe(itemId);
    expect(history.items.filter((c) => c.rectification !== null).map((c) => c.id)).toEqual([check.id]);

    // The ledger lists it under its source kind.
    const ledger = (await t.request({ method: 'GET', url: '/api/rectification/items?sourceKind=environment_check&pageSize=200', cookie: admin })).json() as Page<{ id: string }>;
    expect(ledger.items.map((i) => i.id)).toContain(itemId);
  });

  it('联审联批: approval needs all three conditions; a refusal needs reasons; a decided application is final', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/api/environment/entries',
      cookie: grid,
      payload: { orgId: shizhaiId, applicantName: '测试化工有限公司', industry: '化工', address: '石寨村北', submittedOn: '2018-08-01', creditCode: '914403001922038217' },
    });
    expect(created.statusCode).toBe(400);
    const app = (
      await t.request({ method: 'POST', url: '/api/environment/entries', cookie: grid, payload: { orgId: shizhaiId, applicantName: '测试化工有限公司', industry: '化工', address: '石寨村北', submittedOn: '2018-08-01' } })
    ).json() as { id: string; state: string };
    expect(app.state).toBe('submitted');
    const tooEarly = await t.request({ method: 'POST', url: `/api/environment/entries/${app.id}/decision`, cookie: admin, payload: { decision: 'approve' } });
    expect(tooEarly.statusCode).toBe(409);
    const reviewed = await t.request({ method: 'POST', url: `/api/environment/entries/${app.id}/review`, cookie: admin, payload: { industryOk: true, planningOk: true, environmentOk: false, note: '环评不达标' } });
    expect(reviewed.json()).toMatchObject({ state: 'under_review', environmentOk: false });
    expect((await t.request({ method: 'POST', url: `/api/environment/entries/${app.id}/decision`, cookie: admin, payload: { decision: 'approve' } })).statusCode).toBe(409);
    expect((await t.request({ method: 'POST', url: `/api/environment/entries/${app.id}/decision`, cookie: admin, payload: { decision: 'refuse' } })).statusCode).toBe(400);
    const refused = await t.request({ method: 'POST', url: `/api/environment/entries/${app.id}/decision`, cookie: admin, payload: { decision: 'refuse', reason: '环评不达标，不予审批进驻' } });
    expect(refused.json()).toMatchObject({ state: 'refused', decisionReason: '环评不达标，不予审批进驻' });
    expect((await t.request({ method: 'POST', url: `/api/environment/entries/${app.id}/review`, cookie: admin, payload: { industryOk: true, planningOk: true, environmentOk: true } })).statusCode).toBe(409);
  });

  it('exports the 散乱污 ledger', async () => {
    const res = await t.request({ method: 'GET', url: '/api/environment/pollution/ledger.xlsx', cookie: admin });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.readUInt32LE(0)).toBe(0x04034b50);
  });
});
