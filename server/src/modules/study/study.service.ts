import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { recordAudit } from '../audit/index.js';
import { assertFilesExist } from '../files/index.js';
import { members } from '../members/members.table.js';
import { getOrgInScope, inScope, orgNames, orgUnits } from '../org-units/index.js';
import type { CreateNoteBody, CreatePlanBody, CreateSessionBody } from './study.schema.js';
import { sessionAttendance, studyNotes, studyPlans, studySessions } from './study.table.js';

/** Plans issued by the actor's own unit or any unit above it, or within their scope. */
function planVisible(ctx: ActorContext) {
  return sql`exists (select 1 from ${orgUnits} po where po.tenant_id = ${ctx.tenantId} and po.id = ${studyPlans.orgId}
    and (${ctx.actor.scopePath} like po.path || '%' or po.path like ${ctx.actor.scopePath + '%'}))`;
}

export async function listPlans(ctx: ActorContext) {
  const rows = await ctx.db.select().from(studyPlans).where(and(eq(studyPlans.tenantId, ctx.tenantId), planVisible(ctx))).orderBy(desc(studyPlans.startsOn));
  return { items: rows.map(({ tenantId: _t, createdAt: _c, createdBy: _b, ...p }) => p) };
}

async function assertPlanVisible(ctx: ActorContext, db: Db, planId: string) {
  const [p] = await db.select({ id: studyPlans.id }).from(studyPlans).where(and(eq(studyPlans.tenantId, ctx.tenantId), eq(studyPlans.id, planId), planVisible(ctx)));
  if (!p) throw fieldError('planId', '学习计划不存在');
}

/** The street issues a study plan for a period (topics, materials, dates). */
export async function createPlan(ctx: ActorContext, input: CreatePlanBody) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(studyPlans).values({ tenantId: ctx.tenantId, orgId: ctx.actor.scopeOrgId, ...input, createdBy: ctx.actor.userId }).returning();
    await recordAudit(tx, ctx, { action: 'study.plan.create', entityType: 'study_plan', entityId: row.id, after: input });
    const { tenantId: _t, createdAt: _c, createdBy: _b, ...p } = row;
    return p;
  });
}

/** Active members of a unit's subtree (a branch and its 党小组). */
export async function activeMemberIds(db: Db, tenantId: number, orgPath: string): Promise<string[]> {
  const rows = await db
    .select({ id: members.id })
    .from(members)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, members.tenantId), eq(orgUnits.id, members.orgId)))
    .where(and(eq(members.tenantId, tenantId), eq(members.state, 'active'), sql`${orgUnits.path} like ${orgPath + '%'}`));
  return rows.map((r) => r.id);
}

export async function listSessions(ctx: ActorContext, q: { from?: string; to?: string }) {
  const where = and(eq(studySessions.tenantId, ctx.tenantId), inScope(ctx, studySessions.orgId), q.from ? gte(studySessions.heldOn, q.from) : undefined, q.to ? lte(studySessions.heldOn, q.to) : undefined);
  const rows = await ctx.db
    .select({
      s: studySessions,
      attended: sql<number>`(select count(*)::int from ${sessionAttendance} a where a.tenant_id = study_sessions.tenant_id and a.session_id = study_sessions.id)`,
    })
    .from(studySessions)
    .where(where)
    .orderBy(desc(studySessions.heldOn));
  const names = await orgNames(ctx, rows.map((r) => r.s.orgId));
  const items = rows.map((r) => ({
    id: r.s.id,
    orgId: r.s.orgId,
    orgName: names.get(r.s.orgId) ?? '',
    planId: r.s.planId,
    kind: r.s.kind,
    title: r.s.title,
    heldOn: r.s.heldOn,
    expectedCount: r.s.expectedCount,
    attendedCount: r.attended,
  }));
  return {
    items,
    totals: { sessions: items.length, expected: items.reduce((a, s) => a + s.expectedCount, 0), attended: items.reduce((a, s) => a + s.attendedCount, 0) },
  };
}

