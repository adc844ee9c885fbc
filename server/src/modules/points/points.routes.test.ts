import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.js';
import { shanghaiDate } from '../../platform/time.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

const DAY = 86400000;
/** Noon (Shanghai) n days ago, as an ISO string. */
const daysAgo = (n: number) => new Date(`${shanghaiDate(new Date(Date.now() - n * DAY))}T12:00:00+08:00`).toISOString();

describe('points: claims, approvals, ledger, rules, rankings', () => {
  let t: TestApp;
  let member: string;
  let secretary: string;
  let admin: string;
  let homes: string[];
  let farHome: string;

  const claim = (body: Record<string, unknown>, cookie = member) => t.request({ method: 'POST', url: '/api/points/claims', cookie, payload: body });
  const entriesFor = (claimId: string) =>
    queryRows<{ n: number; s: number }>(t.db, sql`select count(*)::int as n, coalesce(sum(points), 0)::int as s from point_entries where source_id = ${claimId} and source_kind = 'claim'`);

  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    [member, secretary, admin] = await Promise.all([t.login('dangyuan'), t.login('shuji'), t.login('admin')]);
    const mine = await t.request({ method: 'GET', url: '/api/households?pageSize=40', cookie: member });
    expect(mine.statusCode).toBe(200);
    homes = mine.json().items.map((h: { id: string }) => h.id);
    expect(mine.json().items.every((h: { orgName: string }) => h.orgName === '石寨村党总支')).toBe(true);
    const far = await t.request({ method: 'GET', url: `/api/households?q=${encodeURIComponent('铁龙')}&pageSize=1`, cookie: admin });
    farHome = far.json().items[0].id;
  });
  afterAll(async () => t.close());

  it('a member logs a visit; a duplicate, a future one and one outside their reach are refused', async () => {
    const ok = await claim({ category: 'visit', occurredAt: daysAgo(1), householdId: homes[0], summary: '入户走访，了解用电安全', beneficiaryCount: 3 });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ state: 'pending', points: 2, category: 'visit', memberName: '张荣耀' });
    const dup = await claim({ category: 'visit', occurredAt: daysAgo(1), householdId: homes[0], summary: '再次申报' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('CONFLICT');
    const future = await claim({ category: 'visit', occurredAt: new Date(Date.now() + 2 * DAY).toISOString(), householdId: homes[1], summary: '未来' });
    expect(future.statusCode).toBe(400);
    expect(future.json().details[0].path).toBe('occurredAt');
    const far = await claim({ category: 'visit', occurredAt: daysAgo(1), householdId: farHome, summary: '越界' });
    expect(far.statusCode).toBe(404);
    const noHome = await claim({ category: 'visit', occurredAt: daysAgo(1), summary: '没有住户' });
    expect(noHome.statusCode).toBe(400);
  });

  it('only members claim; a member cannot approve; a resident sees nothing', async () => {
    expect((await claim({ category: 'dispute', occurredAt: daysAgo(1), summary: 'x' }, secretary)).statusCode).toBe(403);
    const jumin = await t.login('jumin');
    expect((await t.request({ method: 'GET', url: '/api/points/claims', cookie: jumin })).statusCode).toBe(403);
    const c = await claim({ category: 'visit', occurredAt: daysAgo(2), householdId: homes[2], summary: '走访' });
    expect((await t.request({ method: 'POST', url: `/api/points/claims/${c.json().id}/approve`, cookie: member, payload: {} })).statusCode).toBe(403);
  });

  it('two secretaries approving the same claim at once post it once', async () => {
    const c = await claim({ category: 'visit', occurredAt: daysAgo(3), householdId: homes[3], summary: '走访独居老人' });
    const id = c.json().id;
    const [a, b] = await Promise.all([
      t.request({ method: 'POST', url: `/api/points/claims/${id}/approve`, cookie: secretary, payload: {} }),
      t.request({ method: 'POST', url: `/api/points/claims/${id}/approve`, cookie: admin, payload: {} }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [e] = await entriesFor(id);
    expect(e).toEqual({ n: 1, s: 2 });
    const again = await t.request({ method: 'POST', url: `/api/points/claims/${id}/approve`, cookie: secretary, payload: {} });
    expect(again.statusCode).toBe(409);
  });

  it('a rejection needs a reason, and the member sees it', async () => {
    const c = await claim({ category: 'visit', occurredAt: daysAgo(4), householdId: homes[4], summary: '走访' });
    const id = c.json().id;
    expect((await t.request({ method: 'POST', url: `/api/points/claims/${id}/reject`, cookie: secretary, payload: {} })).statusCode).toBe(400);
    const r = await t.request({ method: 'POST', url: `/api/points/claims/${id}/reject`, cookie: secretary, payload: { reason: '缺少现场照片' } });
    expect(r.statusCode).toBe(200);
    const seen = await t.request({ method: 'GET', url: `/api/points/claims/${id}`, cookie: member });
    expect(seen.json()).toMatchObject({ state: 'rejected', decisionReason: '缺少现场照片' });
    expect((await entriesFor(id))[0].n).toBe(0);
  });

  it('the queue is scoped: another village secretary cannot see or approve 石寨村 claims', async () => {
    const q = await t.request({ method: 'GET', url: '/api/points/claims?state=pending&pageSize=200', cookie: secretary });
    expect(q.statusCode).toBe(200);
    expect(q.json().items.length).toBeGreaterThan(0);
    expect(q.json().items.every((c: { orgName: string }) => c.orgName.startsWith('石寨村'))).toBe(true);
    const danwei = await t.login('danwei');
    const id = q.json().items[0].id;
    expect((await t.request({ method: 'GET', url: `/api/points/claims/${id}`, cookie: danwei })).statusCode).toBe(403);
  });

  it('bulk approval decides every pending claim in one statement and posts each once', async () => {
    const q = await t.request({ method: 'GET', url: '/api/points/claims?state=pending&pageSize=200', cookie: secretary });
    const ids: string[] = q.json().items.map((c: { id: string }) => c.id);
    const before = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from point_entries`);
    const r = await t.request({ method: 'POST', url: '/api/points/claims/decide', cookie: secretary, payload: { ids: [...ids, ids[0]], decision: 'approve' } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ decided: ids.length, posted: ids.length, skipped: [] });
    const after = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from point_entries`);
    expect(after[0].n - before[0].n).toBe(ids.length);
    const again = await t.request({ method: 'POST', url: '/api/points/claims/decide', cookie: secretary, payload: { ids, decision: 'approve' } });
    expect(again.json()).toMatchObject({ decided: 0, posted: 0 });
  });

  it('a mistake is fixed by a reversing entry, once; the original stays', async () => {
    const c = await claim({ category: 'visit', occurredAt: daysAgo(5), householdId: homes[5], summary: '走访' });
    await t.request({ method: 'POST', url: `/api/points/claims/${c.json().id}/approve`, cookie: secretary, payload: {} });
    const [entry] = await queryRows<{ id: string; points: number }>(t.db, sql`select id, points from point_entries where source_id = ${c.json().id}`);
    const r = await t.request({ method: 'POST', url: `/api/points/entries/${entry.id}/reverse`, cookie: secretary, payload: { reason: '重复走访同一户' } });
    expect(r.statusCode).toBe(201);
    expect(r.json().points).toBe(-entry.points);
    expect((await t.request({ method: 'POST', url: `/api/points/entries/${entry.id}/reverse`, cookie: secretary, payload: { reason: '再次' } })).statusCode).toBe(409);
    const [orig] = await queryRows<{ points: number }>(t.db, sql`select points from point_entries where id = ${entry.id}`);
    expect(orig.points).toBe(entry.points);
    expect((await t.request({ method: 'GET', url: `/api/points/claims/${c.json().id}`, cookie: member })).json().state).toBe('reversed');
  });

  it('caps per day refuse claims beyond them (pending claims count)', async () => {
    const rule = await t.request({
      method: 'POST',
      url: '/api/points/rules',
      cookie: admin,
      payload: { category: 'dispute', effectiveFrom: shanghaiDate(new Date(Date.now() - 30 * DAY)), pointsPerItem: 5, capPerDay: 5, capPerMonth: 100, capPerYear: 1000 },
    });
    expect(rule.statusCode).toBe(201);
    expect((await t.request({ method: 'POST', url: '/api/points/rules', cookie: secretary, payload: { category: 'dispute', effectiveFrom: '2020-01-01', pointsPerItem: 1 } })).statusCode).toBe(403);
    const first = await claim({ category: 'dispute', occurredAt: daysAgo(6), summary: '邻里纠纷调解', details: { parties: '甲、乙', outcome: '和解' } });
    expect(first.statusCode).toBe(201);
    const second = await claim({ category: 'dispute', occurredAt: daysAgo(6), summary: '另一起纠纷' });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'INVALID_STATE', details: { cap: 'day', limit: 5 } });
  });

  it('a rule requiring evidence refuses claims without photos or with files that are not images', async () => {
    await t.request({ method: 'POST', url: '/api/points/rules', cookie: admin, payload: { category: 'difficulty', effectiveFrom: shanghaiDate(new Date(Date.now() - 30 * DAY)), pointsPerItem: 6, evidenceRequired: true } });
    const none = await claim({ category: 'difficulty', occurredAt: daysAgo(1), summary: '解决取暖' });
    expect(none.statusCode).toBe(400);
    expect(none.json().details[0].path).toBe('photoFileIds');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    const boundary = 'gjboundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await t.request({ method: 'POST', url: '/api/files', cookie: member, payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(up.statusCode).toBe(201);
    const notImage = await claim({ category: 'difficulty', occurredAt: daysAgo(1), summary: '解决取暖', photoFileIds: [up.json().id] });
    expect(notImage.statusCode).toBe(400);
    expect(notImage.json().message).toContain('图片');
  });

  it('a claim is scored under the rule in force on the day of the work', async () => {
    const today = shanghaiDate();
    const v = await t.request({ method: 'POST', url: '/api/points/rules', cookie: admin, payload: { category: 'pairing', effectiveFrom: today, pointsPerItem: 7, capPerDay: 30 } });
    expect(v.statusCode).toBe(201);
    const old = await claim({ category: 'pairing', occurredAt: daysAgo(2), householdId: homes[10], summary: '送米面油' });
    expect(old.json().points).toBe(3);
    const now = await claim({ category: 'pairing', occurredAt: new Date().toISOString(), householdId: homes[10], summary: '陪同就医' });
    expect(now.statusCode).toBe(201);
    expect(now.json().points).toBe(7);
    expect(now.json().pairingId).toBe(old.json().pairingId);
    const detail = await t.request({ method: 'GET', url: `/api/households/${homes[10]}`, cookie: member });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().pairings.some((p: { helps: unknown[] }) => p.helps.length >= 2)).toBe(true);
  });

  it("rankings and a member's own standing are sums of the ledger", async () => {
    const from = '2018-01-01';
    const to = '2018-12-31';
    const me = await t.request({ method: 'GET', url: `/api/points/me?from=${from}&to=${to}`, cookie: member });
    expect(me.statusCode).toBe(200);
    const [sum] = await queryRows<{ s: number }>(
      t.db,
      sql`select coalesce(sum(e.points), 0)::int as s from point_entries e join users u on u.member_id = e.member_id where u.username = 'dangyuan' and e.occurred_on between ${from} and ${to}`,
    );
    expect(me.json().total).toBe(sum.s);
    expect(me.json().rankInStreet).toBeGreaterThan(0);
    const r = await t.request({ method: 'GET', url: `/api/points/rankings?from=${from}&to=${to}&level=branch&pageSize=200`, cookie: admin });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    const [street] = await queryRows<{ s: number }>(t.db, sql`select sum(points)::int as s from point_entries where occurred_on between ${from} and ${to}`);
    expect(body.summary.points).toBe(street.s);
    expect(body.items.reduce((a: number, b: { total: number }) => a + b.total, 0)).toBe(street.s);
    const perMember = body.items.map((i: { perMember: number }) => i.perMember);
    expect([...perMember].sort((a, b) => b - a)).toEqual(perMember);
    const units = await t.request({ method: 'GET', url: `/api/points/rankings?from=${from}&to=${to}&level=unit`, cookie: admin });
    expect(units.json().items[0].members).toBeGreaterThan(0);
  });

  it('exports the ledger, rankings and claims as .xlsx', async () => {
    for (const url of ['/api/points/export/ledger.xlsx?from=2018-11-01&to=2018-11-30', '/api/points/export/rankings.xlsx?from=2018-01-01&to=2018-12-31&level=branch', '/api/points/export/claims.xlsx?from=2018-11-01&to=2018-11-30']) {
      const res = await t.request({ method: 'GET', url, cookie: secretary });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.rawPayload.readUInt32LE(0)).toBe(0x04034b50);
    }
    expect((await t.request({ method: 'GET', url: '/api/points/export/ledger.xlsx', cookie: member })).statusCode).toBe(403);
  });
});
