import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.js';
import type { ActorContext } from '../../platform/request-context.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { cancelSignup, checkInByOrganiser, checkInByQr, checkOut, closeEvent, createEvent, getEvent, signUp } from './volunteer-events.service.js';

const HOUR = 3600000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/** The service as another member of the same branch would call it (the demo has one member login). */
function asMember(ctx: ActorContext, memberId: string): ActorContext {
  return { ...ctx, actor: { ...ctx.actor, memberId, userId: ctx.actor.userId } };
}

describe('volunteer events: waiting list, capacity, QR check-in, forgotten check-out, points', () => {
  let t: TestApp;
  let organiser: ActorContext;
  let member: ActorContext;
  let others: ActorContext[];
  let shizhai: string;

  const newEvent = (capacity: number, over: Partial<{ startsAt: string; endsAt: string }> = {}) =>
    createEvent(organiser, { orgId: shizhai, title: '清洁家园志愿服务', organiser: '石寨村党总支', place: '石寨村党群服务中心', startsAt: at(-0.5 * HOUR), endsAt: at(2 * HOUR), capacity, ...over });
  const states = async (eventId: string) =>
    new Map((await queryRows<{ member_id: string; state: string }>(t.db, sql`select member_id, state from volunteer_signups where event_id = ${eventId}`)).map((r) => [r.member_id, r.state]));
  const entriesOf = (eventId: string) =>
    queryRows<{ member_id: string; points: number }>(
      t.db,
      sql`select e.member_id, e.points from point_entries e join volunteer_signups s on s.id = e.source_id where e.source_kind = 'volunteer_signup' and s.event_id = ${eventId}`,
    );

  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    organiser = await t.contextFor('shuji');
    member = await t.contextFor('dangyuan');
    const [org] = await queryRows<{ id: string }>(t.db, sql`select id from org_units where name = '石寨村党总支'`);
    shizhai = org.id;
    const rows = await queryRows<{ id: string }>(
      t.db,
      sql`select m.id from members m join org_units o on o.tenant_id = m.tenant_id and o.id = m.org_id
        where o.path like (select path from org_units where id = ${shizhai}) || '%' and m.state = 'active' and m.id <> ${member.actor.memberId}
        order by m.name limit 3`,
    );
    others = rows.map((r) => asMember(member, r.id));
  });
  afterAll(async () => t.close());

  it('capacity fills, then a waiting list; a cancelled place goes to the first on the list', async () => {
    const e = await newEvent(1);
    await signUp(member, e.id);
    await signUp(others[0], e.id);
    await signUp(others[1], e.id);
    let s = await states(e.id);
    expect(s.get(member.actor.memberId ?? '')).toBe('registered');
    expect(s.get(others[0].actor.memberId ?? '')).toBe('waitlisted');
    expect(s.get(others[1].actor.memberId ?? '')).toBe('waitlisted');
    await expect(signUp(member, e.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    const after = await cancelSignup(member, e.id);
    expect(after).toMatchObject({ registered: 1, waitlisted: 1 });
    s = await states(e.id);
    expect(s.get(member.actor.memberId ?? '')).toBe('cancelled');
    expect(s.get(others[0].actor.memberId ?? '')).toBe('registered');
    expect(s.get(others[1].actor.memberId ?? '')).toBe('waitlisted');
    // Signing up again after cancelling joins the back of the list.
    await signUp(member, e.id);
    expect((await states(e.id)).get(member.actor.memberId ?? '')).toBe('waitlisted');
    // A waitlisted member cannot check in by QR.
    const token = new URL(`http://x${(await getEvent(organiser, e.id)).checkInUrl ?? ''}`).searchParams.get('token') ?? '';
    await expect(checkInByQr(member, e.id, token)).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('the QR code carries a signed token: only the organiser sees it, a forged or another event’s token is refused', async () => {
    const e = await newEvent(5);
    const other = await newEvent(5);
    const detail = await getEvent(organiser, e.id);
    expect(detail.checkInUrl).toMatch(new RegExp(`^/volunteer/check-in\\?event=${e.id}&token=`));
    expect((await getEvent(member, e.id)).checkInUrl).toBeNull();
    const token = new URL(`http://x${detail.checkInUrl ?? ''}`).searchParams.get('token') ?? '';
    const otherToken = new URL(`http://x${(await getEvent(organiser, other.id)).checkInUrl ?? ''}`).searchParams.get('token') ?? '';
    expect(otherToken).not.toBe(token);
    await signUp(member, e.id);
    const forged = token.slice(0, -2) + (token.endsWith('aa') ? 'bb' : 'aa');
    await expect(checkInByQr(member, e.id, forged)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(checkInByQr(member, e.id, otherToken)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(checkInByQr(member, e.id, 'x')).rejects.toMatchObject({ code: 'VALIDATION' });
    const ok = await checkInByQr(member, e.id, token);
    expect(ok.mySignup?.checkInAt).not.toBeNull();
    await expect(checkInByQr(member, e.id, token)).rejects.toMatchObject({ code: 'CONFLICT' });
    // Someone who did not sign up cannot check in by scanning.
    await expect(checkInByQr(others[2], e.id, token)).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('the QR check-in over HTTP: forged token 400, real token 200', async () => {
    const e = await newEvent(5);
    const cookie = await t.login('dangyuan');
    await t.request({ method: 'POST', url: `/api/volunteer-events/${e.id}/signup`, cookie });
    const url = (await getEvent(organiser, e.id)).checkInUrl ?? '';
    const token = new URL(`http://x${url}`).searchParams.get('token') ?? '';
    const bad = await t.request({ method: 'POST', url: `/api/volunteer-events/${e.id}/check-in`, cookie, payload: { token: 'forged-token' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('token');
    const good = await t.request({ method: 'POST', url: `/api/volunteer-events/${e.id}/check-in`, cookie, payload: { token } });
    expect(good.statusCode).toBe(200);
    expect(good.json().mySignup.checkInAt).toBeTruthy();
    const secretary = await t.login('shuji');
    expect((await t.request({ method: 'POST', url: `/api/volunteer-events/${e.id}/check-in`, cookie: secretary, payload: { token } })).statusCode).toBe(403);
  });

  it('the organiser checks in someone without a phone, up to capacity', async () => {
    const e = await newEvent(1);
    const r = await checkInByOrganiser(organiser, e.id, others[0].actor.memberId ?? '');
    expect(r.signups).toEqual([expect.objectContaining({ memberId: others[0].actor.memberId, checkInBy: 'organiser', state: 'registered' })]);
    await expect(checkInByOrganiser(organiser, e.id, others[1].actor.memberId ?? '')).rejects.toMatchObject({ code: 'INVALID_STATE' });
    const tielong = await t.contextFor('jumin');
    await expect(getEvent(tielong, e.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('closing: a forgotten check-out is closed at the event end and flagged, never extra hours; points post once', async () => {
    const e = await newEvent(10);
    const [a, b, c] = [member, others[0], others[1]];
    const token = new URL(`http://x${(await getEvent(organiser, e.id)).checkInUrl ?? ''}`).searchParams.get('token') ?? '';
    for (const who of [a, b, c]) await signUp(who, e.id);
    await checkInByQr(a, e.id, token);
    await checkInByQr(b, e.id, token);
    // c signed up but never came.
    await checkOut(a, e.id);
    // Time passes: the event ran 4–1 hours ago; a checked out an hour before its end, b never checked out.
    const start = Date.now() - 4 * HOUR;
    const end = Date.now() - HOUR;
    const iso = (ms: number) => new Date(ms).toISOString();
    await t.db.execute(sql`update volunteer_events set starts_at = ${iso(start)}::timestamptz, ends_at = ${iso(end)}::timestamptz where id = ${e.id}`);
    await t.db.execute(sql`update volunteer_signups set check_in_at = ${iso(start)}::timestamptz where event_id = ${e.id} and check_in_at is not null`);
    await t.db.execute(sql`update volunteer_signups set check_out_at = ${iso(end - HOUR)}::timestamptz, minutes = 120 where event_id = ${e.id} and member_id = ${a.actor.memberId}`);

    const closed = await closeEvent(organiser, e.id, 40);
    expect(closed).toMatchObject({ state: 'closed', peopleServed: 40 });
    const byMember = new Map(closed.signups.map((s) => [s.memberId, s]));
    expect(byMember.get(a.actor.memberId ?? '')).toMatchObject({ autoClosed: false, minutes: 120 });
    const forgotten = byMember.get(b.actor.memberId ?? '');
    expect(forgotten).toMatchObject({ autoClosed: true, minutes: 180 });
    expect(new Date(forgotten?.checkOutAt ?? 0).getTime()).toBe(end);
    expect(byMember.get(c.actor.memberId ?? '')).toMatchObject({ checkInAt: null, minutes: null });
    expect(closed.totalMinutes).toBe(300);

    const entries = await entriesOf(e.id);
    expect(entries.map((x) => x.member_id).sort()).toEqual([a.actor.memberId, b.actor.memberId].sort());
    expect(entries.every((x) => x.points === 4)).toBe(true);
    await expect(closeEvent(organiser, e.id, 50)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(await entriesOf(e.id)).toHaveLength(2);
    // A closed event refuses sign-ups and check-ins.
    await expect(signUp(others[2], e.id)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(checkInByQr(c, e.id, token)).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('an event that has not started cannot be closed; a member cannot close; the roster exports', async () => {
    const e = await newEvent(5, { startsAt: at(5 * HOUR), endsAt: at(7 * HOUR) });
    await expect(closeEvent(organiser, e.id, 1)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(checkInByQr(member, e.id, 'x')).rejects.toMatchObject({ code: 'VALIDATION' });
    const cookie = await t.login('dangyuan');
    expect((await t.request({ method: 'POST', url: `/api/volunteer-events/${e.id}/close`, cookie, payload: { peopleServed: 1 } })).statusCode).toBe(403);
    const secretary = await t.login('shuji');
    const xlsx = await t.request({ method: 'GET', url: `/api/volunteer-events/${e.id}/roster.xlsx`, cookie: secretary });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.readUInt32LE(0)).toBe(0x04034b50);
  });
});
