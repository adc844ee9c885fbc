import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { fieldError, notFound } from '../../platform/errors.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { recordAudit } from '../audit/index.js';
import { assertFilesExist } from '../files/index.js';
import { members } from '../members/members.table.js';
import { getOrgInScope, inScope, orgNames, orgUnits } from '../org-units/index.js';
import { openRectificationItem, rectificationStatesBySource, reopenBySource } from '../rectification/index.js';
import type { AssignSupervisorBody, CreateDisciplineBody, CreateFeedbackBody, RecheckBody } from './discipline.schema.js';
import { disciplineRecords, feedbackItems, supervisorAssignments } from './discipline.table.js';

/** Inspection feedback items in scope, with their state in the rectification ledger. */
export async function listFeedback(ctx: ActorContext) {
  const rows = await ctx.db
    .select()
    .from(feedbackItems)
    .where(and(eq(feedbackItems.tenantId, ctx.tenantId), inScope(ctx, feedbackItems.orgId)))
    .orderBy(asc(feedbackItems.deadline), asc(feedbackItems.createdAt));
  const names = await orgNames(ctx, rows.map((r) => r.orgId));
  const states = await rectificationStatesBySource(ctx, 'inspection_feedback', rows.map((r) => r.id));
  const items = rows.map((r) => {
    const st = states.get(r.id);
    return {
      id: r.id,
      inspection: r.inspection,
      problem: r.problem,
      measures: r.measures,
      orgId: r.orgId,
      orgName: names.get(r.orgId) ?? '',
      responsibleName: r.responsibleName,
      deadline: st?.deadline ?? r.deadline,
      evidenceFileIds: r.evidenceFileIds,
      rectificationItemId: r.rectificationItemId,
      state: st?.state ?? null,
      overdue: st?.overdue ?? false,
    };
  });
  return { items, summary: { total: items.length, closed: items.filter((i) => i.state === 'closed').length, overdue: items.filter((i) => i.overdue).length } };
}

/** Problems from one inspection, entered once: each opens an item in the rectification ledger. */
export async function createFeedback(ctx: ActorContext, input: CreateFeedbackBody) {
  const today = shanghaiDate();
  input.items.forEach((item, i) => {
    if (item.deadline < today) throw fieldError(`items.${i}.deadline`, '整改期限不能早于今天');
  });
  await assertFilesExist(ctx, input.items.flatMap((i) => i.evidenceFileIds));
  await ctx.db.transaction(async (tx) => {
    for (const item of input.items) {
      await getOrgInScope(ctx, item.orgId, tx);
      const [row] = await tx.insert(feedbackItems).values({ tenantId: ctx.tenantId, inspection: input.inspection, ...item, createdBy: ctx.actor.userId }).returning();
      const opened = await openRectificationItem(tx, { ...ctx, db: tx }, {
        sourceKind: 'inspection_feedback',
        sourceId: row.id,
        orgId: item.orgId,
        title: item.problem,
        measures: item.measures,
        responsibleName: item.responsibleName,
        deadline: { date: item.deadline },
        evidenceFileIds: item.evidenceFileIds,
      });
      await tx.update(feedbackItems).set({ rectificationItemId: opened.id }).where(and(eq(feedbackItems.tenantId, ctx.tenantId), eq(feedbackItems.id, row.id)));
      await recordAudit(tx, ctx, { action: 'feedback.create', entityType: 'inspection_feedback', entityId: row.id, after: { inspection: input.inspection, problem: item.problem, orgId: item.orgId, deadline: item.deadline, rectificationItemId: opened.id } });
    }
  });
  return listFeedback(ctx);
}

/** 回头看: records the re-check; when the problem has come back, re-opens the item in the ledger. */
export async function recheckFeedback(ctx: ActorContext, id: string, input: RecheckBody) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(feedbackItems).where(and(eq(feedbackItems.tenantId, ctx.tenantId), eq(feedbackItems.id, id), inScope(ctx, feedbackItems.orgId)));
    if (!row) throw notFound('巡视反馈问题');
    if (input.reopen) await reopenBySource(tx, { ...ctx, db: tx }, 'inspection_feedback', id, `回头看：${input.reason}`);
    await recordAudit(tx, ctx, { action: input.reopen ? 'feedback.recheck.reopen' : 'feedback.recheck.confirm', entityType: 'inspection_feedback', entityId: id, reason: input.reason });
  });
  return listFeedback(ctx);
}

/** Discipline records in scope; the read itself is audited. */
export async function listDisciplineRecords(ctx: ActorContext) {
  const rows = await ctx.db
    .select({ r: disciplineRecords, memberName: members.name, orgName: orgUnits.name })
    .from(disciplineRecords)
    .innerJoin(members, and(eq(members.tenantId, disciplineRecords.tenantId), eq(members.id, disciplineRecords.memberId)))
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, disciplineRecords.tenantId), eq(orgUnits.id, disciplineRecords.orgId)))
    .where(and(eq(disciplineRecords.tenantId, ctx.tenantId), inScope(ctx, disciplineRecords.orgId)))
    .orderBy(desc(disciplineRecords.decidedOn));
  await recordAudit(ctx.db, ctx, { action: 'discipline.list', entityType: 'discipline_record', after: { count: rows.length, ids: rows.map((x) => x.r.id) } });
  return { items: rows.map(({ r, memberName, orgName }) => ({ id: r.id, memberId: r.memberId, memberName, orgId: r.orgId, orgName, decidedOn: r.decidedOn, kind: r.kind, outcome: r.outcome })) };
}

