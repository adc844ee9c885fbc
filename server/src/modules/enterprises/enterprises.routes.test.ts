import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeCreditCode } from '../../platform/credit-code.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

interface Page<T> {
  items: T[];
  total: number;
}
interface Ent {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  category: string;
  status: string;
  inspectionCount: number;
}

describe('enterprise ledgers over HTTP', () => {
  let t: TestApp;
  let admin: string;
  let grid: string;
  let shizhaiId: string;
  let otherVillageId: string;
  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    admin = await t.login('admin');
    grid = await t.login('wanggeyuan');
    const tree = (await t.request({ method: 'GET', url: '/api/orgs/tree', cookie: admin })).json() as { items: Array<{ id: string; name: string; kind: string }> };
    shizhaiId = tree.items.find((o) => o.name === '石寨村党总支')?.id ?? '';
    otherVillageId = tree.items.find((o) => o.kind === 'village' && o.name !== '石寨村党总支')?.id ?? '';
  });
  afterAll(async () => t.close());

  it('the demo street holds the report’s units, and a grid worker sees only those of her village', async () => {
    const all = (await t.request({ method: 'GET', url: '/api/enterprises?pageSize=1&category=training_institution', cookie: admin })).json() as Page<Ent>;
    expect(all.total).toBe(123);
    const mine = (await t.request({ method: 'GET', url: '/api/enterprises?pageSize=200', cookie: grid })).json() as Page<Ent>;
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((e) => e.orgName === '石寨村党总支')).toBe(true);
    const outside = (await t.request({ method: 'GET', url: `/api/enterprises?pageSize=1&orgId=${otherVillageId}`, cookie: admin })).json() as Page<Ent>;
    const foreign = outside.items[0];
    expect(foreign).toBeDefined();
    const res = await t.request({ method: 'GET', url: `/api/enterprises/${foreign?.id ?? ''}`, cookie: grid });
    expect(res.statusCode).toBe(404);
    const ins = await t.request({ method: 'POST', url: `/api/enterprises/${foreign?.id ?? ''}/inspections`, cookie: grid, payload: { inspectedOn: '2018-06-01', topic: '检查' } });
    expect(ins.statusCode).toBe(404);
  });

  it('rejects a bad credit code with a field error and writes nothing', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/enterprises',
      cookie: grid,
      payload: { orgId: shizhaiId, name: '测试商行', category: 'production', creditCode: '914403001922038217', address: '石寨村1号' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', details: [{ path: 'creditCode', message: '统一社会信用代码校验位错误' }] });
    const list = (await t.request({ method: 'GET', url: '/api/enterprises?q=测试商行', cookie: admin })).json() as Page<Ent>;
    expect(list.total).toBe(0);
  });

  it('registers a unit with a valid code, refuses a duplicate code, and records a joint inspection', async () => {
    const code = composeCreditCode('52', '410182', 'MA9TEXT1');
    const created = await t.request({
      method: 'POST',
      url: '/api/enterprises',
      cookie: grid,
      payload: { orgId: shizhaiId, name: '石寨测试培训学校', category: 'training_institution', creditCode: code.toLowerCase(), address: '石寨村2号', contactPhone: '13800001234' },
    });
    expect(created.statusCode).toBe(201);
    const ent = created.json() as Ent & { creditCode: string; contactPhoneMasked: string };
    expect(ent.creditCode).toBe(code);
    expect(ent.contactPhoneMasked).toBe('138****1234');
    const dup = await t.request({ method: 'POST', url: '/api/enterprises', cookie: admin, payload: { orgId: shizhaiId, name: '另一家', category: 'production', creditCode: code, address: 'x' } });
    expect(dup.statusCode).toBe(409);

    const ins = await t.request({
      method: 'POST',
      url: `/api/enterprises/${ent.id}/inspections`,
      cookie: grid,
      payload: { inspectedOn: '2018-09-10', topic: '校外培训机构专项检查', departments: ['教体局', '消防', '消防'], findings: [{ description: '安全出口堵塞' }] },
    });
    expect(ins.statusCode).toBe(201);
    const body = ins.json() as { joint: boolean; departments: string[]; findingCount: number; findings: Array<{ description: string; hazardId: string | null }> };
    expect(body.joint).toBe(true);
    expect(body.departments).toEqual(['教体局', '消防']);
    expect(body.findingCount).toBe(1);
    expect(body.findings[0]?.description).toBe('安全出口堵塞');
    const hazardId = body.findings[0]?.hazardId ?? '';
    const hazard = await t.request({ method: 'GET', url: `/api/hazards/${hazardId}`, cookie: grid });
    expect(hazard.statusCode).toBe(200);
    expect(hazard.json()).toMatchObject({ sourceKind: 'inspection', orgId: shizhaiId });
    expect((hazard.json() as { description: string }).description).toContain('安全出口堵塞');
    const after = (await t.request({ method: 'GET', url: `/api/enterprises/${ent.id}`, cookie: grid })).json() as Ent;
    expect(after.inspectionCount).toBe(1);
  });

  it('bans only an operating workshop, and only the street may ban', async () => {
    const created = (
      await t.request({ method: 'POST', url: '/api/enterprises', cookie: grid, payload: { orgId: shizhaiId, name: '石寨测试豆腐坊', category: 'workshop', address: '石寨村3号' } })
    ).json() as Ent;
    const byGrid = await t.request({ method: 'POST', url: `/api/enterprises/${created.id}/ban`, cookie: grid, payload: { bannedOn: '2018-10-01', reason: '无证生产' } });
    expect(byGrid.statusCode).toBe(403);
    const ok = await t.request({ method: 'POST', url: `/api/enterprises/${created.id}/ban`, cookie: admin, payload: { bannedOn: '2018-10-01', reason: '无证生产' } });
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as Ent).status).toBe('banned');
    const again = await t.request({ method: 'POST', url: `/api/enterprises/${created.id}/ban`, cookie: admin, payload: { bannedOn: '2018-10-02', reason: '再次取缔' } });
    expect(again.statusCode).toBe(409);
    expect((again.json() as { code: string }).code).toBe('INVALID_STATE');
    const units = (await t.request({ method: 'GET', url: '/api/enterprises?category=key_unit&pageSize=1', cookie: admin })).json() as Page<Ent>;
    const notWorkshop = await t.request({ method: 'POST', url: `/api/enterprises/${units.items[0]?.id ?? ''}/ban`, cookie: admin, payload: { bannedOn: '2018-10-01', reason: '测试' } });
    expect(notWorkshop.statusCode).toBe(409);
  });

  it('exports the enterprise and inspection ledgers as xlsx', async () => {
    const res = await t.request({ method: 'GET', url: '/api/enterprises/ledger.xlsx', cookie: grid });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ins = await t.request({ method: 'GET', url: '/api/enterprises/inspections/ledger.xlsx?from=2018-01-01&to=2018-12-31', cookie: admin });
    expect(ins.statusCode).toBe(200);
    expect(ins.rawPayload.readUInt32LE(0)).toBe(0x04034b50);
  });

  it('an inspection whose finding cannot become a hazard is not saved at all', async () => {
    const list = (await t.request({ method: 'GET', url: '/api/enterprises?category=key_unit&pageSize=1', cookie: grid })).json() as Page<Ent>;
    const id = list.items[0]?.id ?? '';
    const before = (await t.request({ method: 'GET', url: `/api/enterprises/${id}`, cookie: grid })).json() as Ent;
    const res = await t.request({
      method: 'POST',
      url: `/api/enterprises/${id}/inspections`,
      cookie: grid,
      payload: { inspectedOn: '2018-09-10', topic: '专项检查', findings: [{ description: '消防器材过期', photoFileIds: ['00000000-0000-4000-8000-000000000000'] }] },
    });
    expect(res.statusCode).toBe(400);
    const after = (await t.request({ method: 'GET', url: `/api/enterprises/${id}`, cookie: grid })).json() as Ent;
    expect(after.inspectionCount).toBe(before.inspectionCount);
  });

  it('records an emergency drill in scope only, never in the future, and lists it newest first', async () => {
    const drill = { orgId: shizhaiId, heldOn: '2018-09-15', title: '石寨村消防应急疏散演练', location: '石寨村党群服务中心', participants: 46 };
    const created = await t.request({ method: 'POST', url: '/api/enterprises/drills', cookie: grid, payload: drill });
    expect(created.statusCode).toBe(201);
    const row = created.json() as { id: string; orgName: string; participants: number };
    expect(row).toMatchObject({ orgName: '石寨村党总支', participants: 46 });

    const foreign = await t.request({ method: 'POST', url: '/api/enterprises/drills', cookie: grid, payload: { ...drill, orgId: otherVillageId } });
    expect(foreign.statusCode).toBe(404);
    const future = await t.request({ method: 'POST', url: '/api/enterprises/drills', cookie: grid, payload: { ...drill, heldOn: '2099-01-01' } });
    expect(future.statusCode).toBe(400);
    expect((future.json() as { details: Array<{ path: string }> }).details[0]?.path).toBe('heldOn');
    const auditor = await t.login('jijian');
    expect((await t.request({ method: 'POST', url: '/api/enterprises/drills', cookie: auditor, payload: drill })).statusCode).toBe(403);

    const listed = (await t.request({ method: 'GET', url: '/api/enterprises/drills?from=2018-09-15&to=2018-09-15&pageSize=50', cookie: admin })).json() as Page<{ id: string; heldOn: string }>;
    expect(listed.items.map((d) => d.id)).toContain(row.id);
    expect(listed.items.every((d) => d.heldOn === '2018-09-15')).toBe(true);
    const mine = (await t.request({ method: 'GET', url: '/api/enterprises/drills?pageSize=100', cookie: grid })).json() as Page<{ orgName: string; heldOn: string }>;
    expect(mine.items.every((d) => d.orgName === '石寨村党总支')).toBe(true);
    const days = mine.items.map((d) => d.heldOn);
    expect(days).toEqual([...days].sort().reverse());
  });

  it('a resident cannot read the ledgers', async () => {
    const jumin = await t.login('jumin');
    expect((await t.request({ method: 'GET', url: '/api/enterprises', cookie: jumin })).statusCode).toBe(403);
  });
});
