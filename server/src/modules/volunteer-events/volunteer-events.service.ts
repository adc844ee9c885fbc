import { timingSafeEqual } from 'node:crypto';
import { and, asc, count, desc, eq, gte, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { offsetOf, type Paged } from '../../platform/pagination.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { recordAudit } from '../audit/index.js';
import { members } from '../members/members.table.js';
import { getOrgInScope, inScope } from '../org-units/index.js';
import { orgUnits } from '../org-units/org-units.table.js';
import { awardPoints } from '../points/index.js';
import type { CreateEventBody, EventResponse, ListEventsQuery, SignupResponse } from './volunteer-events.schema.js';
import { volunteerEvents, volunteerSignups } from './volunteer-events.table.js';

/** QR check-in opens an hour before the start. */
const CHECK_IN_EARLY_MS = 60 * 60 * 1000;
const NO_ID = '00000000-0000-0000-0000-000000000000';

type VolunteerEvent = typeof volunteerEvents.$inferSelect;

/** The signed token the event's QR code carries: a keyed hash of tenant and event, verified on check-in. */
export function checkInToken(ctx: ActorContext, eventId: string): string {
  return ctx.services.cipher.blindIndex(`volunteer-checkin:${ctx.tenantId}:${eventId}`);
}

function tokenMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function visibleEvent(ctx: ActorContext): SQL {
  return sql`${volunteerEvents.orgId} in (select ${orgUnits.id} from ${orgUnits} where ${orgUnits.tenantId} = ${ctx.tenantId}
    and (${orgUnits.path} like ${ctx.actor.scopePath + '%'} or ${ctx.actor.scopePath} like ${orgUnits.path} || '%'))`;
}

function eventsFrom(ctx: ActorContext) {
  const memberId = ctx.actor.memberId ?? NO_ID;
  return ctx.db
    .select({
      id: volunteerEvents.id,
      orgId: volunteerEvents.orgId,
      orgName: orgUnits.name,
      title: volunteerEvents.title,
      organiser: volunteerEvents.organiser,
      place: volunteerEvents.place,
      startsAt: volunteerEvents.startsAt,
      endsAt: volunteerEvents.endsAt,
      capacity: volunteerEvents.capacity,
      peopleServed: volunteerEvents.peopleServed,
      state: volunteerEvents.state,
      registered: sql<number>`(select count(*)::int from volunteer_signups s where s.tenant_id = ${volunteerEvents.tenantId} and s.event_id = ${volunteerEvents.id} and s.state = 'registered')`,
      waitlisted: sql<number>`(select count(*)::int from volunteer_signups s where s.tenant_id = ${volunteerEvents.tenantId} and s.event_id = ${volunteerEvents.id} and s.state = 'waitlisted')`,
      mine: sql<string | null>`(select json_build_object('id', s.id, 'state', s.state, 'checkInAt', s.check_in_at, 'checkOutAt', s.check_out_at)::text
        from volunteer_signups s where s.tenant_id = ${volunteerEvents.tenantId} and s.event_id = ${volunteerEvents.id} and s.member_id = ${memberId}::uuid and s.state <> 'cancelled')`,
    })
    .from(volunteerEvents)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, volunteerEvents.tenantId), eq(orgUnits.id, volunteerEvents.orgId)));
}

type EventRow = Awaited<ReturnType<typeof eventsFrom>>[number];

function iso(v: string | null | undefined): string | null {
  return v ? new Date(v).toISOString() : null;
}

function toEvent(r: EventRow): EventResponse {
  const mine = r.mine ? (JSON.parse(r.mine) as { id: string; state: 'registered' | 'waitlisted' | 'cancelled'; checkInAt: string | null; checkOutAt: string | null }) : null;
  const { mine: _m, ...rest } = r;
  return {
    ...rest,
    registered: Number(r.registered),
    waitlisted: Number(r.waitlisted),
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    mySignup: mine ? { ...mine, checkInAt: iso(mine.checkInAt), checkOutAt: iso(mine.checkOutAt) } : null,
  };
}

