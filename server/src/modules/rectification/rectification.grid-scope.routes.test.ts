import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

/**
 * Issue #4: "grid workers see their grids only", for the 整改台账 too. The demo's grid worker (wanggeyuan) has
 * items opened from hazards in her grid and, in the same village, items from hazards in other grids.
 */
describe('rectification items: a grid worker sees the items of her own grids only (issue #4)', () => {
  let t: TestApp;
  let worker: string;
  let secretary: string;
  let workerId: string;
  let mineId: string;
  let otherId: string;

  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    [worker, secretary] = await Promise.all([t.login('wanggeyuan'), t.login('admin')]);
    const [me] = await queryRows<{ id: string }>(t.db, sql`select id from users where username = 'wanggeyuan'`);
    workerId = me.id;
    const inMyGrids = sql`h.grid_id in (select grid_id from grid_staff where user_id = ${workerId})`;
    // An item from a hazard in her grid, and one from a hazard in another grid of a unit she can see.
    const [mine] = await queryRows<{ id: string }>(
      t.db,
      sql`select ri.id from rectification_items ri join hazards h on h.tenant_id = ri.tenant_id and h.id = ri.source_id
        where ri.source_kind = 'hazard' and ${inMyGrids} limit 1`,
    );
    // She is posted to every grid of her village, so one of its items is moved to a new grid she is not posted to.
    const [other] = await queryRows<{ id: string }>(
      t.db,
      sql`select ri.id from rectification_items ri join hazards h on h.tenant_id = ri.tenant_id and h.id = ri.source_id
        where ri.source_kind = 'hazard' and ${inMyGrids} and ri.id <> ${mine.id}
        limit 1`,
    );
    const [grid] = await queryRows<{ id: string }>(
      t.db,
      sql`insert into grids (tenant_id, org_id, name, code)
        select tenant_id, org_id, '测试他网格', 'TEST-OTHER-GRID' from grids where id = (select grid_id from grid_staff where user_id = ${workerId} limit 1)
        returning id`,
    );
    const [admin] = await queryRows<{ id: string }>(t.db, sql`select id from users where username = 'admin'`);
    await queryRows(t.db, sql`update hazards set grid_id = ${grid.id}, reported_by = ${admin.id} where id = (select source_id from rectification_items where id = ${other.id})`);
    await queryRows(t.db, sql`update rectification_items set created_by = ${admin.id}, responsible_user_id = null where id = ${other.id}`);
    expect(mine, 'demo has an item from a hazard in her grid').toBeDefined();
    expect(other, 'demo has a second item in her grids, opened by someone else').toBeDefined();
    mineId = mine.id;
    otherId = other.id;
  });
  afterAll(async () => t.close());

  it('lists only items from her grids (or hers), opens hers, and gets 404 for another grid’s item, to read or to act', async () => {
    const list = await t.request({ method: 'GET', url: '/api/rectification/items?pageSize=200', cookie: worker });
    expect(list.statusCode).toBe(200);
    const ids: string[] = list.json().items.map((i: { id: string }) => i.id);
    expect(list.json().total).toBeGreaterThan(0);
    expect(ids).not.toContain(otherId);
    // Every listed item is within the rule, checked against the database.
    const outside = await queryRows<{ id: string }>(
      t.db,
      sql`select ri.id from rectification_items ri left join hazards h on h.tenant_id = ri.tenant_id and h.id = ri.source_id and ri.source_kind = 'hazard'
        where ri.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})
          and ri.responsible_user_id is distinct from ${workerId} and ri.created_by is distinct from ${workerId}
          and not coalesce(h.grid_id in (select grid_id from grid_staff where user_id = ${workerId}) or h.reported_by = ${workerId}, false)`,
    );
    expect(outside).toEqual([]);
    expect((await t.request({ method: 'GET', url: `/api/rectification/items/${mineId}`, cookie: worker })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `/api/rectification/items/${otherId}`, cookie: worker })).statusCode).toBe(404);
    const act = await t.request({ method: 'POST', url: `/api/rectification/items/${otherId}/extension`, cookie: worker, payload: { deadline: '2099-01-01', reason: '越权测试' } });
    expect(act.statusCode).toBe(404);
    // The street sees both.
    expect((await t.request({ method: 'GET', url: `/api/rectification/items/${otherId}`, cookie: secretary })).statusCode).toBe(200);
  });
});
