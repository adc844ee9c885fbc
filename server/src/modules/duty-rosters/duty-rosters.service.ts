import { and, count, desc, eq, gte, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { offsetOf, type Paged } from '../../platform/pagination.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { recordAudit } from '../audit/index.js';
import { members } from '../members/members.table.js';
import { getOrgInScope, inScope } from '../org-units/index.js';
import { orgUnits } from '../org-units/org-units.table.js';
import { awardPoints } from '../points/index.js';
import type { AssignmentResponse, CreateShiftBody, ListShiftsQuery, ShiftResponse } from './duty-rosters.schema.js';
import { dutyAssignments, dutyShifts } from './duty-rosters.table.js';
import { nextAssignmentState } from './duty-rosters.workflow.js';

/** Check-in opens this long before the shift starts. */
const CHECK_IN_EARLY_MS = 30 * 60 * 1000;

type Shift = typeof dutyShifts.$inferSelect;

/** Shifts an actor can see: published inside their scope, or by a unit above them (the street, their village). */
function visibleShift(ctx: ActorContext): SQL {
  return sql`${dutyShifts.orgId} in (select ${orgUnits.id} from ${orgUnits} where ${orgUnits.tenantId} = ${ctx.tenantId}
    and (${orgUnits.path} like ${ctx.actor.scopePath + '%'} or ${ctx.actor.scopePath} like ${orgUnits.path} || '%'))`;
}

const takenCount = sql<number>`(select count(*)::int from duty_assignments a where a.tenant_id = ${dutyShifts.tenantId} and a.shift_id = ${dutyShifts.id} and a.state <> 'cancelled')`;

function shiftsFrom(db: Db) {
  return db
    .select({
      id: dutyShifts.id,
      orgId: dutyShifts.orgId,
      orgName: orgUnits.name,
      title: dutyShifts.title,
      place: dutyShifts.place,
      startsAt: dutyShifts.startsAt,
      endsAt: dutyShifts.endsAt,
      slots: dutyShifts.slots,
      taken: takenCount,
      state: dutyShifts.state,
    })
    .from(dutyShifts)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, dutyShifts.tenantId), eq(orgUnits.id, dutyShifts.orgId)));
}

type ShiftRow = Awaited<ReturnType<typeof shiftsFrom>>[number];
const toShift = (r: ShiftRow): ShiftResponse => ({ ...r, taken: Number(r.taken), startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString() });

export async function listShifts(ctx: ActorContext, q: ListShiftsQuery): Promise<Paged<ShiftResponse>> {
  const conds: SQL[] = [eq(dutyShifts.tenantId, ctx.tenantId), visibleShift(ctx)];
  if (q.from) conds.push(gte(dutyShifts.startsAt, new Date(`${q.from}T00:00:00+08:00`)));
  if (q.to) conds.push(lt(dutyShifts.startsAt, new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86400000)));
  const where = and(...conds);
  const [{ total }] = await ctx.db.select({ total: count() }).from(dutyShifts).where(where);
  const rows = await shiftsFrom(ctx.db).where(where).orderBy(desc(dutyShifts.startsAt)).limit(q.pageSize).offset(offsetOf(q));
  return { items: rows.map(toShift), total, page: q.page, pageSize: q.pageSize };
}

async function loadShift(ctx: ActorContext, id: string, db: Db, manage = false): Promise<Shift> {
  const [row] = await db
    .select()
    .from(dutyShifts)
    .where(and(eq(dutyShifts.tenantId, ctx.tenantId), eq(dutyShifts.id, id), manage ? inScope(ctx, dutyShifts.orgId) : visibleShift(ctx)));
  if (!row) throw notFound('值班');
  return row;
}

async function assignmentsOf(db: Db, tenantId: number, shiftId: string): Promise<AssignmentResponse[]> {
  const rows = await db
    .select({
      id: dutyAssignments.id,
      shiftId: dutyAssignments.shiftId,
      memberId: dutyAssignments.memberId,
      memberName: members.name,
      source: dutyAssignments.source,
      state: dutyAssignments.state,
      checkInAt: dutyAssignments.checkInAt,
      checkOutAt: dutyAssignments.checkOutAt,
    })
    .from(dutyAssignments)
    .innerJoin(members, and(eq(members.tenantId, dutyAssignments.tenantId), eq(members.id, dutyAssignments.memberId)))
    .where(and(eq(dutyAssignments.tenantId, tenantId), eq(dutyAssignments.shiftId, shiftId)))
    .orderBy(dutyAssignments.createdAt);
  return rows.map((r) => ({ ...r, checkInAt: r.checkInAt?.toISOString() ?? null, checkOutAt: r.checkOutAt?.toISOString() ?? null }));
}

