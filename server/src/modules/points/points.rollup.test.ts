import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.js';
import { shanghaiDate } from '../../platform/time.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { splitPeriod } from './points.rankings.js';

const DAY = 86400000;
/** Noon (Shanghai) n days ago, as an ISO string. */
const daysAgo = (n: number) => new Date(`${shanghaiDate(new Date(Date.now() - n * DAY))}T12:00:00+08:00`).toISOString();

describe('splitPeriod: whole years, quarters and months from the rollup, edge days from the ledger', () => {
  it('reads a quarter, a month or a year as one range of its span', () => {
    expect(splitPeriod('2018-07-01', '2018-09-30')).toEqual({ rollup: [{ span: 3, from: '2018-07-01', to: '2018-10-01' }], days: [] });
    expect(splitPeriod('2020-02-01', '2020-02-29')).toEqual({ rollup: [{ span: 1, from: '2020-02-01', to: '2020-03-01' }], days: [] });
    expect(splitPeriod('2018-01-01', '2018-12-31')).toEqual({ rollup: [{ span: 12, from: '2018-01-01', to: '2019-01-01' }], days: [] });
    expect(splitPeriod('2017-01-01', '2018-12-31')).toEqual({ rollup: [{ span: 12, from: '2017-01-01', to: '2019-01-01' }], days: [] });
  });

  it('splits a long period into the fewest spans, and keeps the partial months for the ledger', () => {
    expect(splitPeriod('2018-02-01', '2019-12-31')).toEqual({
      rollup: [
        { span: 1, from: '2018-02-01', to: '2018-04-01' },
        { span: 3, from: '2018-04-01', to: '2019-01-01' },
        { span: 12, from: '2019-01-01', to: '2020-01-01' },
      ],
      days: [],
    });
    expect(splitPeriod('2018-03-17', '2019-05-09')).toEqual({
      rollup: [
        { span: 3, from: '2018-04-01', to: '2019-04-01' },
        { span: 1, from: '2019-04-01', to: '2019-05-01' },
      ],
      days: [
        { from: '2018-03-17', to: '2018-03-31' },
        { from: '2019-05-01', to: '2019-05-09' },
      ],
    });
    expect(splitPeriod('2018-07-15', '2018-09-10')).toEqual({
      rollup: [{ span: 1, from: '2018-08-01', to: '2018-09-01' }],
      days: [
        { from: '2018-07-15', to: '2018-07-31' },
        { from: '2018-09-01', to: '2018-09-10' },
      ],
    });
    expect(splitPeriod('2018-12-15', '2019-01-31')).toEqual({ rollup: [{ span: 1, from: '2019-01-01', to: '2019-02-01' }], days: [{ from: '2018-12-15', to: '2018-12-31' }] });
  });

  it('sends short, reversed and impossible periods to the ledger whole', () => {
    expect(splitPeriod('2018-07-15', '2018-08-20')).toEqual({ rollup: [], days: [{ from: '2018-07-15', to: '2018-08-20' }] });
    expect(splitPeriod('2018-09-01', '2018-07-31')).toEqual({ rollup: [], days: [{ from: '2018-09-01', to: '2018-07-31' }] });
    expect(splitPeriod('2018-02-30', '2018-03-31')).toEqual({ rollup: [], days: [{ from: '2018-02-30', to: '2018-03-31' }] });
  });
});

