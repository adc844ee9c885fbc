import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/index.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

interface Org {
  id: string;
  parentId: string | null;
  kind: string;
  name: string;
  divisionCode: string | null;
  status: string;
}

describe('org tree', () => {
  let t: TestApp;
  let admin: string;
  let shuji: string;
  let tree: Org[];
  const byName = (name: string) => {
    const o = tree.find((x) => x.name === name);
    if (!o) throw new Error(`no ${name}`);
    return o;
  };
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    shuji = await t.login('shuji');
    tree = (await t.request({ method: 'GET', url: '/api/orgs/tree', cookie: admin })).json().items;
  });
  afterAll(async () => t.close());

  it('holds the demo street from the division data: 8 villages and 13 communities with real names and codes', () => {
    expect(tree[0]).toMatchObject({ kind: 'street_committee', name: '京城路街道党工委', parentId: null });
    const villages = tree.filter((o) => o.kind === 'village');
    const communities = tree.filter((o) => o.kind === 'community');
    expect(villages).toHaveLength(8);
    expect(communities).toHaveLength(13);
    expect(byName('石寨村党总支').divisionCode).toBe('410182002205');
    expect(byName('铁龙社区党总支').divisionCode).toBe('410182002001');
    expect(tree.filter((o) => o.kind === 'group').length).toBeGreaterThan(20);
    expect(tree.length).toBeGreaterThanOrEqual(100);
  });

  it("scopes a secretary to their subtree; another unit answers 404", async () => {
    const mine: Org[] = (await t.request({ method: 'GET', url: '/api/orgs/tree', cookie: shuji })).json().items;
    expect(mine[0].name).toBe('石寨村党总支');
    expect(mine.every((o) => o.name.startsWith('石寨村'))).toBe(true);
    const other = byName('铁龙社区党总支');
    expect((await t.request({ method: 'GET', url: `/api/orgs/${other.id}`, cookie: shuji })).statusCode).toBe(404);
    const rename = await t.request({ method: 'PATCH', url: `/api/orgs/${other.id}`, cookie: shuji, payload: { name: 'x' } });
    expect(rename.statusCode).toBe(404);
  });

  it('creates, renames, moves and closes a unit, keeping its dated history', async () => {
    const parent = byName('石寨村第一党支部');
    const created = await t.request({ method: 'POST', url: '/api/orgs', cookie: shuji, payload: { parentId: parent.id, kind: 'group', name: '石寨村新建党小组', validFrom: '2018-03-01' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const renamed = await t.request({ method: 'PATCH', url: `/api/orgs/${id}`, cookie: shuji, payload: { name: '石寨村三组党小组', effectiveDate: '2018-06-01' } });
    expect(renamed.json().name).toBe('石寨村三组党小组');
    const target = byName('石寨村第二党支部');
    const moved = await t.request({ method: 'POST', url: `/api/orgs/${id}/move`, cookie: shuji, payload: { parentId: target.id, effectiveDate: '2018-07-01' } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().parentId).toBe(target.id);
    const closed = await t.request({ method: 'POST', url: `/api/orgs/${id}/close`, cookie: shuji, payload: { effectiveDate: '2018-12-31', reason: '合并' } });
    expect(closed.json()).toMatchObject({ status: 'closed', validTo: '2018-12-31' });
    const history = (await t.request({ method: 'GET', url: `/api/orgs/${id}/history`, cookie: shuji })).json().items;
    expect(history.map((h: { change: string; name: string; validFrom: string; validTo: string | null }) => [h.change, h.name, h.validFrom, h.validTo])).toEqual([
      ['create', '石寨村新建党小组', '2018-03-01', '2018-06-01'],
      ['rename', '石寨村三组党小组', '2018-06-01', '2018-07-01'],
      ['move', '石寨村三组党小组', '2018-07-01', '2018-12-31'],
      ['close', '石寨村三组党小组', '2018-12-31', '2018-12-31'],
    ]);
    expect((await verifyAuditChain(t.db, 1)).ok).toBe(true);
  });

  it('moving a unit carries its subtree along', async () => {
    const branch = byName('堡王村第一党支部');
    const newParent = byName('曹李村党总支');
    const res = await t.request({ method: 'POST', url: `/api/orgs/${branch.id}/move`, cookie: admin, payload: { parentId: newParent.id } });
    expect(res.statusCode).toBe(200);
    const after: Org[] = (await t.request({ method: 'GET', url: '/api/orgs/tree', cookie: admin })).json().items;
    const group = after.find((o) => o.parentId === branch.id);
    expect(group).toBeDefined();
    // the secretary of 曹李村 would now see the group: its path was rewritten under the new parent
    const groupDetail = await t.request({ method: 'GET', url: `/api/orgs/${group?.id}`, cookie: admin });
    expect(groupDetail.statusCode).toBe(200);
  });

  it('refuses kinds that do not fit, cycles, and closing a unit with active children', async () => {
    const group = tree.find((o) => o.kind === 'group') as Org;
    const bad = await t.request({ method: 'POST', url: '/api/orgs', cookie: admin, payload: { parentId: group.id, kind: 'branch', name: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('kind');
    const village = byName('康寨村党总支');
    const child = tree.find((o) => o.parentId === village.id) as Org;
    const cycle = await t.request({ method: 'POST', url: `/api/orgs/${village.id}/move`, cookie: admin, payload: { parentId: child.id } });
    expect(cycle.statusCode).toBe(400);
    const close = await t.request({ method: 'POST', url: `/api/orgs/${village.id}/close`, cookie: admin, payload: { effectiveDate: '2018-12-31' } });
    expect(close.statusCode).toBe(409);
    expect(close.json().code).toBe('INVALID_STATE');
  });

  it('rejects bad input with field paths in Chinese', async () => {
    const res = await t.request({ method: 'POST', url: '/api/orgs', cookie: admin, payload: { parentId: 'nope', kind: 'village', name: '' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION');
    expect(body.details.map((d: { path: string }) => d.path).sort()).toEqual(['name', 'parentId']);
    expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
