import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { generateCity } from './generate.city.js';

/** Small city (2 streets at 1/100 size): the rows must be valid for the app and the same for the same seed. */
describe('city generator', () => {
  let t: TestApp;
  let result: Awaited<ReturnType<typeof generateCity>>;
  beforeAll(async () => {
    t = await createTestApp({ template: 'empty' });
    result = await generateCity(t.db, t.services, { streets: 2, seed: 7, scale: 0.01, adminPassword: 'City#2026pass' });
  });
  afterAll(async () => t?.close());

  const one = async <T>(q: ReturnType<typeof sql>) => (await queryRows<T>(t.db, q))[0];

  it('creates streets from real 郑州 division codes, each with its 党工委, villages/communities and branches', async () => {
    expect(result.streets).toHaveLength(2);
    for (const s of result.streets) {
      expect(s.code).toMatch(/^4101\d{5}$/);
      const kinds = await queryRows<{ kind: string; n: number }>(t.db, sql`select kind, count(*)::int as n from org_units where tenant_id = ${s.tenantId} group by kind`);
      const n = (k: string) => kinds.find((x) => x.kind === k)?.n ?? 0;
      expect(n('street_committee')).toBe(1);
      expect(n('village') + n('community')).toBeGreaterThanOrEqual(3);
      expect(n('branch')).toBeGreaterThanOrEqual(2 * (n('village') + n('community')));
    }
  });

  it('fills each street with the scaled counts', async () => {
    const s = result.streets[0];
    const c = await one<{ members: number; households: number; hazards: number; pending: number }>(
      sql`select (select count(*)::int from members where tenant_id = ${s.tenantId}) as members,
        (select count(*)::int from households where tenant_id = ${s.tenantId}) as households,
        (select count(*)::int from hazards where tenant_id = ${s.tenantId}) as hazards,
        (select count(*)::int from work_claims where tenant_id = ${s.tenantId} and state = 'pending') as pending`,
    );
    expect(c).toEqual({ members: 12, households: 100, hazards: 200, pending: 12 });
  });

  it('keeps every reference inside its street and the ledger consistent with the approved claims', async () => {
    const bad = await one<{ members: number; entries: number; items: number; unposted: number }>(
      sql`select
        (select count(*)::int from members m join org_units o on o.tenant_id = m.tenant_id and o.id = m.org_id where o.kind <> 'branch') as members,
        (select count(*)::int from point_entries e left join members m on m.tenant_id = e.tenant_id and m.id = e.member_id where m.id is null) as entries,
        (select count(*)::int from hazards h left join rectification_items i on i.tenant_id = h.tenant_id and i.id = h.rectification_item_id
           where h.resolution = 'deadline' and (i.id is null or i.source_id <> h.id)) as items,
        (select count(*)::int from work_claims c left join point_entries e on e.tenant_id = c.tenant_id and e.source_kind = 'claim' and e.source_id = c.id
           where c.state = 'approved' and e.id is null) as unposted`,
    );
    expect(bad).toEqual({ members: 0, entries: 0, items: 0, unposted: 0 });
  });

  it('serves the generated street through the API to its admin (ranking, hazards, overdue items)', async () => {
    const s = result.streets[0];
    const login = await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: s.adminUsername, password: 'City#2026pass' } });
    expect(login.statusCode).toBe(200);
    const setCookie = login.headers['set-cookie'];
    const cookie = (Array.isArray(setCookie) ? setCookie : [String(setCookie)]).find((c) => c.startsWith('gj_session='))?.split(';')[0] ?? '';
    const ranking = await t.request({ method: 'GET', url: '/api/points/rankings?from=2018-07-01&to=2018-09-30&level=member&pageSize=5', cookie });
    expect(ranking.statusCode).toBe(200);
    const sum = await one<{ points: number }>(
      sql`select coalesce(sum(points), 0)::int as points from point_entries where tenant_id = ${s.tenantId} and occurred_on between '2018-07-01' and '2018-09-30'`,
    );
    expect(ranking.json().summary.points).toBe(sum.points);
    const hazards = await t.request({ method: 'GET', url: '/api/hazards?pageSize=5', cookie });
    expect(hazards.statusCode).toBe(200);
    expect(hazards.json().items).toHaveLength(5);
    const overdue = await t.request({ method: 'GET', url: '/api/rectification/items?overdue=true&pageSize=1', cookie });
    expect(overdue.statusCode).toBe(200);
  });

  it('derives ids the API accepts (version-4 uuids): a generated claim opens by id', async () => {
    const s = result.streets[0];
    const bad = await one<{ n: number }>(
      sql`select count(*)::int as n from (select id from members union all select id from point_entries union all select id from hazards union all select id from work_claims) x
        where id::text !~ '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'`,
    );
    expect(bad.n).toBe(0);
    const login = await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: s.adminUsername, password: 'City#2026pass' } });
    const cookie = `gj_session=${login.cookies.find((c) => c.name === 'gj_session')?.value ?? ''}`;
    const [claim] = await queryRows<{ id: string }>(t.db, sql`select id from work_claims where tenant_id = ${s.tenantId} and state = 'pending' limit 1`);
    const res = await t.request({ method: 'GET', url: `/api/points/claims/${claim.id}`, cookie });
    expect(res.statusCode).toBe(200);
  });

  it('gives the same rows for the same seed (ids derived from the seed)', async () => {
    const s = result.streets[0];
    const digest = await one<{ d: string }>(sql`select md5(string_agg(id::text || points::text, ',' order by id)) as d from point_entries where tenant_id = ${s.tenantId}`);
    const t2 = await createTestApp({ template: 'empty' });
    try {
      const again = await generateCity(t2.db, t2.services, { streets: 1, seed: 7, scale: 0.01, adminPassword: 'City#2026pass' });
      const [d2] = await queryRows<{ d: string }>(t2.db, sql`select md5(string_agg(id::text || points::text, ',' order by id)) as d from point_entries where tenant_id = ${again.streets[0].tenantId}`);
      expect(d2.d).toBe(digest.d);
    } finally {
      await t2.close();
    }
  });
});
