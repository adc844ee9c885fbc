import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { users } from '../accounts/accounts.table.js';
import { recordAudit } from '../audit/index.js';
import { members } from '../members/members.table.js';
import { getOrgInScope, inScope, orgUnits } from '../org-units/index.js';
import { rectificationItems } from '../rectification/rectification.table.js';
import { centreStandardSql } from '../service-centres/index.js';
import { serviceCentres } from '../service-centres/service-centres.table.js';
import { tourStops, tours } from '../tours/tours.table.js';
import type { AddTrainingBody, AssignOrgBody, CreateInstructorBody, InstructorDetail, UpdateInstructorBody } from './instructors.schema.js';
import { instructorAssignments, instructors, instructorTrainings } from './instructors.table.js';

type InstructorRow = typeof instructors.$inferSelect;

/** Instructors visible to the actor: those guiding an org in scope, plus unassigned ones for street-level actors. */
function visible(ctx: ActorContext) {
  return sql`(exists (select 1 from ${instructorAssignments} ia where ia.tenant_id = ${ctx.tenantId} and ia.instructor_id = ${instructors.id} and ${inScope(ctx, sql`ia.org_id`)})
    or (not exists (select 1 from ${instructorAssignments} ib where ib.tenant_id = ${ctx.tenantId} and ib.instructor_id = ${instructors.id})
        and ${ctx.actor.scopeOrgId} in (select ${orgUnits.id} from ${orgUnits} where ${orgUnits.tenantId} = ${ctx.tenantId} and ${orgUnits.kind} = 'street_committee')))`;
}

async function summaries(ctx: ActorContext, rows: InstructorRow[]) {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const orgCounts = await ctx.db
    .select({ id: instructorAssignments.instructorId, n: sql<number>`count(*)::int` })
    .from(instructorAssignments)
    .where(and(eq(instructorAssignments.tenantId, ctx.tenantId), inArray(instructorAssignments.instructorId, ids)))
    .groupBy(instructorAssignments.instructorId);
  const hours = await ctx.db
    .select({ id: instructorTrainings.instructorId, n: sql<number>`coalesce(sum(${instructorTrainings.hours}),0)::int` })
    .from(instructorTrainings)
    .where(and(eq(instructorTrainings.tenantId, ctx.tenantId), inArray(instructorTrainings.instructorId, ids)))
    .groupBy(instructorTrainings.instructorId);
  const oc = new Map(orgCounts.map((r) => [r.id, r.n]));
  const hc = new Map(hours.map((r) => [r.id, r.n]));
  return rows.map((r) => ({ id: r.id, name: r.name, userId: r.userId, hiredOn: r.hiredOn, status: r.status, orgCount: oc.get(r.id) ?? 0, trainingHours: hc.get(r.id) ?? 0 }));
}

export async function listInstructors(ctx: ActorContext) {
  const rows = await ctx.db.select().from(instructors).where(and(eq(instructors.tenantId, ctx.tenantId), visible(ctx))).orderBy(asc(instructors.name));
  return { items: await summaries(ctx, rows) };
}

async function getInstructorRow(ctx: ActorContext, id: string): Promise<InstructorRow> {
  const [row] = await ctx.db.select().from(instructors).where(and(eq(instructors.tenantId, ctx.tenantId), eq(instructors.id, id), visible(ctx)));
  if (!row) throw notFound('党建指导员');
  return row;
}

interface OrgStateRow {
  org_id: string;
  org_name: string;
  org_kind: string;
  since: string;
  member_count: number;
  centre_meets: boolean | null;
  open_findings: number;
  overdue_findings: number;
  last_tour_score: number | null;
}

/** An instructor's page: training record and the state of every org they guide, at a glance. */
export async function getInstructor(ctx: ActorContext, id: string): Promise<InstructorDetail> {
  const row = await getInstructorRow(ctx, id);
  const [summary] = await summaries(ctx, [row]);
  const trainings = await ctx.db
    .select({ id: instructorTrainings.id, kind: instructorTrainings.kind, title: instructorTrainings.title, heldOn: instructorTrainings.heldOn, hours: instructorTrainings.hours })
    .from(instructorTrainings)
    .where(and(eq(instructorTrainings.tenantId, ctx.tenantId), eq(instructorTrainings.instructorId, id)))
    .orderBy(asc(instructorTrainings.heldOn));
  const today = shanghaiDate();
  const orgs = await queryRows<OrgStateRow>(
    ctx.db,
    sql`select o.id as org_id, o.name as org_name, o.kind as org_kind, a.since::text as since,
      (select count(*)::int from ${members} m join ${orgUnits} mo on mo.tenant_id = m.tenant_id and mo.id = m.org_id
        where m.tenant_id = ${ctx.tenantId} and m.state = 'active' and mo.path like o.path || '%') as member_count,
      (select ${centreStandardSql.latestMeets(ctx.tenantId)} from ${serviceCentres} where ${serviceCentres.tenantId} = ${ctx.tenantId} and ${serviceCentres.orgId} = o.id) as centre_meets,
      (select count(*)::int from ${rectificationItems} r join ${orgUnits} ro on ro.tenant_id = r.tenant_id and ro.id = r.org_id
        where r.tenant_id = ${ctx.tenantId} and r.state <> 'closed' and ro.path like o.path || '%') as open_findings,
      (select count(*)::int from ${rectificationItems} r join ${orgUnits} ro on ro.tenant_id = r.tenant_id and ro.id = r.org_id
        where r.tenant_id = ${ctx.tenantId} and r.state <> 'closed' and r.deadline < ${today} and ro.path like o.path || '%') as overdue_findings,
      (select s.total_score from ${tourStops} s join ${tours} t on t.tenant_id = s.tenant_id and t.id = s.tour_id
        where s.tenant_id = ${ctx.tenantId} and s.org_id = o.id and s.total_score is not null order by t.planned_on desc limit 1) as last_tour_score
    from ${instructorAssignments} a join ${orgUnits} o on o.tenant_id = a.tenant_id and o.id = a.org_id
    where a.tenant_id = ${ctx.tenantId} and a.instructor_id = ${id} and ${inScope(ctx, sql`a.org_id`)}
    order by o.kind, o.sort_order, o.name`,
  );
  return {
    ...summary,
    trainings,
    orgs: orgs.map((o) => ({
      orgId: o.org_id,
      orgName: o.org_name,
      orgKind: o.org_kind,
      since: o.since,
      memberCount: o.member_count,
      centreMeetsStandard: o.centre_meets,
      openFindings: o.open_findings,
      overdueFindings: o.overdue_findings,
      lastTourScore: o.last_tour_score,
    })),
  };
}