/** Records a session with its attendance: attendees must be active members of the holding unit. */
export async function createSession(ctx: ActorContext, input: CreateSessionBody) {
  const id = await ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(ctx, input.orgId, tx);
    if (input.planId) await assertPlanVisible(ctx, tx, input.planId);
    if (input.heldOn > shanghaiDate()) throw fieldError('heldOn', '不能登记未来的学习活动');
    const eligible = new Set(await activeMemberIds(tx, ctx.tenantId, org.path));
    const attendees = [...new Set(input.attendeeMemberIds)];
    const strangers = attendees.filter((m) => !eligible.has(m));
    if (strangers.length) throw fieldError('attendeeMemberIds', `有 ${strangers.length} 名参加人员不是${org.name}的党员`);
    const [row] = await tx
      .insert(studySessions)
      .values({ tenantId: ctx.tenantId, orgId: org.id, planId: input.planId ?? null, kind: input.kind, title: input.title, heldOn: input.heldOn, expectedCount: eligible.size, createdBy: ctx.actor.userId })
      .returning();
    if (attendees.length) await tx.insert(sessionAttendance).values(attendees.map((memberId) => ({ tenantId: ctx.tenantId, sessionId: row.id, memberId })));
    await recordAudit(tx, ctx, { action: 'study.session.create', entityType: 'study_session', entityId: row.id, after: { orgId: org.id, kind: input.kind, title: input.title, heldOn: input.heldOn, attended: attendees.length, expected: eligible.size } });
    return row.id;
  });
  const list = await listSessions(ctx, {});
  const found = list.items.find((s) => s.id === id);
  if (!found) throw notFound('学习活动');
  return found;
}

function toNote(n: typeof studyNotes.$inferSelect, memberName: string) {
  return { id: n.id, memberId: n.memberId, memberName, planId: n.planId, writtenOn: n.writtenOn, content: n.content, photoFileIds: n.photoFileIds, createdAt: n.createdAt.toISOString() };
}

/** A member uploads a study note (text or photo) for themself. */
export async function createNote(ctx: ActorContext, input: CreateNoteBody) {
  const memberId = ctx.actor.memberId;
  if (!memberId) throw new AppError('FORBIDDEN', '当前账号未关联党员档案');
  return ctx.db.transaction(async (tx) => {
    const [member] = await tx.select().from(members).where(and(eq(members.tenantId, ctx.tenantId), eq(members.id, memberId)));
    if (!member || member.state !== 'active') throw new AppError('INVALID_STATE', '党员档案不在册，不能上传学习笔记');
    if (input.planId) await assertPlanVisible(ctx, tx, input.planId);
    await assertFilesExist({ ...ctx, db: tx }, input.photoFileIds);
    const writtenOn = input.writtenOn ?? shanghaiDate();
    if (writtenOn > shanghaiDate()) throw fieldError('writtenOn', '日期不能晚于今天');
    const [row] = await tx
      .insert(studyNotes)
      .values({ tenantId: ctx.tenantId, memberId, orgId: member.orgId, planId: input.planId ?? null, writtenOn, content: input.content, photoFileIds: input.photoFileIds })
      .returning();
    await recordAudit(tx, ctx, { action: 'study.note.create', entityType: 'study_note', entityId: row.id, after: { writtenOn, photos: input.photoFileIds.length, length: input.content.length } });
    return toNote(row, member.name);
  });
}

/** Member-role users see their own notes; others see notes of members in scope (optionally one member). */
export async function listNotes(ctx: ActorContext, q: { memberId?: string }) {
  const own = ctx.actor.roles.length === 1 && ctx.actor.roles[0] === 'member';
  if (own && !ctx.actor.memberId) return { items: [] };
  const memberFilter = own ? ctx.actor.memberId : q.memberId;
  const rows = await ctx.db
    .select({ n: studyNotes, name: members.name })
    .from(studyNotes)
    .innerJoin(members, and(eq(members.tenantId, studyNotes.tenantId), eq(members.id, studyNotes.memberId)))
    .where(and(eq(studyNotes.tenantId, ctx.tenantId), own ? undefined : inScope(ctx, members.orgId), memberFilter ? eq(studyNotes.memberId, memberFilter) : undefined))
    .orderBy(desc(studyNotes.writtenOn), asc(studyNotes.createdAt))
    .limit(200);
  return { items: rows.map((r) => toNote(r.n, r.name)) };
}

/** Number of notes each member wrote between two dates (inclusive). */
export async function noteCounts(db: Db, tenantId: number, memberIds: string[], from: string, to: string): Promise<Map<string, number>> {
  if (memberIds.length === 0) return new Map();
  const rows = await db
    .select({ id: studyNotes.memberId, n: sql<number>`count(*)::int` })
    .from(studyNotes)
    .where(and(eq(studyNotes.tenantId, tenantId), inArray(studyNotes.memberId, memberIds), gte(studyNotes.writtenOn, from), lte(studyNotes.writtenOn, to)))
    .groupBy(studyNotes.memberId);
  return new Map(rows.map((r) => [r.id, r.n]));
}
