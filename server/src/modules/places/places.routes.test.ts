import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

interface Grid {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  code: string;
  boundary: { type: string; coordinates: unknown } | null;
  centerLat: number | null;
  centerLng: number | null;
  staff: Array<{ userId: string; name: string; role: 'worker' | 'head' }>;
  groups: Array<{ orgId: string; name: string }>;
}
interface ErrorBody {
  code: string;
  message: string;
  details?: Array<{ path: string; message: string }>;
}
interface Org {
  id: string;
  name: string;
  kind: string;
}

function square(lng: number, lat: number, half: number) {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lng - half, lat - half],
        [lng + half, lat - half],
        [lng + half, lat + half],
        [lng - half, lat + half],
        [lng - half, lat - half],
      ],
    ],
  };
}

describe('places over HTTP', () => {
  let t: TestApp;
  let admin: string;
  let worker: string;
  let orgs: Org[];
  let all: Grid[];
  const orgId = (name: string) => orgs.find((o) => o.name === name)?.id ?? '';

  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    admin = await t.login('admin');
    worker = await t.login('wanggeyuan');
    orgs = ((await t.request({ method: 'GET', url: '/api/orgs/tree', cookie: admin })).json() as { items: Org[] }).items;
    all = ((await t.request({ method: 'GET', url: '/api/places/grids', cookie: admin })).json() as { items: Grid[] }).items;
  });
  afterAll(async () => t.close());

  it('a grid worker lists only the grids of her village, where she is posted; another village’s grid is 404', async () => {
    const mine = ((await t.request({ method: 'GET', url: '/api/places/grids', cookie: worker })).json() as { items: Grid[] }).items;
    const shizhai = all.filter((g) => g.orgName === '石寨村党总支');
    expect(shizhai.length).toBeGreaterThan(0);
    expect(mine.map((g) => g.id).sort()).toEqual(shizhai.map((g) => g.id).sort());
    const me = (await t.request({ method: 'GET', url: '/api/auth/me', cookie: worker })).json() as { user: { id: string } };
    const myId = me.user.id;
    expect(mine.every((g) => g.staff.some((s) => s.userId === myId && s.role === 'worker'))).toBe(true);
    const posted = ((await t.request({ method: 'GET', url: '/api/places/grids?mine=true', cookie: worker })).json() as { items: Grid[] }).items;
    expect(posted).toHaveLength(shizhai.length);

    const foreign = all.find((g) => g.orgName !== '石寨村党总支');
    expect(foreign).toBeDefined();
    const res = await t.request({ method: 'GET', url: `/api/places/grids/${foreign?.id ?? ''}`, cookie: worker });
    expect(res.statusCode).toBe(404);
    expect((res.json() as ErrorBody).code).toBe('NOT_FOUND');
    expect((await t.request({ method: 'GET', url: `/api/places/grids/${foreign?.id ?? ''}/buildings`, cookie: worker })).statusCode).toBe(404);
    // A grid worker reads but does not edit the place tree.
    const write = await t.request({ method: 'POST', url: '/api/places/grids', cookie: worker, payload: { orgId: orgId('石寨村党总支'), name: '越权网格', code: 'X-1' } });
    expect(write.statusCode).toBe(403);
  });

  it('the street admin creates a grid under a village or community only, and lists it', async () => {
    const created = await t.request({ method: 'POST', url: '/api/places/grids', cookie: admin, payload: { orgId: orgId('石寨村党总支'), name: '石寨村测试网格', code: 'TEST-01' } });
    expect(created.statusCode).toBe(201);
    const grid = created.json() as Grid;
    expect(grid).toMatchObject({ name: '石寨村测试网格', code: 'TEST-01', orgName: '石寨村党总支', boundary: null, staff: [], groups: [] });
    const listed = ((await t.request({ method: 'GET', url: `/api/places/grids?orgId=${grid.orgId}`, cookie: admin })).json() as { items: Grid[] }).items;
    expect(listed.map((g) => g.id)).toContain(grid.id);
    // The village's grid worker sees only the grids she is posted to: not this one, nor a hazard reported in it…
    expect((await t.request({ method: 'GET', url: `/api/places/grids/${grid.id}`, cookie: worker })).statusCode).toBe(404);
    const reported = await t.request({ method: 'POST', url: '/api/hazards', cookie: admin, payload: { category: 'fire', description: '新网格内的消防通道堵塞', address: '石寨村测试网格3号楼', gridId: grid.id } });
    expect(reported.statusCode).toBe(201);
    const hazardId = (reported.json() as { id: string }).id;
    expect((await t.request({ method: 'GET', url: `/api/hazards/${hazardId}`, cookie: worker })).statusCode).toBe(404);
    const before = (await t.request({ method: 'GET', url: '/api/hazards?pageSize=200', cookie: worker })).json() as { items: Array<{ id: string }> };
    expect(before.items.map((h) => h.id)).not.toContain(hazardId);
    // …until she is posted to it.
    const me = (await t.request({ method: 'GET', url: '/api/auth/me', cookie: worker })).json() as { user: { id: string } };
    expect((await t.request({ method: 'POST', url: `/api/places/grids/${grid.id}/staff`, cookie: admin, payload: { userId: me.user.id, role: 'worker' } })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `/api/places/grids/${grid.id}`, cookie: worker })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `/api/hazards/${hazardId}`, cookie: worker })).statusCode).toBe(200);

    const street = orgs.find((o) => o.kind === 'street');
    const wrongLevel = await t.request({ method: 'POST', url: '/api/places/grids', cookie: admin, payload: { orgId: street?.id ?? '', name: '街道网格', code: 'TEST-02' } });
    expect(wrongLevel.statusCode).toBe(400);
    expect((wrongLevel.json() as ErrorBody).details?.[0]?.path).toBe('orgId');
    const blank = await t.request({ method: 'POST', url: '/api/places/grids', cookie: admin, payload: { orgId: orgId('石寨村党总支'), name: ' ', code: 'TEST-03' } });
    expect(blank.statusCode).toBe(400);
  });

  it('uploads one grid’s boundary as a Feature; the centre follows the polygon', async () => {
    const grid = all[0];
    const res = await t.request({
      method: 'PUT',
      url: `/api/places/grids/${grid.id}/boundary`,
      cookie: admin,
      payload: { geojson: JSON.stringify({ type: 'Feature', properties: {}, geometry: square(113.4, 34.8, 0.002) }) },
    });
    expect(res.statusCode).toBe(200);
    const g = res.json() as Grid;
    expect(g.boundary?.type).toBe('Polygon');
    expect(g.centerLat).toBeCloseTo(34.8, 6);
    expect(g.centerLng).toBeCloseTo(113.4, 6);
  });

  it('refuses bad geometry with VALIDATION and the path of each bad place', async () => {
    const grid = all[1];
    const put = (geojson: unknown) => t.request({ method: 'PUT', url: `/api/places/grids/${grid.id}/boundary`, cookie: admin, payload: { geojson } });

    const open = await put({ type: 'Polygon', coordinates: [[[113.1, 34.1], [113.2, 34.1], [113.2, 34.2], [113.1, 34.2]]] });
    expect(open.statusCode).toBe(400);
    const openBody = open.json() as ErrorBody;
    expect(openBody.code).toBe('VALIDATION');
    expect(openBody.details?.[0]).toMatchObject({ path: 'geojson.coordinates[0]' });
    expect(openBody.details?.[0]?.message).toContain('未闭合');

    const tooFew = await put({ type: 'Polygon', coordinates: [[[113.1, 34.1], [113.2, 34.1], [113.1, 34.1]]] });
    expect((tooFew.json() as ErrorBody).details?.[0]?.message).toContain('至少需要4个点');

    const flat = await put({ type: 'Polygon', coordinates: [[[113.1, 34.1], [113.2, 34.1], [113.3, 34.1], [113.1, 34.1]]] });
    expect((flat.json() as ErrorBody).details?.[0]?.message).toContain('面积为零');

    const point = await put({ type: 'Point', coordinates: [113.1, 34.1] });
    expect(point.statusCode).toBe(400);
    expect((point.json() as ErrorBody).details?.[0]).toMatchObject({ path: 'geojson.type' });

    const notJson = await put('{"type": "Polygon", ');
    expect(notJson.statusCode).toBe(400);
    expect((notJson.json() as ErrorBody).details?.[0]?.message).toContain('JSON');

    const two = await put({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: square(113.4, 34.8, 0.001) }, { type: 'Feature', properties: {}, geometry: square(113.5, 34.8, 0.001) }] });
    expect(two.statusCode).toBe(400);

    // Nothing was saved by any failed upload.
    const after = (await t.request({ method: 'GET', url: `/api/places/grids/${grid.id}`, cookie: admin })).json() as Grid;
    expect(after.boundary).toEqual(grid.boundary);
  });

  it('refuses coordinates out of range (latitude/longitude swapped or typed wrong)', async () => {
    const grid = all[1];
    const swapped = await t.request({
      method: 'PUT',
      url: `/api/places/grids/${grid.id}/boundary`,
      cookie: admin,
      payload: { geojson: { type: 'Polygon', coordinates: [[[34.1, 113.1], [34.2, 113.1], [34.2, 113.2], [34.1, 113.2], [34.1, 113.1]]] } },
    });
    expect(swapped.statusCode).toBe(400);
    const body = swapped.json() as ErrorBody;
    expect(body.code).toBe('VALIDATION');
    expect(body.details?.[0]).toMatchObject({ path: 'geojson.coordinates[0][0]' });
    expect(body.details?.[0]?.message).toContain('纬度 113.1 超出范围');
    expect(body.details).toHaveLength(5);

    const lng = await t.request({ method: 'PUT', url: `/api/places/grids/${grid.id}/boundary`, cookie: admin, payload: { geojson: square(181, 34, 0.5) } });
    expect(lng.statusCode).toBe(400);
    expect((lng.json() as ErrorBody).details?.[0]?.message).toContain('经度');
  });

  it('uploads a FeatureCollection for several grids by code, all or nothing', async () => {
    const [a, b] = all.slice(2, 4);
    const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
    const ok = await t.request({
      method: 'PUT',
      url: '/api/places/boundaries',
      cookie: admin,
      payload: {
        geojson: fc([
          { type: 'Feature', properties: { code: a.code }, geometry: square(113.41, 34.81, 0.001) },
          { type: 'Feature', properties: { name: b.name }, geometry: { type: 'MultiPolygon', coordinates: [square(113.42, 34.82, 0.001).coordinates] } },
        ]),
      },
    });
    expect(ok.statusCode).toBe(200);
    const items = (ok.json() as { items: Grid[] }).items;
    expect(items.map((g) => g.id).sort()).toEqual([a.id, b.id].sort());
    expect(items.find((g) => g.id === b.id)?.boundary?.type).toBe('MultiPolygon');

    const bad = await t.request({
      method: 'PUT',
      url: '/api/places/boundaries',
      cookie: admin,
      payload: {
        geojson: fc([
          { type: 'Feature', properties: { code: a.code }, geometry: square(113.5, 34.9, 0.001) },
          { type: 'Feature', properties: { code: 'NO-SUCH-GRID' }, geometry: square(113.6, 34.9, 0.001) },
        ]),
      },
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as ErrorBody).details?.[0]).toMatchObject({ path: 'geojson.features[1].properties' });
    const still = (await t.request({ method: 'GET', url: `/api/places/grids/${a.id}`, cookie: admin })).json() as Grid;
    expect(still.centerLng).toBeCloseTo(113.41, 6);

    const badGeometry = await t.request({
      method: 'PUT',
      url: '/api/places/boundaries',
      cookie: admin,
      payload: { geojson: fc([{ type: 'Feature', properties: { code: a.code }, geometry: { type: 'Polygon', coordinates: [[[113.1, 34.1], [113.2, 34.1], [113.2, 34.2], [113.1, 34.2]]] } }]) },
    });
    expect((badGeometry.json() as ErrorBody).details?.[0]?.path).toBe('geojson.features[0].geometry.coordinates[0]');
  });

  it('posts grid staff whose scope covers the grid, and links and unlinks a 楼院党小组 of the same village', async () => {
    const grid = all.find((g) => g.orgName !== '石寨村党总支') ?? all[0];
    const candidates = ((await t.request({ method: 'GET', url: `/api/places/grids/${grid.id}/staff-candidates`, cookie: admin })).json() as { items: Array<{ userId: string; name: string }> }).items;
    const shizhaiWorker = ((await t.request({ method: 'GET', url: `/api/places/grids/${all.find((g) => g.orgName === '石寨村党总支')?.id ?? ''}`, cookie: admin })).json() as Grid).staff.find((s) => s.role === 'worker');
    // The 石寨村 grid worker cannot be posted to another village's grid: she could not see it.
    expect(candidates.map((c) => c.userId)).not.toContain(shizhaiWorker?.userId);
    const refused = await t.request({ method: 'POST', url: `/api/places/grids/${grid.id}/staff`, cookie: admin, payload: { userId: shizhaiWorker?.userId ?? '', role: 'worker' } });
    expect(refused.statusCode).toBe(400);

    const shizhaiGrid = all.find((g) => g.orgName === '石寨村党总支' && g.groups.length === 0) ?? all[0];
    const groups = ((await t.request({ method: 'GET', url: `/api/places/grids/${shizhaiGrid.id}/group-candidates`, cookie: admin })).json() as { items: Array<{ orgId: string; name: string }> }).items;
    expect(groups.length).toBeGreaterThan(0);
    const linked = await t.request({ method: 'POST', url: `/api/places/grids/${shizhaiGrid.id}/groups`, cookie: admin, payload: { groupOrgId: groups[0].orgId } });
    expect(linked.statusCode).toBe(200);
    expect((linked.json() as Grid).groups.map((g) => g.orgId)).toContain(groups[0].orgId);
    const unlinked = await t.request({ method: 'DELETE', url: `/api/places/grids/${shizhaiGrid.id}/groups/${groups[0].orgId}`, cookie: admin });
    expect(unlinked.statusCode).toBe(200);
    expect((unlinked.json() as Grid).groups.map((g) => g.orgId)).not.toContain(groups[0].orgId);
    expect((await t.request({ method: 'DELETE', url: `/api/places/grids/${shizhaiGrid.id}/groups/${groups[0].orgId}`, cookie: admin })).statusCode).toBe(404);

    const head = await t.request({ method: 'POST', url: `/api/places/grids/${shizhaiGrid.id}/staff`, cookie: admin, payload: { userId: shizhaiWorker?.userId ?? '', role: 'head' } });
    expect(head.statusCode).toBe(200);
    expect((head.json() as Grid).staff.filter((s) => s.userId === shizhaiWorker?.userId).map((s) => s.role).sort()).toEqual(['head', 'worker']);
  });
});