export async function listEvents(ctx: ActorContext, q: ListEventsQuery): Promise<Paged<EventResponse>> {
  const conds: SQL[] = [eq(volunteerEvents.tenantId, ctx.tenantId), visibleEvent(ctx)];
  if (q.state) conds.push(eq(volunteerEvents.state, q.state));
  if (q.from) conds.push(gte(volunteerEvents.startsAt, new Date(`${q.from}T00:00:00+08:00`)));
  if (q.to) conds.push(lt(volunteerEvents.startsAt, new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86400000)));
  const where = and(...conds);
  const [{ total }] = await ctx.db.select({ total: count() }).from(volunteerEvents).where(where);
  const rows = await eventsFrom(ctx).where(where).orderBy(desc(volunteerEvents.startsAt)).limit(q.pageSize).offset(offsetOf(q));
  return { items: rows.map(toEvent), total, page: q.page, pageSize: q.pageSize };
}

async function loadEvent(ctx: ActorContext, id: string, db: Db, manage = false): Promise<VolunteerEvent> {
  const [row] = await db
    .select()
    .from(volunteerEvents)
    .where(and(eq(volunteerEvents.tenantId, ctx.tenantId), eq(volunteerEvents.id, id), manage ? inScope(ctx, volunteerEvents.orgId) : visibleEvent(ctx)));
  if (!row) throw notFound('志愿服务活动');
  return row;
}

export async function listSignups(db: Db, tenantId: number, eventId: string): Promise<SignupResponse[]> {
  const rows = await db
    .select({
      id: volunteerSignups.id,
      memberId: volunteerSignups.memberId,
      memberName: members.name,
      orgName: orgUnits.name,
      state: volunteerSignups.state,
      checkInAt: volunteerSignups.checkInAt,
      checkInBy: volunteerSignups.checkInBy,
      checkOutAt: volunteerSignups.checkOutAt,
      autoClosed: volunteerSignups.autoClosed,
      minutes: volunteerSignups.minutes,
    })
    .from(volunteerSignups)
    .innerJoin(members, and(eq(members.tenantId, volunteerSignups.tenantId), eq(members.id, volunteerSignups.memberId)))
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, volunteerSignups.tenantId), eq(orgUnits.id, volunteerSignups.orgId)))
    .where(and(eq(volunteerSignups.tenantId, tenantId), eq(volunteerSignups.eventId, eventId)))
    .orderBy(asc(volunteerSignups.createdAt));
  return rows.map((r) => ({ ...r, checkInAt: r.checkInAt?.toISOString() ?? null, checkOutAt: r.checkOutAt?.toISOString() ?? null }));
}

function canManage(ctx: ActorContext, event: VolunteerEvent, path: string): boolean {
  return ctx.actor.permissions.has('volunteer.manage') && path.startsWith(ctx.actor.scopePath) && event.tenantId === ctx.tenantId;
}

/** An event's page; organisers also see the roster and the URL for the QR code. */
export async function getEvent(ctx: ActorContext, id: string) {
  const event = await loadEvent(ctx, id, ctx.db);
  const [row] = await eventsFrom(ctx).where(and(eq(volunteerEvents.tenantId, ctx.tenantId), eq(volunteerEvents.id, id)));
  const [org] = await ctx.db.select({ path: orgUnits.path }).from(orgUnits).where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.id, event.orgId)));
  const manage = canManage(ctx, event, org?.path ?? '');
  const signups = manage ? await listSignups(ctx.db, ctx.tenantId, id) : [];
  return {
    ...toEvent(row),
    signups,
    checkInUrl: manage ? `/volunteer/check-in?event=${id}&token=${checkInToken(ctx, id)}` : null,
    totalMinutes: signups.reduce((a, s) => a + (s.minutes ?? 0), 0),
  };
}