export async function getShift(ctx: ActorContext, id: string) {
  await loadShift(ctx, id, ctx.db);
  const [row] = await shiftsFrom(ctx.db).where(and(eq(dutyShifts.tenantId, ctx.tenantId), eq(dutyShifts.id, id)));
  return { ...toShift(row), assignments: await assignmentsOf(ctx.db, ctx.tenantId, id) };
}

/** The street or a branch publishes a shift for a unit in its scope. */
export async function createShift(ctx: ActorContext, input: CreateShiftBody): Promise<ShiftResponse> {
  const id = await ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(ctx, input.orgId, tx);
    const [row] = await tx
      .insert(dutyShifts)
      .values({ tenantId: ctx.tenantId, orgId: org.id, title: input.title, place: input.place, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), slots: input.slots, createdBy: ctx.actor.userId })
      .returning({ id: dutyShifts.id });
    await recordAudit(tx, ctx, { action: 'duty.shift.create', entityType: 'duty_shift', entityId: row.id, after: input });
    return row.id;
  });
  const [row] = await shiftsFrom(ctx.db).where(and(eq(dutyShifts.tenantId, ctx.tenantId), eq(dutyShifts.id, id)));
  return toShift(row);
}

/** Takes a slot (row-locks the shift so two last sign-ups cannot both take the last slot). */
async function takeSlot(ctx: ActorContext, tx: Db, shift: Shift, memberId: string, source: 'signup' | 'assigned') {
  if (shift.state !== 'open') throw new AppError('INVALID_STATE', '该值班已取消');
  if (shift.endsAt.getTime() < Date.now()) throw new AppError('INVALID_STATE', '该值班已结束，不能报名');
  await tx.select({ id: dutyShifts.id }).from(dutyShifts).where(and(eq(dutyShifts.tenantId, ctx.tenantId), eq(dutyShifts.id, shift.id))).for('update');
  const [member] = await tx
    .select({ id: members.id, orgId: members.orgId, path: orgUnits.path, state: members.state })
    .from(members)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, members.tenantId), eq(orgUnits.id, members.orgId)))
    .where(and(eq(members.tenantId, ctx.tenantId), eq(members.id, memberId)));
  if (!member || member.state !== 'active') throw notFound('党员');
  const [org] = await tx.select({ path: orgUnits.path }).from(orgUnits).where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.id, shift.orgId)));
  if (!org || !member.path.startsWith(org.path)) throw new AppError('INVALID_STATE', '该党员不属于发布值班的组织');
  const [existing] = await tx
    .select({ id: dutyAssignments.id, state: dutyAssignments.state })
    .from(dutyAssignments)
    .where(and(eq(dutyAssignments.tenantId, ctx.tenantId), eq(dutyAssignments.shiftId, shift.id), eq(dutyAssignments.memberId, memberId)));
  if (existing && existing.state !== 'cancelled') throw new AppError('CONFLICT', '已在该值班名单中');
  const [{ taken }] = await tx
    .select({ taken: count() })
    .from(dutyAssignments)
    .where(and(eq(dutyAssignments.tenantId, ctx.tenantId), eq(dutyAssignments.shiftId, shift.id), ne(dutyAssignments.state, 'cancelled')));
  if (taken >= shift.slots) throw new AppError('INVALID_STATE', '该值班名额已满');
  if (existing) {
    await tx.update(dutyAssignments).set({ state: 'signed_up', source, updatedAt: new Date() }).where(and(eq(dutyAssignments.tenantId, ctx.tenantId), eq(dutyAssignments.id, existing.id)));
    return existing.id;
  }
  const [row] = await tx
    .insert(dutyAssignments)
    .values({ tenantId: ctx.tenantId, shiftId: shift.id, memberId, orgId: member.orgId, source })
    .returning({ id: dutyAssignments.id });
  return row.id;
}

export async function signUp(ctx: ActorContext, shiftId: string) {
  const memberId = ctx.actor.memberId;
  if (!memberId) throw new AppError('FORBIDDEN', '只有党员本人可以报名值班');
  await ctx.db.transaction(async (tx) => {
    const shift = await loadShift(ctx, shiftId, tx);
    const id = await takeSlot(ctx, tx, shift, memberId, 'signup');
    await recordAudit(tx, ctx, { action: 'duty.signup', entityType: 'duty_assignment', entityId: id, after: { shiftId } });
  });
  return getShift(ctx, shiftId);
}

