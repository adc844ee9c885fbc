import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.js';
import type { ActorContext } from '../../platform/request-context.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { decideClaim, decideClaims } from './points.decisions.js';
import { createRule } from './points.rules.js';
import { createClaim } from './points.service.js';

/**
 * Claims are checked against caps when filed (pending ones count), but claims filed at the same moment, or a
 * ledger that moved since, can still take a member past a cap: approval re-checks, set-based.
 */
describe('points: approvals re-check the day/month/year caps', () => {
  let t: TestApp;
  let member: ActorContext;
  let secretary: ActorContext;
  let admin: ActorContext;
  let homes: string[];
  let secretaryCookie: string;

  /** A second claim of the same member that slipped in beside `like` (as two phones submitting at once would). */
  const sibling = async (like: string, day: string, householdId: string | null, offsetSeconds: number) => {
    const [row] = await queryRows<{ id: string }>(
      t.db,
      sql`insert into work_claims (tenant_id, member_id, org_id, category, occurred_on, occurred_at, household_id, summary, rule_id, points, created_at)
        select tenant_id, member_id, org_id, category, ${day}::date, occurred_at, ${householdId}::uuid, '同时提交的申报', rule_id, points, created_at + make_interval(secs => ${offsetSeconds})
        from work_claims where id = ${like} returning id`,
    );
    return row.id;
  };
  const ledger = async (memberId: string, category: string, from: string, to: string) =>
    (
      await queryRows<{ s: number }>(
        t.db,
        sql`select coalesce(sum(points), 0)::int as s from point_entries where member_id = ${memberId} and category = ${category} and occurred_on between ${from} and ${to}`,
      )
    )[0].s;
  const stateOf = async (id: string) => (await queryRows<{ state: string }>(t.db, sql`select state from work_claims where id = ${id}`))[0].state;

  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    [member, secretary, admin] = await Promise.all([t.contextFor('dangyuan'), t.contextFor('shuji'), t.contextFor('admin')]);
    secretaryCookie = await t.login('shuji');
    const rows = await queryRows<{ id: string }>(t.db, sql`select h.id from households h join org_units o on o.id = h.org_id where o.name = '石寨村党总支' order by h.address limit 10`);
    homes = rows.map((r) => r.id);
    await createRule(admin, { category: 'difficulty', effectiveFrom: '2025-01-01', pointsPerItem: 5, capPerDay: 10, capPerMonth: 200, capPerYear: null, evidenceRequired: false, approvalRequired: true, note: null });
    await createRule(admin, { category: 'visit', effectiveFrom: '2025-01-01', pointsPerItem: 2, capPerDay: 10, capPerMonth: 4, capPerYear: null, evidenceRequired: false, approvalRequired: true, note: null });
    await createRule(admin, { category: 'dispute', effectiveFrom: '2025-01-01', pointsPerItem: 5, capPerDay: null, capPerMonth: null, capPerYear: 10, evidenceRequired: false, approvalRequired: true, note: null });
  });
  afterAll(async () => t.close());

  it('bulk approval stops at the day cap: the oldest claims are approved, the rest stay pending and are reported', async () => {
    const c1 = await createClaim(member, { category: 'difficulty', occurredAt: '2025-03-10T10:00:00+08:00', householdId: null, summary: '帮助修缮屋顶', details: {}, beneficiaryCount: 2, beneficiaryNames: [], photoFileIds: [], lat: null, lng: null });
    const c2 = await sibling(c1.id, '2025-03-10', null, 1);
    const c3 = await sibling(c1.id, '2025-03-10', null, 2);
    const r = await decideClaims(secretary, { ids: [c3, c1.id, c2], decision: 'approve' });
    expect(r).toMatchObject({ decided: 2, posted: 2, skipped: [c3], overCap: [{ id: c3, cap: 'day', limit: 10 }] });
    expect(await stateOf(c1.id)).toBe('approved');
    expect(await stateOf(c2)).toBe('approved');
    expect(await stateOf(c3)).toBe('pending');
    expect(await ledger(c1.memberId, 'difficulty', '2025-03-10', '2025-03-10')).toBe(10);

    // One by one, the same rule: a clear refusal naming the cap, and the claim can still be sent back.
    await expect(decideClaim(secretary, c3, 'approve')).rejects.toMatchObject({ code: 'INVALID_STATE', details: { cap: 'day', limit: 10 } });
    const res = await t.request({ method: 'POST', url: `/api/points/claims/${c3}/approve`, cookie: secretaryCookie, payload: {} });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('每日积分上限');
    expect((await decideClaim(secretary, c3, 'reject', '超过每日上限')).state).toBe('rejected');
    expect(await ledger(c1.memberId, 'difficulty', '2025-03-10', '2025-03-10')).toBe(10);
  });

  it('the month cap counts points already in the ledger', async () => {
    const base = { category: 'visit' as const, summary: '入户走访', details: {}, beneficiaryCount: 1, beneficiaryNames: [], photoFileIds: [], lat: null, lng: null };
    const first = await createClaim(member, { ...base, occurredAt: '2025-04-03T10:00:00+08:00', householdId: homes[0] });
    expect((await decideClaims(secretary, { ids: [first.id], decision: 'approve' })).decided).toBe(1);
    const second = await createClaim(member, { ...base, occurredAt: '2025-04-05T10:00:00+08:00', householdId: homes[1] });
    // The month is now full (2 posted + 2 pending = 4): a third is refused when filed …
    await expect(createClaim(member, { ...base, occurredAt: '2025-04-06T10:00:00+08:00', householdId: homes[2] })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    // … and one that slipped in anyway, on an earlier day, goes first and pushes the later one past the cap.
    const early = await sibling(second.id, '2025-04-04', homes[3], 5);
    const other = await createClaim(member, { ...base, occurredAt: '2025-05-02T10:00:00+08:00', householdId: homes[4] });
    const r = await decideClaims(secretary, { ids: [second.id, early, other.id], decision: 'approve' });
    expect(r.decided).toBe(2);
    expect(r.overCap).toEqual([{ id: second.id, cap: 'month', limit: 4 }]);
    expect(await stateOf(early)).toBe('approved');
    expect(await stateOf(other.id)).toBe('approved');
    expect(await ledger(first.memberId, 'visit', '2025-04-01', '2025-04-30')).toBe(4);
  });

  it('the year cap, and rejections are never held back by caps', async () => {
    const base = { category: 'dispute' as const, householdId: null, summary: '调解邻里纠纷', details: {}, beneficiaryCount: 2, beneficiaryNames: [], photoFileIds: [], lat: null, lng: null };
    const a = await createClaim(member, { ...base, occurredAt: '2025-06-01T10:00:00+08:00' });
    const b = await createClaim(member, { ...base, occurredAt: '2025-07-01T10:00:00+08:00' });
    const c = await sibling(b.id, '2025-08-01', null, 1);
    const d = await sibling(b.id, '2025-09-01', null, 2);
    const r = await decideClaims(secretary, { ids: [a.id, b.id, c, d], decision: 'approve' });
    expect(r.decided).toBe(2);
    expect(r.overCap.map((o) => o.id).sort()).toEqual([c, d].sort());
    expect(r.overCap.every((o) => o.cap === 'year' && o.limit === 10)).toBe(true);
    const rej = await decideClaims(secretary, { ids: [c, d], decision: 'reject', reason: '超过年度上限' });
    expect(rej).toMatchObject({ decided: 2, overCap: [] });
    expect(await ledger(a.memberId, 'dispute', '2025-01-01', '2025-12-31')).toBe(10);
  });
});