export async function createEvent(ctx: ActorContext, input: CreateEventBody) {
  const id = await ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(ctx, input.orgId, tx);
    const [row] = await tx
      .insert(volunteerEvents)
      .values({ tenantId: ctx.tenantId, orgId: org.id, title: input.title, organiser: input.organiser, organiserUserId: ctx.actor.userId, place: input.place, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), capacity: input.capacity })
      .returning({ id: volunteerEvents.id });
    await recordAudit(tx, ctx, { action: 'volunteer.event.create', entityType: 'volunteer_event', entityId: row.id, after: input });
    return row.id;
  });
  return getEvent(ctx, id);
}

function assertOpen(event: VolunteerEvent) {
  if (event.state !== 'open') throw new AppError('INVALID_STATE', event.state === 'closed' ? '活动已结束' : '活动已取消');
}

async function lockEvent(ctx: ActorContext, tx: Db, id: string) {
  await tx.select({ id: volunteerEvents.id }).from(volunteerEvents).where(and(eq(volunteerEvents.tenantId, ctx.tenantId), eq(volunteerEvents.id, id))).for('update');
}

async function registeredCount(tx: Db, tenantId: number, eventId: string): Promise<number> {
  const [{ n }] = await tx.select({ n: count() }).from(volunteerSignups).where(and(eq(volunteerSignups.tenantId, tenantId), eq(volunteerSignups.eventId, eventId), eq(volunteerSignups.state, 'registered')));
  return n;
}

/** Registers a member, or puts them on the waiting list when the event is full. */
async function register(ctx: ActorContext, tx: Db, event: VolunteerEvent, memberId: string) {
  await lockEvent(ctx, tx, event.id);
  const [member] = await tx.select({ orgId: members.orgId, state: members.state }).from(members).where(and(eq(members.tenantId, ctx.tenantId), eq(members.id, memberId)));
  if (!member || member.state !== 'active') throw notFound('党员');
  const [existing] = await tx
    .select()
    .from(volunteerSignups)
    .where(and(eq(volunteerSignups.tenantId, ctx.tenantId), eq(volunteerSignups.eventId, event.id), eq(volunteerSignups.memberId, memberId)));
  if (existing && existing.state !== 'cancelled') throw new AppError('CONFLICT', '已报名该活动');
  const state = (await registeredCount(tx, ctx.tenantId, event.id)) < event.capacity ? 'registered' : 'waitlisted';
  if (existing) {
    await tx.update(volunteerSignups).set({ state, createdAt: new Date(), updatedAt: new Date() }).where(and(eq(volunteerSignups.tenantId, ctx.tenantId), eq(volunteerSignups.id, existing.id)));
    return { id: existing.id, state };
  }
  const [row] = await tx.insert(volunteerSignups).values({ tenantId: ctx.tenantId, eventId: event.id, memberId, orgId: member.orgId, state }).returning({ id: volunteerSignups.id });
  return { id: row.id, state };
}

export async function signUp(ctx: ActorContext, eventId: string) {
  const memberId = ctx.actor.memberId;
  if (!memberId) throw new AppError('FORBIDDEN', '只有党员本人可以报名');
  await ctx.db.transaction(async (tx) => {
    const event = await loadEvent(ctx, eventId, tx);
    assertOpen(event);
    if (event.endsAt.getTime() < Date.now()) throw new AppError('INVALID_STATE', '活动已结束，不能报名');
    const r = await register(ctx, tx, event, memberId);
    await recordAudit(tx, ctx, { action: 'volunteer.signup', entityType: 'volunteer_signup', entityId: r.id, after: { eventId, state: r.state } });
  });
  return getEvent(ctx, eventId);
}