/** One discipline record; every read is written to the audit chain. */
export async function getDisciplineRecord(ctx: ActorContext, id: string) {
  const [row] = await ctx.db
    .select({ r: disciplineRecords, memberName: members.name, orgName: orgUnits.name })
    .from(disciplineRecords)
    .innerJoin(members, and(eq(members.tenantId, disciplineRecords.tenantId), eq(members.id, disciplineRecords.memberId)))
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, disciplineRecords.tenantId), eq(orgUnits.id, disciplineRecords.orgId)))
    .where(and(eq(disciplineRecords.tenantId, ctx.tenantId), eq(disciplineRecords.id, id), inScope(ctx, disciplineRecords.orgId)));
  if (!row) throw notFound('违纪处理记录');
  await recordAudit(ctx.db, ctx, { action: 'discipline.read', entityType: 'discipline_record', entityId: id });
  const { r, memberName, orgName } = row;
  return { id: r.id, memberId: r.memberId, memberName, orgId: r.orgId, orgName, decidedOn: r.decidedOn, kind: r.kind, outcome: r.outcome };
}

export async function createDisciplineRecord(ctx: ActorContext, input: CreateDisciplineBody) {
  const id = await ctx.db.transaction(async (tx) => {
    const [member] = await tx.select().from(members).where(and(eq(members.tenantId, ctx.tenantId), eq(members.id, input.memberId), inScope(ctx, members.orgId)));
    if (!member) throw fieldError('memberId', '党员不存在');
    if (input.decidedOn > shanghaiDate()) throw fieldError('decidedOn', '处理日期不能晚于今天');
    const [row] = await tx.insert(disciplineRecords).values({ tenantId: ctx.tenantId, memberId: member.id, orgId: member.orgId, decidedOn: input.decidedOn, kind: input.kind, outcome: input.outcome, createdBy: ctx.actor.userId }).returning();
    await recordAudit(tx, ctx, { action: 'discipline.create', entityType: 'discipline_record', entityId: row.id, after: { memberId: member.id, decidedOn: input.decidedOn, kind: input.kind } });
    return row.id;
  });
  return getDisciplineRecord(ctx, id);
}

const supervisedKinds = ['street_committee', 'village', 'community', 'non_public', 'social_org'] as const;

/** 纪检监察全覆盖: every unit in scope down to villages/communities and resident units, with its supervisor if any. */
export async function supervisionCoverage(ctx: ActorContext) {
  const units = await ctx.db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, supervisorName: supervisorAssignments.supervisorName, since: supervisorAssignments.since })
    .from(orgUnits)
    .leftJoin(supervisorAssignments, and(eq(supervisorAssignments.tenantId, orgUnits.tenantId), eq(supervisorAssignments.orgId, orgUnits.id)))
    .where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.status, 'active'), inArray(orgUnits.kind, [...supervisedKinds]), sql`${orgUnits.path} like ${ctx.actor.scopePath + '%'}`))
    .orderBy(asc(orgUnits.depth), asc(orgUnits.sortOrder), asc(orgUnits.name));
  return {
    items: units.map((u) => ({ orgId: u.id, orgName: u.name, orgKind: u.kind, supervisorName: u.supervisorName, since: u.since })),
    covered: units.filter((u) => u.supervisorName !== null).length,
    total: units.length,
  };
}

export async function assignSupervisor(ctx: ActorContext, input: AssignSupervisorBody) {
  await ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(ctx, input.orgId, tx);
    if (!(supervisedKinds as readonly string[]).includes(org.kind)) throw fieldError('orgId', '监察专员按街道、村（社区）和驻区单位派驻');
    const [before] = await tx.select().from(supervisorAssignments).where(and(eq(supervisorAssignments.tenantId, ctx.tenantId), eq(supervisorAssignments.orgId, org.id)));
    if (before) {
      await tx
        .update(supervisorAssignments)
        .set({ supervisorName: input.supervisorName, userId: input.userId ?? null, since: input.since ?? shanghaiDate() })
        .where(and(eq(supervisorAssignments.tenantId, ctx.tenantId), eq(supervisorAssignments.id, before.id)));
    } else {
      await tx.insert(supervisorAssignments).values({ tenantId: ctx.tenantId, orgId: org.id, supervisorName: input.supervisorName, userId: input.userId ?? null, since: input.since ?? shanghaiDate() });
    }
    await recordAudit(tx, ctx, { action: 'supervision.assign', entityType: 'org_unit', entityId: org.id, before: before ? { supervisorName: before.supervisorName } : null, after: { supervisorName: input.supervisorName } });
  });
  return supervisionCoverage(ctx);
}