/** The instructor record linked to the signed-in user (an instructor's own page). */
export async function getMyInstructor(ctx: ActorContext): Promise<InstructorDetail> {
  const [row] = await ctx.db.select({ id: instructors.id }).from(instructors).where(and(eq(instructors.tenantId, ctx.tenantId), eq(instructors.userId, ctx.actor.userId)));
  if (!row) throw notFound('党建指导员档案');
  return getInstructor(ctx, row.id);
}

export async function createInstructor(ctx: ActorContext, input: CreateInstructorBody) {
  return ctx.db.transaction(async (tx) => {
    if (input.userId) {
      const [u] = await tx.select({ roles: users.roles }).from(users).where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, input.userId)));
      if (!u) throw fieldError('userId', '账号不存在');
      if (!u.roles.includes('instructor')) throw fieldError('userId', '该账号不是党建指导员角色');
    }
    const [row] = await tx.insert(instructors).values({ tenantId: ctx.tenantId, name: input.name, userId: input.userId ?? null, hiredOn: input.hiredOn ?? null }).returning();
    await recordAudit(tx, ctx, { action: 'instructor.create', entityType: 'instructor', entityId: row.id, after: { name: row.name, userId: row.userId } });
    const [summary] = await summaries({ ...ctx, db: tx }, [row]);
    return summary;
  });
}

/** Corrects an instructor's name or hire date, or marks them as having left. */
export async function updateInstructor(ctx: ActorContext, id: string, input: UpdateInstructorBody) {
  const before = await getInstructorRow(ctx, id);
  return ctx.db.transaction(async (tx) => {
    const patch = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.hiredOn !== undefined ? { hiredOn: input.hiredOn } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
    };
    const [row] = await tx
      .update(instructors)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(instructors.tenantId, ctx.tenantId), eq(instructors.id, id)))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'instructor.update',
      entityType: 'instructor',
      entityId: id,
      before: { name: before.name, hiredOn: before.hiredOn, status: before.status },
      after: { name: row.name, hiredOn: row.hiredOn, status: row.status },
    });
    const [summary] = await summaries({ ...ctx, db: tx }, [row]);
    return summary;
  });
}

export async function addTraining(ctx: ActorContext, id: string, input: AddTrainingBody) {
  await getInstructorRow(ctx, id);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(instructorTrainings).values({ tenantId: ctx.tenantId, instructorId: id, ...input }).returning();
    await recordAudit(tx, ctx, { action: 'instructor.training.add', entityType: 'instructor', entityId: id, after: input });
    return { id: row.id, kind: row.kind, title: row.title, heldOn: row.heldOn, hours: row.hours };
  });
}

const guidedKinds = ['village', 'community', 'non_public', 'social_org'];

/** Assigns an org (village, community, non-public or social organisation) to an instructor. */
export async function assignOrg(ctx: ActorContext, id: string, input: AssignOrgBody): Promise<InstructorDetail> {
  await getInstructorRow(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(ctx, input.orgId, tx);
    if (!guidedKinds.includes(org.kind)) throw fieldError('orgId', '指导员联系的应是村、社区、非公企业或社会组织党组织');
    const [dup] = await tx
      .select({ id: instructorAssignments.id })
      .from(instructorAssignments)
      .where(and(eq(instructorAssignments.tenantId, ctx.tenantId), eq(instructorAssignments.instructorId, id), eq(instructorAssignments.orgId, org.id)));
    if (dup) throw new AppError('CONFLICT', `已联系${org.name}`);
    await tx.insert(instructorAssignments).values({ tenantId: ctx.tenantId, instructorId: id, orgId: org.id, since: input.since ?? shanghaiDate() });
    await recordAudit(tx, ctx, { action: 'instructor.assign', entityType: 'instructor', entityId: id, after: { orgId: org.id } });
  });
  return getInstructor(ctx, id);
}

export async function unassignOrg(ctx: ActorContext, id: string, orgId: string): Promise<InstructorDetail> {
  await getInstructorRow(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await getOrgInScope(ctx, orgId, tx);
    const removed = await tx
      .delete(instructorAssignments)
      .where(and(eq(instructorAssignments.tenantId, ctx.tenantId), eq(instructorAssignments.instructorId, id), eq(instructorAssignments.orgId, orgId)))
      .returning();
    if (removed.length === 0) throw notFound('联系关系');
    await recordAudit(tx, ctx, { action: 'instructor.unassign', entityType: 'instructor', entityId: id, before: { orgId } });
  });
  return getInstructor(ctx, id);
}