/** Cancelling a registration frees its place for the first on the waiting list. */
export async function cancelSignup(ctx: ActorContext, eventId: string) {
  await ctx.db.transaction(async (tx) => {
    const event = await loadEvent(ctx, eventId, tx);
    assertOpen(event);
    await lockEvent(ctx, tx, eventId);
    const [mine] = await tx
      .select()
      .from(volunteerSignups)
      .where(and(eq(volunteerSignups.tenantId, ctx.tenantId), eq(volunteerSignups.eventId, eventId), eq(volunteerSignups.memberId, ctx.actor.memberId ?? NO_ID), ne(volunteerSignups.state, 'cancelled')));
    if (!mine) throw notFound('报名');
    if (mine.checkInAt) throw new AppError('INVALID_STATE', '已签到，不能取消报名');
    await tx.update(volunteerSignups).set({ state: 'cancelled', updatedAt: new Date() }).where(and(eq(volunteerSignups.tenantId, ctx.tenantId), eq(volunteerSignups.id, mine.id)));
    if (mine.state === 'registered') {
      const [next] = await tx
        .select({ id: volunteerSignups.id })
        .from(volunteerSignups)
        .where(and(eq(volunteerSignups.tenantId, ctx.tenantId), eq(volunteerSignups.eventId, eventId), eq(volunteerSignups.state, 'waitlisted')))
        .orderBy(asc(volunteerSignups.createdAt))
        .limit(1);
      if (next) await tx.update(volunteerSignups).set({ state: 'registered', updatedAt: new Date() }).where(and(eq(volunteerSignups.tenantId, ctx.tenantId), eq(volunteerSignups.id, next.id)));
    }
    await recordAudit(tx, ctx, { action: 'volunteer.signup.cancel', entityType: 'volunteer_signup', entityId: mine.id });
  });
  return getEvent(ctx, eventId);
}

function assertCheckInWindow(event: VolunteerEvent) {
  const now = Date.now();
  if (now < event.startsAt.getTime() - CHECK_IN_EARLY_MS) throw new AppError('INVALID_STATE', '还未到签到时间（活动开始前1小时可签到）');
  if (now > event.endsAt.getTime()) throw new AppError('INVALID_STATE', '活动已结束，不能签到');
}

async function markCheckedIn(ctx: ActorContext, tx: Db, event: VolunteerEvent, memberId: string, by: 'qr' | 'organiser') {
  const [signup] = await tx
    .select()
    .from(volunteerSignups)
    .where(and(eq(volunteerSignups.tenantId, ctx.tenantId), eq(volunteerSignups.eventId, event.id), eq(volunteerSignups.memberId, memberId), ne(volunteerSignups.state, 'cancelled')));
  let id = signup?.id;
  if (!signup) {
    if (by === 'qr') throw new AppError('INVALID_STATE', '您未报名该活动，请先报名');
    const r = await register(ctx, tx, event, memberId);
    if (r.state !== 'registered') throw new AppError('INVALID_STATE', '活动名额已满');
    id = r.id;
  } else if (signup.state === 'waitlisted') {
    throw new AppError('INVALID_STATE', '您在候补名单中，尚未获得名额');
  } else if (signup.checkInAt) {
    throw new AppError('CONFLICT', '已签到');
  }
  if (!id) throw notFound('报名');
  await tx.update(volunteerSignups).set({ checkInAt: new Date(), checkInBy: by, updatedAt: new Date() }).where(and(eq(volunteerSignups.tenantId, ctx.tenantId), eq(volunteerSignups.id, id)));
  await recordAudit(tx, ctx, { action: 'volunteer.check_in', entityType: 'volunteer_signup', entityId: id, after: { by } });
}

/** Check-in by scanning the event's QR code: the token must be the event's signed token. */
export async function checkInByQr(ctx: ActorContext, eventId: string, token: string) {
  const memberId = ctx.actor.memberId;
  if (!memberId) throw new AppError('FORBIDDEN', '只有党员本人可以扫码签到');
  await ctx.db.transaction(async (tx) => {
    const event = await loadEvent(ctx, eventId, tx);
    if (!tokenMatches(checkInToken(ctx, eventId), token)) throw new AppError('VALIDATION', '签到码无效', [{ path: 'token', message: '签到码无效' }]);
    assertOpen(event);
    assertCheckInWindow(event);
    await markCheckedIn(ctx, tx, event, memberId, 'qr');
  });
  return getEvent(ctx, eventId);
}