describe('point_totals (积分汇总) follows the ledger', () => {
  let t: TestApp;
  let member: string;
  let secretary: string;
  let admin: string;
  let homes: string[];

  const cats = ['visit', 'pairing', 'dispute', 'difficulty', 'duty', 'volunteer'];
  /** Rows where the rollup and a direct group-by of point_entries disagree, for any span and column (none when consistent). */
  const mismatches = () =>
    queryRows<{ tenant_id: number; member_id: string; span: number; start: string }>(
      t.db,
      sql`with direct as (
          select tenant_id, s.span, (case s.span when 1 then date_trunc('month', occurred_on) when 3 then date_trunc('quarter', occurred_on) else date_trunc('year', occurred_on) end)::date as start,
            org_id, member_id, sum(points)::int as points, count(*)::int as entries,
            ${sql.raw(cats.map((c) => `coalesce(sum(points) filter (where category = '${c}'), 0)::int as ${c}`).join(', '))}
          from point_entries cross join (values (1), (3), (12)) s(span) group by 1, 2, 3, 4, 5)
        select coalesce(d.tenant_id, r.tenant_id) as tenant_id, coalesce(d.member_id, r.member_id) as member_id,
          coalesce(d.span, r.span) as span, coalesce(d.start, r.start)::text as start
        from direct d full join point_totals r
          on r.tenant_id = d.tenant_id and r.span = d.span and r.start = d.start and r.org_id = d.org_id and r.member_id = d.member_id
        where d.points is distinct from r.points or d.entries is distinct from r.entries
          ${sql.raw(cats.map((c) => `or d.${c} is distinct from r.${c}`).join(' '))}`,
    );
  /** A member's rollup for a month: the category's points and the month's entry count. */
  const rollupOf = async (memberId: string, month: string, category: 'visit') => {
    const [r] = await queryRows<{ points: number; entries: number }>(
      t.db,
      sql`select coalesce(sum(${sql.raw(category)}), 0)::int as points, coalesce(sum(entries), 0)::int as entries from point_totals
        where member_id = ${memberId} and span = 1 and start = ${month}`,
    );
    return { points: Number(r.points), entries: Number(r.entries) };
  };
  const claim = (body: Record<string, unknown>) => t.request({ method: 'POST', url: '/api/points/claims', cookie: member, payload: body });

  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    [member, secretary, admin] = await Promise.all([t.login('dangyuan'), t.login('shuji'), t.login('admin')]);
    const mine = await t.request({ method: 'GET', url: '/api/households?pageSize=40', cookie: member });
    homes = mine.json().items.map((h: { id: string }) => h.id);
  });
  afterAll(async () => t.close());

  it('after the demo seed the rollup equals a group-by of point_entries', async () => {
    const [n] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from point_totals`);
    expect(Number(n.n)).toBeGreaterThan(0);
    expect(await mismatches()).toEqual([]);
  });

  // Partial months at both ends with quarters between; months then quarters; months, a whole year, months.
  it.each([
    ['2018-03-17', '2018-10-09'],
    ['2018-02-01', '2018-12-31'],
    ['2017-12-01', '2019-01-31'],
  ])('member rankings for %s..%s equal a direct sum over point_entries', async (from, to) => {
    const parts = splitPeriod(from, to);
    expect(parts.rollup.length + parts.days.length).toBeGreaterThan(1);
    const direct = await queryRows<{ member_id: string; total: number; categories: number }>(
      t.db,
      sql`select member_id, sum(cat_total)::int as total, count(*) filter (where cat_total > 0)::int as categories
        from (select member_id, category, sum(points) as cat_total from point_entries where occurred_on between ${from} and ${to} group by 1, 2) x
        group by 1`,
    );
    expect(direct.length).toBeGreaterThan(0);
    const byMember = new Map(direct.map((d) => [d.member_id, { total: Number(d.total), categories: Number(d.categories) }]));
    const r = await t.request({ method: 'GET', url: `/api/points/rankings?from=${from}&to=${to}&level=member&pageSize=200`, cookie: admin });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items as { id: string; total: number; categories: number }[]) {
      expect({ id: item.id, total: item.total, categories: item.categories }).toEqual({ id: item.id, ...(byMember.get(item.id) ?? { total: 0, categories: 0 }) });
    }
    const [street] = await queryRows<{ s: number }>(t.db, sql`select coalesce(sum(points), 0)::int as s from point_entries where occurred_on between ${from} and ${to}`);
    expect(body.summary.points).toBe(Number(street.s));
    // 六个一 completion counts everyone with entries in all six categories, as the branch ranking does.
    const six = direct.filter((d) => Number(d.categories) === 6).length;
    expect(six).toBeGreaterThan(0);
    expect(body.summary.completedAllSix).toBe(six);
    const branches = await t.request({ method: 'GET', url: `/api/points/rankings?from=${from}&to=${to}&level=branch&pageSize=200`, cookie: admin });
    expect(branches.json().items.reduce((a: number, b: { total: number }) => a + b.total, 0)).toBe(Number(street.s));
  });

  it('member ranking pages follow one order: together they are the whole ranking, each member once, ranks by total', async () => {
    const period = 'from=2018-07-01&to=2018-09-30';
    const all = (await t.request({ method: 'GET', url: `/api/points/rankings?${period}&level=member&pageSize=200`, cookie: admin })).json();
    const [active] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from members where state = 'active' and tenant_id = (select tenant_id from users where username = 'admin')`,
    );
    expect(all.total).toBe(Number(active.n));
    expect(all.summary.members).toBe(Number(active.n));
    const pages: { id: string; rank: number; total: number }[] = [];
    for (let page = 1; pages.length < all.items.length; page++) {
      const r = await t.request({ method: 'GET', url: `/api/points/rankings?${period}&level=member&pageSize=7&page=${page}`, cookie: admin });
      expect(r.json().total).toBe(all.total);
      pages.push(...r.json().items);
    }
    const paged = pages.slice(0, all.items.length);
    expect(all.items.length).toBeGreaterThan(20);
    expect(paged.map((x) => x.id)).toEqual(all.items.map((x: { id: string }) => x.id));
    expect(new Set(paged.map((x) => x.id)).size).toBe(paged.length);
    // Some page opens inside a run of equal totals, so a rank there comes from before the page.
    expect(paged.some((x, i) => i % 7 === 0 && i > 0 && x.total === paged[i - 1].total)).toBe(true);
    // Competition ranking: a member's rank is one more than the number of members with a higher total.
    for (const [i, x] of paged.entries()) {
      expect(x.rank).toBe(paged.findIndex((y) => y.total === x.total) + 1);
      if (i > 0) expect(x.total).toBeLessThanOrEqual(paged[i - 1].total);
    }
  });

  it('a unit below the street (its subtree only) gets the same totals, and a page past the end keeps the summary', async () => {
    const from = '2018-04-09';
    const to = '2018-11-23';
    const [unit] = await queryRows<{ id: string; path: string }>(
      t.db,
      sql`select o.id, o.path from org_units o where o.depth = 1 and exists (select 1 from point_entries e join org_units b on b.id = e.org_id where b.path like o.path || '%')
        order by o.path limit 1`,
    );
    const direct = await queryRows<{ member_id: string; total: number; categories: number }>(
      t.db,
      sql`select member_id, sum(cat_total)::int as total, count(*) filter (where cat_total > 0)::int as categories
        from (select e.member_id, e.category, sum(e.points) as cat_total from point_entries e join org_units o on o.id = e.org_id
          where e.occurred_on between ${from} and ${to} and o.path like ${unit.path + '%'} group by 1, 2) x
        group by 1`,
    );
    const byMember = new Map(direct.map((d) => [d.member_id, { total: Number(d.total), categories: Number(d.categories) }]));
    const url = `/api/points/rankings?from=${from}&to=${to}&level=member&orgId=${unit.id}&pageSize=200`;
    const r = await t.request({ method: 'GET', url, cookie: admin });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.items.some((i: { total: number }) => i.total !== 0)).toBe(true);
    for (const item of body.items as { id: string; total: number; categories: number }[]) {
      expect({ id: item.id, total: item.total, categories: item.categories }).toEqual({ id: item.id, ...(byMember.get(item.id) ?? { total: 0, categories: 0 }) });
    }
    expect(body.summary.points).toBe(direct.reduce((a, d) => a + Number(d.total), 0));
    const past = await t.request({ method: 'GET', url: `${url}&page=99`, cookie: admin });
    expect(past.json().items).toEqual([]);
    expect(past.json().summary).toEqual(body.summary);
  });

  it("a member's rank in the street for a custom period matches a rank computed from the ledger", async () => {
    const from = '2018-02-11';
    const to = '2018-11-20';
    const me = await t.request({ method: 'GET', url: `/api/points/me?from=${from}&to=${to}`, cookie: member });
    expect(me.statusCode).toBe(200);
    const [row] = await queryRows<{ rank: number }>(
      t.db,
      sql`with totals as (select member_id, sum(points) as total from point_entries where occurred_on between ${from} and ${to} group by 1),
        street as (select m.id, rank() over (order by coalesce(totals.total, 0) desc)::int as rank
          from members m join org_units o on o.tenant_id = m.tenant_id and o.id = m.org_id left join totals on totals.member_id = m.id
          where m.state = 'active' and m.tenant_id = (select tenant_id from users where username = 'dangyuan')
            and o.path like (select '/' || split_part(o2.path, '/', 2) || '/%' from users u join members m2 on m2.id = u.member_id join org_units o2 on o2.id = m2.org_id where u.username = 'dangyuan'))
        select street.rank from street join users u on u.member_id = street.id where u.username = 'dangyuan'`,
    );
    expect(me.json().rankInStreet).toBe(Number(row.rank));
  });

  it('an approval raises the rollup, and a reversing entry lowers it', async () => {
    const c = await claim({ category: 'visit', occurredAt: daysAgo(2), householdId: homes[0], summary: '入户走访' });
    expect(c.statusCode).toBe(201);
    const { memberId, occurredOn } = c.json() as { memberId: string; occurredOn: string };
    const month = `${occurredOn.slice(0, 7)}-01`;
    const before = await rollupOf(memberId, month, 'visit');
    expect((await t.request({ method: 'POST', url: `/api/points/claims/${c.json().id}/approve`, cookie: secretary, payload: {} })).statusCode).toBe(200);
    const [entry] = await queryRows<{ id: string; points: number }>(t.db, sql`select id, points from point_entries where source_id = ${c.json().id}`);
    expect(await rollupOf(memberId, month, 'visit')).toEqual({ points: before.points + entry.points, entries: before.entries + 1 });
    const r = await t.request({ method: 'POST', url: `/api/points/entries/${entry.id}/reverse`, cookie: secretary, payload: { reason: '重复申报' } });
    expect(r.statusCode).toBe(201);
    // A reversal carries the original's day, branch and category, so it lands on the same rollup row.
    expect(await rollupOf(memberId, month, 'visit')).toEqual({ points: before.points, entries: before.entries + 2 });
    expect(await mismatches()).toEqual([]);
  });

  it('a bulk approval updates the rollup in one statement', async () => {
    const q = await t.request({ method: 'GET', url: '/api/points/claims?state=pending&pageSize=200', cookie: secretary });
    const ids: string[] = q.json().items.map((c: { id: string }) => c.id);
    expect(ids.length).toBeGreaterThan(1);
    const sum = async () => Number((await queryRows<{ s: number }>(t.db, sql`select coalesce(sum(points), 0)::int as s from point_totals where span = 12`))[0].s);
    const before = await sum();
    const r = await t.request({ method: 'POST', url: '/api/points/claims/decide', cookie: secretary, payload: { ids, decision: 'approve' } });
    expect(r.statusCode).toBe(200);
    expect(r.json().posted).toBe(ids.length);
    const [posted] = await queryRows<{ s: number }>(
      t.db,
      sql`select sum(points)::int as s from point_entries where source_kind = 'claim' and source_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`,
    );
    expect(await sum()).toBe(before + Number(posted.s));
    expect(await mismatches()).toEqual([]);
  });

  it('a ranking asked for again is served from the cache until the street writes, then shows the new points at once', async () => {
    const today = shanghaiDate();
    let url = '';
    const mineIn = async () => {
      const r = await t.request({ method: 'GET', url, cookie: admin });
      expect(r.statusCode).toBe(200);
      return r.json() as { items: Array<{ id: string; total: number }>; summary: { points: number } };
    };
    const c = await claim({ category: 'visit', occurredAt: daysAgo(1), householdId: homes[2], summary: '缓存后入户走访' });
    expect(c.statusCode).toBe(201);
    const { memberId, occurredOn } = c.json() as { memberId: string; occurredOn: string };
    const [{ org_id: branch }] = await queryRows<{ org_id: string }>(t.db, sql`select org_id from members where id = ${memberId}`);
    url = `/api/points/rankings?from=${today.slice(0, 4)}-01-01&to=${today}&level=member&orgId=${branch}&pageSize=200`;
    const before = await mineIn();
    // An entry written behind the application's back (no audit event, so the street's change stamp stays put):
    // the ranking asked for again is the cached one and does not count it.
    await queryRows(
      t.db,
      sql`insert into point_entries (tenant_id, member_id, org_id, category, occurred_on, points, source_kind, source_id, note)
        select m.tenant_id, m.id, m.org_id, 'visit', ${occurredOn}, 7, 'manual', gen_random_uuid(), '测试：绕过审计' from members m where m.id = ${memberId}`,
    );
    expect(await mineIn()).toEqual(before);
    // A login is audited but changes no data: the cached ranking stays.
    await t.login('shuji');
    expect(await mineIn()).toEqual(before);
    // An approval is a write: the next request recomputes, counting the approval and the entry above.
    expect((await t.request({ method: 'POST', url: `/api/points/claims/${c.json().id}/approve`, cookie: secretary, payload: {} })).statusCode).toBe(200);
    const [entry] = await queryRows<{ points: number }>(t.db, sql`select points from point_entries where source_id = ${c.json().id}`);
    const after = await mineIn();
    const total = (x: typeof before) => x.items.find((m) => m.id === memberId)?.total ?? 0;
    expect(total(after)).toBe(total(before) + Number(entry.points) + 7);
    expect(after.summary.points).toBe(before.summary.points + Number(entry.points) + 7);
  });

  it('latest-day names the newest ledger day in scope (where the rankings page opens)', async () => {
    const [street] = await queryRows<{ d: string }>(t.db, sql`select max(occurred_on)::text as d from point_entries`);
    const r = await t.request({ method: 'GET', url: '/api/points/rankings/latest-day', cookie: admin });
    expect(r.statusCode).toBe(200);
    expect(r.json().latestDay).toBe(street.d);
    const [branch] = await queryRows<{ d: string }>(
      t.db,
      sql`select max(e.occurred_on)::text as d from point_entries e join org_units o on o.id = e.org_id
        where o.path like (select o2.path || '%' from users u join org_units o2 on o2.id = u.scope_org_id where u.username = 'shuji')`,
    );
    expect((await t.request({ method: 'GET', url: '/api/points/rankings/latest-day', cookie: secretary })).json().latestDay).toBe(branch.d);
  });

  it('the ledger refuses updates and deletes, so the rollup cannot drift', async () => {
    await expect(queryRows(t.db, sql`update point_entries set points = points + 1 where id = (select id from point_entries limit 1)`)).rejects.toThrow();
    await expect(queryRows(t.db, sql`delete from point_entries where id = (select id from point_entries limit 1)`)).rejects.toThrow();
  });
});
