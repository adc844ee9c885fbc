import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

/** Issue #4: a grid worker sees the units (企业台账) of her own grids, and her units' units not yet in any grid. */
describe('enterprises: a grid worker sees the units of her own grids only (issue #4)', () => {
  let t: TestApp;
  let worker: string;
  let admin: string;
  let mine: string;
  let moved: string;

  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    [worker, admin] = await Promise.all([t.login('wanggeyuan'), t.login('admin')]);
    const inMyGrids = sql`e.grid_id in (select gs.grid_id from grid_staff gs join users u on u.id = gs.user_id where u.username = 'wanggeyuan')`;
    const rows = await queryRows<{ id: string }>(t.db, sql`select e.id from enterprises e where ${inMyGrids} order by e.id limit 2`);
    expect(rows.length, 'demo has two units in her grids').toBe(2);
    [mine, moved] = rows.map((r) => r.id);
    // A new grid of her village that she is not posted to; one of her units moves there.
    const [grid] = await queryRows<{ id: string }>(
      t.db,
      sql`insert into grids (tenant_id, org_id, name, code) select tenant_id, org_id, '测试他网格', 'TEST-OTHER-GRID-E' from grids
        where id = (select grid_id from enterprises where id = ${moved}) returning id`,
    );
    await queryRows(t.db, sql`update enterprises set grid_id = ${grid.id} where id = ${moved}`);
  });
  afterAll(async () => t.close());

  it('lists and opens a unit in her grid; the one moved to another grid is absent and 404; the street sees both', async () => {
    const list = await t.request({ method: 'GET', url: '/api/enterprises?pageSize=200', cookie: worker });
    expect(list.statusCode).toBe(200);
    const ids: string[] = list.json().items.map((e: { id: string }) => e.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(moved);
    expect((await t.request({ method: 'GET', url: `/api/enterprises/${mine}`, cookie: worker })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `/api/enterprises/${moved}`, cookie: worker })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/enterprises/${moved}`, cookie: admin })).statusCode).toBe(200);
  });
});