/** The organiser checks in someone without a phone. */
export async function checkInByOrganiser(ctx: ActorContext, eventId: string, memberId: string) {
  await ctx.db.transaction(async (tx) => {
    const event = await loadEvent(ctx, eventId, tx, true);
    assertOpen(event);
    assertCheckInWindow(event);
    await markCheckedIn(ctx, tx, event, memberId, 'organiser');
  });
  return getEvent(ctx, eventId);
}

function minutesBetween(from: Date, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / 60000));
}

/** Check-out: time after the event's end is never counted. */
export async function checkOut(ctx: ActorContext, eventId: string) {
  await ctx.db.transaction(async (tx) => {
    const event = await loadEvent(ctx, eventId, tx);
    assertOpen(event);
    const [mine] = await tx
      .select()
      .from(volunteerSignups)
      .where(and(eq(volunteerSignups.tenantId, ctx.tenantId), eq(volunteerSignups.eventId, eventId), eq(volunteerSignups.memberId, ctx.actor.memberId ?? NO_ID), ne(volunteerSignups.state, 'cancelled')));
    if (!mine) throw notFound('报名');
    if (!mine.checkInAt) throw new AppError('INVALID_STATE', '尚未签到');
    if (mine.checkOutAt) throw new AppError('CONFLICT', '已签退');
    const at = new Date(Math.min(Date.now(), event.endsAt.getTime()));
    await tx.update(volunteerSignups).set({ checkOutAt: at, minutes: minutesBetween(mine.checkInAt, at), updatedAt: new Date() }).where(and(eq(volunteerSignups.tenantId, ctx.tenantId), eq(volunteerSignups.id, mine.id)));
    await recordAudit(tx, ctx, { action: 'volunteer.check_out', entityType: 'volunteer_signup', entityId: mine.id });
  });
  return getEvent(ctx, eventId);
}

/**
 * Closes an event: forgotten check-outs are closed at the event's end and flagged (never extra hours),
 * people served recorded, and every attendee's points posted.
 */
export async function closeEvent(ctx: ActorContext, eventId: string, peopleServed: number) {
  await ctx.db.transaction(async (tx) => {
    const event = await loadEvent(ctx, eventId, tx, true);
    assertOpen(event);
    if (Date.now() < event.startsAt.getTime()) throw new AppError('INVALID_STATE', '活动尚未开始，不能结束');
    const attendees = await tx
      .select()
      .from(volunteerSignups)
      .where(and(eq(volunteerSignups.tenantId, ctx.tenantId), eq(volunteerSignups.eventId, eventId), eq(volunteerSignups.state, 'registered'), sql`${volunteerSignups.checkInAt} is not null`));
    const end = new Date(Math.min(Date.now(), event.endsAt.getTime()));
    let flagged = 0;
    for (const s of attendees) {
      if (!s.checkInAt) continue;
      if (!s.checkOutAt) {
        flagged++;
        await tx
          .update(volunteerSignups)
          .set({ checkOutAt: end, autoClosed: true, minutes: minutesBetween(s.checkInAt, end), updatedAt: new Date() })
          .where(and(eq(volunteerSignups.tenantId, ctx.tenantId), eq(volunteerSignups.id, s.id)));
      }
      await awardPoints(tx, ctx, {
        memberId: s.memberId,
        category: 'volunteer',
        sourceKind: 'volunteer_signup',
        sourceId: s.id,
        occurredOn: shanghaiDate(event.startsAt),
        note: `志愿服务：${event.title}`,
      });
    }
    await tx
      .update(volunteerEvents)
      .set({ state: 'closed', peopleServed, closedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(volunteerEvents.tenantId, ctx.tenantId), eq(volunteerEvents.id, eventId)));
    await recordAudit(tx, ctx, { action: 'volunteer.event.close', entityType: 'volunteer_event', entityId: eventId, after: { peopleServed, attendees: attendees.length, autoClosed: flagged } });
  });
  return getEvent(ctx, eventId);
}
