import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';

/**
 * Two streets on one database: each street's administrator — whose scope is the street's root, the broadest
 * scope a street has — sees only their own street's records, and the other street's records answer 404.
 */
describe('streets are isolated from each other', () => {
  let t: TestApp;
  let demoAdmin: string;
  let otherAdmin: string;
  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    demoAdmin = await t.login('admin');
    const platform = await t.login('platform');
    const created = await t.request({ method: 'POST', url: '/api/tenants', cookie: platform, payload: { code: '410182001' } });
    expect(created.statusCode).toBe(201);
    const { adminUsername, adminPassword } = created.json() as { adminUsername: string; adminPassword: string };
    otherAdmin = await t.login(adminUsername, adminPassword);
  });
  afterAll(async () => t.close());

  it('a new street’s administrator sees none of the demo street’s members, hazards or units', async () => {
    const members = (await t.request({ method: 'GET', url: '/api/members?pageSize=5', cookie: otherAdmin })).json() as { total: number };
    expect(members.total).toBe(0);
    const hazards = (await t.request({ method: 'GET', url: '/api/hazards?pageSize=5', cookie: otherAdmin })).json() as { items: unknown[] };
    expect(hazards.items).toHaveLength(0);
    const tree = (await t.request({ method: 'GET', url: '/api/orgs/tree', cookie: otherAdmin })).json() as { items: Array<{ name: string }> };
    expect(tree.items.some((o) => o.name.includes('石寨村'))).toBe(false);
    expect(tree.items.length).toBeGreaterThan(1);
  });

  it('records of one street answer 404 to the other street’s administrator, both ways', async () => {
    const demoMembers = (await t.request({ method: 'GET', url: '/api/members?pageSize=1', cookie: demoAdmin })).json() as { items: Array<{ id: string }> };
    const demoHazards = (await t.request({ method: 'GET', url: '/api/hazards?pageSize=1', cookie: demoAdmin })).json() as { items: Array<{ id: string }> };
    expect((await t.request({ method: 'GET', url: `/api/members/${demoMembers.items[0].id}`, cookie: otherAdmin })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/hazards/${demoHazards.items[0].id}`, cookie: otherAdmin })).statusCode).toBe(404);
    const otherTree = (await t.request({ method: 'GET', url: '/api/orgs/tree', cookie: otherAdmin })).json() as { items: Array<{ id: string }> };
    expect((await t.request({ method: 'GET', url: `/api/orgs/${otherTree.items[0].id}`, cookie: demoAdmin })).statusCode).toBe(404);
  });
});