export async function assignMember(ctx: ActorContext, shiftId: string, memberId: string) {
  await ctx.db.transaction(async (tx) => {
    const shift = await loadShift(ctx, shiftId, tx, true);
    const [inReach] = await tx.select({ id: members.id }).from(members).where(and(eq(members.tenantId, ctx.tenantId), eq(members.id, memberId), inScope(ctx, members.orgId)));
    if (!inReach) throw fieldError('memberId', '党员不存在或不在管理范围内');
    const id = await takeSlot(ctx, tx, shift, memberId, 'assigned');
    await recordAudit(tx, ctx, { action: 'duty.assign', entityType: 'duty_assignment', entityId: id, after: { shiftId, memberId } });
  });
  return getShift(ctx, shiftId);
}

async function ownAssignment(ctx: ActorContext, tx: Db, id: string) {
  const [row] = await tx
    .select({ a: dutyAssignments, shift: dutyShifts })
    .from(dutyAssignments)
    .innerJoin(dutyShifts, and(eq(dutyShifts.tenantId, dutyAssignments.tenantId), eq(dutyShifts.id, dutyAssignments.shiftId)))
    .where(and(eq(dutyAssignments.tenantId, ctx.tenantId), eq(dutyAssignments.id, id), eq(dutyAssignments.memberId, ctx.actor.memberId ?? '00000000-0000-0000-0000-000000000000')))
    .for('update', { of: dutyAssignments });
  if (!row) throw notFound('值班安排');
  return row;
}

/** Check-in on the phone: from 30 minutes before the shift until its end. */
export async function checkIn(ctx: ActorContext, assignmentId: string) {
  return ctx.db.transaction(async (tx) => {
    const { a, shift } = await ownAssignment(ctx, tx, assignmentId);
    const now = Date.now();
    if (now < shift.startsAt.getTime() - CHECK_IN_EARLY_MS) throw new AppError('INVALID_STATE', '还未到签到时间（开始前30分钟可签到）');
    if (now > shift.endsAt.getTime()) throw new AppError('INVALID_STATE', '值班已结束，不能签到');
    const state = nextAssignmentState(a.state, 'check_in');
    await tx.update(dutyAssignments).set({ state, checkInAt: new Date(), updatedAt: new Date() }).where(and(eq(dutyAssignments.tenantId, ctx.tenantId), eq(dutyAssignments.id, a.id)));
    await recordAudit(tx, ctx, { action: 'duty.check_in', entityType: 'duty_assignment', entityId: a.id });
    return { id: a.id, state };
  });
}

/** Check-out completes the shift and posts its points (no claim needed); time after the shift's end is not counted. */
export async function checkOut(ctx: ActorContext, assignmentId: string) {
  return ctx.db.transaction(async (tx) => {
    const { a, shift } = await ownAssignment(ctx, tx, assignmentId);
    const state = nextAssignmentState(a.state, 'check_out');
    const at = new Date(Math.min(Date.now(), shift.endsAt.getTime()));
    await tx.update(dutyAssignments).set({ state, checkOutAt: at, updatedAt: new Date() }).where(and(eq(dutyAssignments.tenantId, ctx.tenantId), eq(dutyAssignments.id, a.id)));
    const award = await awardPoints(tx, ctx, {
      memberId: a.memberId,
      category: 'duty',
      sourceKind: 'duty_assignment',
      sourceId: a.id,
      occurredOn: shanghaiDate(shift.startsAt),
      note: `轮岗值班：${shift.title}（${shift.place}）`,
    });
    await recordAudit(tx, ctx, { action: 'duty.check_out', entityType: 'duty_assignment', entityId: a.id, after: { points: award.points } });
    return { id: a.id, state, points: award.points };
  });
}

export async function myAssignments(ctx: ActorContext) {
  const memberId = ctx.actor.memberId;
  if (!memberId) return { items: [] };
  const rows = await ctx.db
    .select({ id: dutyAssignments.id, shiftId: dutyAssignments.shiftId })
    .from(dutyAssignments)
    .innerJoin(dutyShifts, and(eq(dutyShifts.tenantId, dutyAssignments.tenantId), eq(dutyShifts.id, dutyAssignments.shiftId)))
    .where(and(eq(dutyAssignments.tenantId, ctx.tenantId), eq(dutyAssignments.memberId, memberId), ne(dutyAssignments.state, 'cancelled')))
    .orderBy(desc(dutyShifts.startsAt))
    .limit(50);
  const items = [];
  for (const r of rows) {
    const detail = await getShift(ctx, r.shiftId);
    const a = detail.assignments.find((x) => x.id === r.id);
    if (a) items.push({ ...a, shift: { ...detail, assignments: undefined } });
  }
  return { items };
}
