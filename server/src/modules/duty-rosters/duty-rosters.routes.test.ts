import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

const HOUR = 3600000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

describe('duty rosters: publish, sign up, assign, check in and out, points', () => {
  let t: TestApp;
  let admin: string;
  let secretary: string;
  let member: string;
  let auditor: string;
  let shizhai: string;
  let tielong: string;
  /** Another active member of 石寨村 (not 张荣耀), for assignment. */
  let neighbour: string;

  const publish = (body: Record<string, unknown>, cookie = secretary) => t.request({ method: 'POST', url: '/api/duty-rosters', cookie, payload: body });
  const shift = (over: Record<string, unknown> = {}) => ({ orgId: shizhai, title: '党员轮岗值班', place: '石寨村党群服务中心', startsAt: at(-0.25 * HOUR), endsAt: at(3 * HOUR), slots: 2, ...over });
  const entriesOf = (assignmentId: string) =>
    queryRows<{ n: number; s: number }>(t.db, sql`select count(*)::int as n, coalesce(sum(points), 0)::int as s from point_entries where source_kind = 'duty_assignment' and source_id = ${assignmentId}`);

  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    [admin, secretary, member, auditor] = await Promise.all([t.login('admin'), t.login('shuji'), t.login('dangyuan'), t.login('jijian')]);
    const orgs = await queryRows<{ id: string; name: string }>(t.db, sql`select id, name from org_units where name in ('石寨村党总支', '铁龙社区党总支')`);
    shizhai = orgs.find((o) => o.name === '石寨村党总支')?.id ?? '';
    tielong = orgs.find((o) => o.name === '铁龙社区党总支')?.id ?? '';
    const [n] = await queryRows<{ id: string }>(
      t.db,
      sql`select m.id from members m join org_units o on o.tenant_id = m.tenant_id and o.id = m.org_id
        where o.path like (select path from org_units where id = ${shizhai}) || '%' and m.state = 'active'
          and m.id not in (select member_id from users where member_id is not null) order by m.name limit 1`,
    );
    neighbour = n.id;
  });
  afterAll(async () => t.close());

  it('the street and a secretary publish shifts in their scope; members and auditors cannot publish', async () => {
    const own = await publish(shift());
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ orgName: '石寨村党总支', slots: 2, taken: 0, state: 'open' });
    expect((await publish(shift({ orgId: tielong }))).statusCode).toBe(404);
    expect((await publish(shift({ orgId: tielong }), admin)).statusCode).toBe(201);
    expect((await publish(shift(), member)).statusCode).toBe(403);
    expect((await publish(shift(), auditor)).statusCode).toBe(403);
    const bad = await publish(shift({ endsAt: at(-HOUR) }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('endsAt');
  });

  it('a member sees the shifts of their village and the street, not another community', async () => {
    const other = await publish(shift({ orgId: tielong, title: '铁龙社区值班' }), admin);
    expect((await t.request({ method: 'GET', url: `/api/duty-rosters/${other.json().id}`, cookie: member })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: `/api/duty-rosters/${other.json().id}/signup`, cookie: member })).statusCode).toBe(404);
    const list = await t.request({ method: 'GET', url: '/api/duty-rosters?pageSize=200', cookie: member });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.some((s: { id: string }) => s.id === other.json().id)).toBe(false);
  });

  it('sign-up takes a slot once; a full shift refuses more; an ended shift refuses sign-up', async () => {
    const s = (await publish(shift({ slots: 1 }))).json();
    const first = await t.request({ method: 'POST', url: `/api/duty-rosters/${s.id}/signup`, cookie: member });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ taken: 1 });
    expect(first.json().assignments[0]).toMatchObject({ memberName: '张荣耀', source: 'signup', state: 'signed_up' });
    const twice = await t.request({ method: 'POST', url: `/api/duty-rosters/${s.id}/signup`, cookie: member });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('CONFLICT');
    const full = await t.request({ method: 'POST', url: `/api/duty-rosters/${s.id}/assign`, cookie: secretary, payload: { memberId: neighbour } });
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ code: 'INVALID_STATE', message: '该值班名额已满' });
    const past = (await publish(shift({ startsAt: at(-5 * HOUR), endsAt: at(-2 * HOUR) }))).json();
    const late = await t.request({ method: 'POST', url: `/api/duty-rosters/${past.id}/signup`, cookie: member });
    expect(late.statusCode).toBe(409);
  });

  it('the secretary assigns a member; only members of the publishing unit can be assigned', async () => {
    const s = (await publish(shift())).json();
    const r = await t.request({ method: 'POST', url: `/api/duty-rosters/${s.id}/assign`, cookie: secretary, payload: { memberId: neighbour } });
    expect(r.statusCode).toBe(200);
    expect(r.json().assignments).toEqual([expect.objectContaining({ memberId: neighbour, source: 'assigned', state: 'signed_up' })]);
    const [outsider] = await queryRows<{ id: string }>(
      t.db,
      sql`select m.id from members m join org_units o on o.tenant_id = m.tenant_id and o.id = m.org_id where o.path like (select path from org_units where id = ${tielong}) || '%' limit 1`,
    );
    const out = await t.request({ method: 'POST', url: `/api/duty-rosters/${s.id}/assign`, cookie: secretary, payload: { memberId: outsider.id } });
    expect(out.statusCode).toBe(400);
    expect(out.json().details[0].path).toBe('memberId');
  });

  it('check-in then check-out completes the shift and posts its points once, without a claim', async () => {
    const s = (await publish(shift())).json();
    const signed = await t.request({ method: 'POST', url: `/api/duty-rosters/${s.id}/signup`, cookie: member });
    const assignmentId: string = signed.json().assignments[0].id;
    const early = await t.request({ method: 'POST', url: `/api/duty-rosters/assignments/${assignmentId}/check-out`, cookie: member });
    expect(early.statusCode).toBe(409);
    const inn = await t.request({ method: 'POST', url: `/api/duty-rosters/assignments/${assignmentId}/check-in`, cookie: member });
    expect(inn.statusCode).toBe(200);
    expect(inn.json().state).toBe('checked_in');
    const out = await t.request({ method: 'POST', url: `/api/duty-rosters/assignments/${assignmentId}/check-out`, cookie: member });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toMatchObject({ state: 'completed', points: 3 });
    expect((await entriesOf(assignmentId))[0]).toEqual({ n: 1, s: 3 });
    const again = await t.request({ method: 'POST', url: `/api/duty-rosters/assignments/${assignmentId}/check-out`, cookie: member });
    expect(again.statusCode).toBe(409);
    expect((await entriesOf(assignmentId))[0]).toEqual({ n: 1, s: 3 });
    const [claims] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from work_claims where category = 'duty'`);
    expect(claims.n).toBe(0);
    const mine = await t.request({ method: 'GET', url: '/api/duty-rosters/mine', cookie: member });
    expect(mine.json().items.find((a: { id: string }) => a.id === assignmentId)).toMatchObject({ state: 'completed', shift: { id: s.id } });
  });

  it('check-in is refused before the window opens, and nobody checks in for someone else', async () => {
    const later = (await publish(shift({ startsAt: at(5 * HOUR), endsAt: at(8 * HOUR) }))).json();
    const signed = await t.request({ method: 'POST', url: `/api/duty-rosters/${later.id}/signup`, cookie: member });
    const id: string = signed.json().assignments[0].id;
    const tooEarly = await t.request({ method: 'POST', url: `/api/duty-rosters/assignments/${id}/check-in`, cookie: member });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().message).toContain('签到时间');
    const s = (await publish(shift())).json();
    const assigned = await t.request({ method: 'POST', url: `/api/duty-rosters/${s.id}/assign`, cookie: secretary, payload: { memberId: neighbour } });
    const theirs: string = assigned.json().assignments[0].id;
    expect((await t.request({ method: 'POST', url: `/api/duty-rosters/assignments/${theirs}/check-in`, cookie: member })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: `/api/duty-rosters/assignments/${theirs}/check-in`, cookie: secretary })).statusCode).toBe(403);
  });

  it('check-out after the shift ended counts only up to its end', async () => {
    const s = (await publish(shift())).json();
    const signed = await t.request({ method: 'POST', url: `/api/duty-rosters/${s.id}/signup`, cookie: member });
    const id: string = signed.json().assignments[0].id;
    await t.request({ method: 'POST', url: `/api/duty-rosters/assignments/${id}/check-in`, cookie: member });
    const ended = new Date(Date.now() - HOUR);
    await t.db.execute(sql`update duty_shifts set starts_at = ${new Date(ended.getTime() - 3 * HOUR).toISOString()}::timestamptz, ends_at = ${ended.toISOString()}::timestamptz where id = ${s.id}`);
    const out = await t.request({ method: 'POST', url: `/api/duty-rosters/assignments/${id}/check-out`, cookie: member });
    expect(out.statusCode).toBe(200);
    const [a] = await queryRows<{ out: string }>(t.db, sql`select check_out_at::text as out from duty_assignments where id = ${id}`);
    expect(new Date(a.out).getTime()).toBe(ended.getTime());
  });
});
