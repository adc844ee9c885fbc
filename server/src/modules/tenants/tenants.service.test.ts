import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createStreet, ensurePlatformTenant } from './tenants.service.js';

describe('starting a street from its division code', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('creates the tenant with every village and community of that street', async () => {
    await ensurePlatformTenant(t.db);
    // 东华门街道, Beijing
    const r = await createStreet(t.db, t.services, '110101001', { adminPassword: 'Beijing-2026x' });
    expect(r.tenant).toMatchObject({ code: '110101001', name: '东华门街道', provinceName: '北京市' });
    expect(r.units.length).toBe(10);
    expect(r.units[0].name).toBe('多福巷社区党总支');
    const cookie = await t.login(r.adminUsername, 'Beijing-2026x');
    const tree = (await t.request({ method: 'GET', url: '/api/orgs/tree', cookie })).json().items;
    expect(tree).toHaveLength(11);
    expect(tree.some((o: { name: string }) => o.name.includes('石寨'))).toBe(false);
  });

  it('refuses an unknown code and a street that exists', async () => {
    await expect(createStreet(t.db, t.services, '410182999')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(createStreet(t.db, t.services, '12345')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(createStreet(t.db, t.services, '410182002')).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('lets the platform admin create a street over the API, and nobody else', async () => {
    const admin = await t.login('admin');
    expect((await t.request({ method: 'POST', url: '/api/tenants', cookie: admin, payload: { code: '410182001' } })).statusCode).toBe(403);
    const platform = await t.login('platform');
    const res = await t.request({ method: 'POST', url: '/api/tenants', cookie: platform, payload: { code: '410182001' } });
    expect(res.statusCode).toBe(201);
    expect(res.json().tenant.name).toBe('索河街道');
    const list = await t.request({ method: 'GET', url: '/api/tenants', cookie: platform });
    expect(list.json().items.map((x: { code: string }) => x.code)).toContain('410182001');
  });
});
