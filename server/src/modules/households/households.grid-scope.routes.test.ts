import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

describe('households: a grid worker sees the households of her own grids only (issue #4)', () => {
  let t: TestApp;
  let worker: string;
  let mine: string;
  let other: string;

  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    worker = await t.login('wanggeyuan');
    const [me] = await queryRows<{ id: string }>(t.db, sql`select id from users where username = 'wanggeyuan'`);
    const [g] = await queryRows<{ grid_id: string; org_id: string }>(
      t.db,
      sql`select gs.grid_id, g.org_id from grid_staff gs join grids g on g.id = gs.grid_id where gs.user_id = ${me.id} limit 1`,
    );
    const [tenant] = await queryRows<{ tenant_id: number }>(t.db, sql`select tenant_id from grids where id = ${g.grid_id}`);
    const ins = async (gridId: string, address: string) =>
      (
        await queryRows<{ id: string }>(
          t.db,
          sql`insert into households (tenant_id, org_id, grid_id, address, head_name, size, tags) values (${tenant.tenant_id}, ${g.org_id}, ${gridId}, ${address}, '测试', 1, '{}') returning id`,
        )
      )[0].id;
    const [o] = await queryRows<{ id: string }>(
      t.db,
      sql`insert into grids (tenant_id, org_id, name, code) values (${tenant.tenant_id}, ${g.org_id}, '测试他网格', 'TEST-OTHER-GRID') returning id`,
    );
    mine = await ins(g.grid_id, '网格范围测试-本网格');
    other = await ins(o.id, '网格范围测试-他网格');
  });
  afterAll(async () => t.close());

  it('lists and opens a household in her grid; one in another grid of the same village is absent and 404', async () => {
    const list = await t.request({ method: 'GET', url: `/api/households?pageSize=200&q=${encodeURIComponent('网格范围测试')}`, cookie: worker });
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((h: { id: string }) => h.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(other);
    expect((await t.request({ method: 'GET', url: `/api/households/${mine}`, cookie: worker })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `/api/households/${other}`, cookie: worker })).statusCode).toBe(404);
  });
});
