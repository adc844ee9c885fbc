import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { orgUnits } from '../org-units/index.js';
import { grids } from '../places/index.js';
import { open311Keys } from './hazards.table.js';

const form = (fields: Record<string, string | number>) => ({
  payload: new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, String(v)])).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

/** Conformance with the GeoReport v2 text: services, requests (GET/POST), one request, JSON and XML, the error list. */
describe('Open311 GeoReport v2', () => {
  let t: TestApp;
  let apiKey: string;
  let point: { lat: number; lng: number };

  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    const admin = await t.login('admin');
    const res = await t.request({ method: 'POST', url: '/api/hazards/open311-keys', cookie: admin, payload: { name: '市民随手拍' } });
    expect(res.statusCode).toBe(201);
    apiKey = res.json().apiKey;
    const [g] = await t.db
      .select({ lat: grids.centerLat, lng: grids.centerLng })
      .from(grids)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, grids.tenantId), eq(orgUnits.id, grids.orgId)))
      .where(eq(orgUnits.name, '石寨村党总支'))
      .limit(1);
    point = { lat: g.lat ?? 0, lng: g.lng ?? 0 };
  });
  afterAll(async () => t.close());

  it('stores only a hash of the key and only the street admin issues keys', async () => {
    const rows = await t.db.select().from(open311Keys);
    expect(rows.some((r) => r.keyHash === apiKey || r.keyHash.includes(apiKey))).toBe(false);
    const worker = await t.login('wanggeyuan');
    expect((await t.request({ method: 'POST', url: '/api/hazards/open311-keys', cookie: worker, payload: { name: 'x' } })).statusCode).toBe(403);
  });

  it('lists services in JSON and XML', async () => {
    const json = await t.request({ method: 'GET', url: '/open311/v2/services.json' });
    expect(json.statusCode).toBe(200);
    const services = json.json();
    expect(services.find((s: { service_code: string }) => s.service_code === 'fire')).toMatchObject({ service_name: '消防安全', metadata: false, type: 'realtime' });
    const xml = await t.request({ method: 'GET', url: '/open311/v2/services.xml' });
    expect(xml.headers['content-type']).toContain('xml');
    expect(xml.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><services><service><service_code>fire<\/service_code>/);
  });

  it('answers POST errors in the GeoReport error format', async () => {
    const noKey = await t.request({ method: 'POST', url: '/open311/v2/requests.json', ...form({ service_code: 'fire', lat: point.lat, long: point.lng, description: 'x' }) });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json()).toEqual([{ code: 400, description: 'api_key is required' }]);
    const badKey = await t.request({ method: 'POST', url: '/open311/v2/requests.json', ...form({ api_key: 'nope', service_code: 'fire', lat: point.lat, long: point.lng, description: 'x' }) });
    expect(badKey.statusCode).toBe(403);
    expect(badKey.json()[0].code).toBe(403);
    const badCode = await t.request({ method: 'POST', url: '/open311/v2/requests.json', ...form({ api_key: apiKey, service_code: 'ufo', lat: point.lat, long: point.lng, description: 'x' }) });
    expect(badCode.statusCode).toBe(404);
    const badLat = await t.request({ method: 'POST', url: '/open311/v2/requests.xml', ...form({ api_key: apiKey, service_code: 'fire', lat: 123, long: point.lng, description: 'x' }) });
    expect(badLat.statusCode).toBe(400);
    expect(badLat.body).toContain('<errors><error><code>400</code><description>lat must be');
    const noPlace = await t.request({ method: 'POST', url: '/open311/v2/requests.json', ...form({ api_key: apiKey, service_code: 'fire', description: 'x' }) });
    expect(noPlace.statusCode).toBe(400);
  });

  it('files a request with lat/long (form-encoded) and with address_string, then follows it', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/open311/v2/requests.json',
      ...form({ api_key: apiKey, service_code: 'fire', lat: point.lat, long: point.lng, description: '楼道堆放杂物', media_url: 'https://example.org/p.jpg', first_name: '明', last_name: '李' }),
    });
    expect(res.statusCode).toBe(201);
    const [created] = res.json();
    expect(created.service_request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof created.service_notice).toBe('string');

    const one = await t.request({ method: 'GET', url: `/open311/v2/requests/${created.service_request_id}.json` });
    expect(one.statusCode).toBe(200);
    const [req] = one.json();
    expect(req).toMatchObject({ service_request_id: created.service_request_id, status: 'open', service_code: 'fire', description: '楼道堆放杂物', media_url: 'https://example.org/p.jpg', agency_responsible: '石寨村党总支' });
    expect(req.lat).toBeCloseTo(point.lat, 6);
    expect(req.long).toBeCloseTo(point.lng, 6);
    expect(Date.parse(req.requested_datetime)).not.toBeNaN();

    const byAddress = await t.request({ method: 'POST', url: '/open311/v2/requests.json', payload: { api_key: apiKey, service_code: 'sanitation', address_string: '京城路与索河路交叉口', description: '垃圾满溢' } });
    expect(byAddress.statusCode).toBe(201);

    const xml = await t.request({ method: 'GET', url: `/open311/v2/requests/${created.service_request_id}.xml` });
    expect(xml.body).toContain(`<service_requests><request><service_request_id>${created.service_request_id}</service_request_id><status>open</status>`);
    const missing = await t.request({ method: 'GET', url: `/open311/v2/requests/${crypto.randomUUID()}.json` });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()[0].code).toBe(404);
  });

  it('filters requests by id, service_code, status and dates', async () => {
    const open = await t.request({ method: 'GET', url: '/open311/v2/requests.json?status=open&service_code=fire' });
    expect(open.statusCode).toBe(200);
    const items = open.json();
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((r: { status: string; service_code: string }) => r.status === 'open' && r.service_code === 'fire')).toBe(true);
    const closed2018 = await t.request({ method: 'GET', url: '/open311/v2/requests.json?start_date=2018-03-01T00:00:00%2B08:00&end_date=2018-03-31T23:59:59%2B08:00&status=closed' });
    const rows = closed2018.json();
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.length).toBeLessThanOrEqual(1000);
    expect(rows.every((r: { status: string; requested_datetime: string }) => r.status === 'closed' && r.requested_datetime >= '2018-02-28T16:00:00.000Z' && r.requested_datetime <= '2018-03-31T16:00:00.000Z')).toBe(true);
    const ids = `${rows[0].service_request_id},${rows[1].service_request_id}`;
    const byId = await t.request({ method: 'GET', url: `/open311/v2/requests.json?service_request_id=${ids}&status=open` });
    expect(byId.json().map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual(ids.split(',').sort());
    const badStatus = await t.request({ method: 'GET', url: '/open311/v2/requests.json?status=maybe' });
    expect(badStatus.statusCode).toBe(400);
    const badDate = await t.request({ method: 'GET', url: '/open311/v2/requests.json?start_date=yesterday' });
    expect(badDate.statusCode).toBe(400);
  });
});
