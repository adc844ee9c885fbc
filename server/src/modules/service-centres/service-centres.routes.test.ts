import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

describe('service centres', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    admin = await t.login('admin');
  });
  afterAll(async () => t.close());

  it('shows the street which centres meet the standard and what is missing where', async () => {
    const res = await t.request({ method: 'GET', url: '/api/service-centres', cookie: admin });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: Array<{ name: string; areaM2: number; meetsStandard: boolean; missing: string[]; transitional: boolean; orgKind: string }>; summary: { total: number; meeting: number } };
    expect(body.summary.total).toBe(22);
    expect(body.summary.meeting).toBe(20);
    const haitian = body.items.find((c) => c.name.startsWith('海天社区'));
    expect(haitian?.missing).toEqual(['全天亮化到位']);
    const jijiazhai = body.items.find((c) => c.transitional);
    expect(jijiazhai?.name).toBe('吉家寨村过渡期临时阵地');
    expect(body.items.find((c) => c.orgKind === 'street_committee')?.areaM2).toBeGreaterThanOrEqual(1000);
  });

  it('a new standard version makes every centre unassessed until checked again; an assessment must answer every item', async () => {
    const published = await t.request({
      method: 'POST',
      url: '/api/service-centres/standard',
      cookie: admin,
      payload: { items: [{ key: 'signpost', label: '路标指示到位' }, { key: 'door_plate', label: '门牌制作到位' }, { key: 'lighting', label: '全天亮化到位' }, { key: 'open_board', label: '党务公开栏到位' }] },
    });
    expect(published.statusCode).toBe(201);
    expect(published.json().version).toBe(2);
    const list = (await t.request({ method: 'GET', url: '/api/service-centres', cookie: admin })).json() as { items: Array<{ id: string }>; summary: { meeting: number; notAssessed: number; total: number } };
    expect(list.summary.meeting).toBe(0);
    expect(list.summary.notAssessed).toBe(list.summary.total);
    const id = list.items[0].id;
    const partial = await t.request({ method: 'POST', url: `/api/service-centres/${id}/assessments`, cookie: admin, payload: { results: { signpost: true } } });
    expect(partial.statusCode).toBe(400);
    const ok = await t.request({ method: 'POST', url: `/api/service-centres/${id}/assessments`, cookie: admin, payload: { results: { signpost: true, door_plate: true, lighting: true, open_board: true } } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().meetsStandard).toBe(true);
  });

  it('a secretary sees only the centre in scope; others are 404', async () => {
    const shuji = await t.login('shuji');
    const list = (await t.request({ method: 'GET', url: '/api/service-centres', cookie: shuji })).json() as { items: Array<{ id: string; name: string }> };
    expect(list.items.map((c) => c.name)).toEqual(['石寨村党群服务中心']);
    const all = (await t.request({ method: 'GET', url: '/api/service-centres', cookie: admin })).json() as { items: Array<{ id: string; name: string }> };
    const other = all.items.find((c) => c.name.startsWith('铁龙'));
    expect((await t.request({ method: 'GET', url: `/api/service-centres/${other?.id}`, cookie: shuji })).statusCode).toBe(404);
  });
});
