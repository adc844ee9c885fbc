import { and, asc, count, desc, eq, gte, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { maskPhone } from '../../platform/masking.js';
import { can, type ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { recordAudit } from '../audit/index.js';
import { assertFilesExist } from '../files/index.js';
import { getOrgInScope, inScope, orgNames, orgUnits } from '../org-units/index.js';
import type { CreateAgreementBody, CreateNeedBody, CreateResourceBody, CreateUnitBody, DeliverBody } from './cobuild.schema.js';
import { cobuildAgreements, cobuildMemberReports, cobuildNeeds, cobuildProjects, cobuildResources, cobuildUnits, type NeedState } from './cobuild.table.js';

type Unit = typeof cobuildUnits.$inferSelect;
type Project = typeof cobuildProjects.$inferSelect;

/** Units the actor sees: its own unit (party org in scope) or units that report to a community in scope. */
function unitVisible(ctx: ActorContext): SQL {
  return or(inScope(ctx, cobuildUnits.orgId), inScope(ctx, sql`coalesce(${cobuildUnits.reportedOrgId}, ${cobuildUnits.orgId})`)) as SQL;
}

async function getUnitRow(ctx: ActorContext, id: string, db: Db = ctx.db): Promise<Unit> {
  const [u] = await db.select().from(cobuildUnits).where(and(eq(cobuildUnits.tenantId, ctx.tenantId), eq(cobuildUnits.id, id), unitVisible(ctx)));
  if (!u) throw notFound('共建单位');
  return u;
}

/** The unit the actor acts for: a unit contact's own unit; others (street admin) name it. */
async function actingUnit(ctx: ActorContext, unitId: string | undefined, db: Db): Promise<Unit> {
  if (unitId) {
    const [u] = await db.select().from(cobuildUnits).where(and(eq(cobuildUnits.tenantId, ctx.tenantId), eq(cobuildUnits.id, unitId), inScope(ctx, cobuildUnits.orgId)));
    if (!u) throw fieldError('unitId', '共建单位不存在');
    return u;
  }
  const [u] = await db.select().from(cobuildUnits).where(and(eq(cobuildUnits.tenantId, ctx.tenantId), inScope(ctx, cobuildUnits.orgId))).orderBy(asc(cobuildUnits.name)).limit(1);
  if (!u || !ctx.actor.roles.includes('unit_contact')) throw fieldError('unitId', '请选择共建单位');
  return u;
}

export async function listUnits(ctx: ActorContext) {
  const rows = await ctx.db
    .select({
      u: cobuildUnits,
      agreements: sql<number>`(select count(*)::int from ${cobuildAgreements} where ${cobuildAgreements.tenantId} = ${cobuildUnits.tenantId} and ${cobuildAgreements.unitId} = ${cobuildUnits.id})`,
      memberReports: sql<number>`(select count(*)::int from ${cobuildMemberReports} where ${cobuildMemberReports.tenantId} = ${cobuildUnits.tenantId} and ${cobuildMemberReports.unitId} = ${cobuildUnits.id})`,
      projects: sql<number>`(select count(*)::int from ${cobuildProjects} where ${cobuildProjects.tenantId} = ${cobuildUnits.tenantId} and ${cobuildProjects.unitId} = ${cobuildUnits.id})`,
    })
    .from(cobuildUnits)
    .where(and(eq(cobuildUnits.tenantId, ctx.tenantId), unitVisible(ctx)))
    .orderBy(asc(cobuildUnits.name));
  const names = await orgNames(ctx, rows.flatMap((r) => [r.u.orgId, ...(r.u.reportedOrgId ? [r.u.reportedOrgId] : [])]));
  return {
    items: rows.map(({ u, agreements, memberReports, projects }) => ({
      id: u.id,
      orgId: u.orgId,
      orgName: names.get(u.orgId) ?? '',
      name: u.name,
      kind: u.kind,
      contactName: u.contactName,
      contactPhoneMasked: u.contactPhoneMasked,
      reportedOrgId: u.reportedOrgId,
      reportedOrgName: u.reportedOrgId ? (names.get(u.reportedOrgId) ?? '') : null,
      reportedOn: u.reportedOn,
      agreements,
      memberReports,
      projects,
    })),
  };
}

export async function createUnit(ctx: ActorContext, input: CreateUnitBody) {
  return ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(ctx, input.orgId, tx);
    const [row] = await tx
      .insert(cobuildUnits)
      .values({ tenantId: ctx.tenantId, orgId: org.id, name: input.name, kind: input.kind, contactName: input.contactName, contactPhoneEnc: input.contactPhone ? ctx.services.cipher.encrypt(input.contactPhone) : null, contactPhoneMasked: input.contactPhone ? maskPhone(input.contactPhone) : null })
      .returning();
    await recordAudit(tx, ctx, { action: 'cobuild.unit.create', entityType: 'cobuild_unit', entityId: row.id, after: { name: row.name, kind: row.kind, contactPhone: row.contactPhoneMasked } });
    return row.id;
  });
}

async function communityInStreet(ctx: ActorContext, db: Db, orgId: string) {
  const [o] = await db.select({ kind: orgUnits.kind }).from(orgUnits).where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.id, orgId)));
  if (!o || (o.kind !== 'community' && o.kind !== 'village')) throw fieldError('communityOrgId', '请选择村/社区');
}

/** 双报到: the unit reports to a community (one community at a time). */
export async function reportToCommunity(ctx: ActorContext, unitId: string, input: { communityOrgId: string; date: string }) {
  return ctx.db.transaction(async (tx) => {
    const u = await actingUnit(ctx, unitId, tx);
    await communityInStreet(ctx, tx, input.communityOrgId);
    await tx.update(cobuildUnits).set({ reportedOrgId: input.communityOrgId, reportedOn: input.date, updatedAt: new Date() }).where(and(eq(cobuildUnits.tenantId, ctx.tenantId), eq(cobuildUnits.id, u.id)));
    await recordAudit(tx, ctx, { action: 'cobuild.unit.report', entityType: 'cobuild_unit', entityId: u.id, before: { reportedOrgId: u.reportedOrgId }, after: input });
  });
}

export async function createAgreement(ctx: ActorContext, unitId: string, input: CreateAgreementBody) {
  if (input.validTo && input.validTo < input.signedOn) throw fieldError('validTo', '有效期不能早于签订日期');
  return ctx.db.transaction(async (tx) => {
    const u = await getUnitRow(ctx, unitId, tx);
    await communityInStreet(ctx, tx, input.communityOrgId);
    const [row] = await tx.insert(cobuildAgreements).values({ tenantId: ctx.tenantId, unitId: u.id, communityOrgId: input.communityOrgId, title: input.title, signedOn: input.signedOn, validTo: input.validTo ?? null }).returning();
    await recordAudit(tx, ctx, { action: 'cobuild.agreement.create', entityType: 'cobuild_agreement', entityId: row.id, after: { unitId: u.id, title: row.title } });
    return row.id;
  });
}

export async function addMemberReport(ctx: ActorContext, unitId: string, input: { communityOrgId: string; memberName: string; reportedOn: string }) {
  return ctx.db.transaction(async (tx) => {
    const u = await actingUnit(ctx, unitId, tx);
    await communityInStreet(ctx, tx, input.communityOrgId);
    const [row] = await tx.insert(cobuildMemberReports).values({ tenantId: ctx.tenantId, unitId: u.id, communityOrgId: input.communityOrgId, memberName: input.memberName, reportedOn: input.reportedOn }).returning();
    await recordAudit(tx, ctx, { action: 'cobuild.member.report', entityType: 'cobuild_member_report', entityId: row.id, after: { unitId: u.id } });
    return row.id;
  });
}

/** Needs in scope; units (who may offer) also see every open need of the street: that is the list's purpose. */
export async function listNeeds(ctx: ActorContext, q: { state?: NeedState }) {
  const vis: SQL[] = [inScope(ctx, cobuildNeeds.orgId)];
  if (can(ctx, 'cobuild.offer')) vis.push(eq(cobuildNeeds.state, 'open'));
  const where: SQL[] = [eq(cobuildNeeds.tenantId, ctx.tenantId), or(...vis) as SQL];
  if (q.state) where.push(eq(cobuildNeeds.state, q.state));
  const rows = await ctx.db.select().from(cobuildNeeds).where(and(...where)).orderBy(desc(cobuildNeeds.postedOn), asc(cobuildNeeds.title));
  const names = await orgNames(ctx, rows.map((r) => r.orgId));
  return { items: rows.map((n) => ({ id: n.id, orgId: n.orgId, orgName: names.get(n.orgId) ?? '', title: n.title, description: n.description, category: n.category, state: n.state, postedOn: n.postedOn })) };
}

export async function createNeed(ctx: ActorContext, input: CreateNeedBody) {
  return ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(ctx, input.orgId, tx);
    if (org.kind !== 'community' && org.kind !== 'village') throw fieldError('orgId', '需求由村/社区发布');
    const [row] = await tx.insert(cobuildNeeds).values({ tenantId: ctx.tenantId, orgId: org.id, title: input.title, description: input.description, category: input.category, postedOn: shanghaiDate() }).returning();
    await recordAudit(tx, ctx, { action: 'cobuild.need.create', entityType: 'cobuild_need', entityId: row.id, after: { title: row.title } });
    return row.id;
  });
}

/** The resource list is the street's offer board: everyone with co-building access reads it. */
export async function listResources(ctx: ActorContext) {
  const rows = await ctx.db
    .select({ r: cobuildResources, unitName: cobuildUnits.name })
    .from(cobuildResources)
    .innerJoin(cobuildUnits, and(eq(cobuildUnits.tenantId, cobuildResources.tenantId), eq(cobuildUnits.id, cobuildResources.unitId)))
    .where(and(eq(cobuildResources.tenantId, ctx.tenantId), eq(cobuildResources.active, 1)))
    .orderBy(asc(cobuildUnits.name), asc(cobuildResources.title));
  return { items: rows.map(({ r, unitName }) => ({ id: r.id, unitId: r.unitId, unitName, title: r.title, description: r.description, category: r.category, offeredOn: r.offeredOn })) };
}

export async function createResource(ctx: ActorContext, input: CreateResourceBody) {
  return ctx.db.transaction(async (tx) => {
    const u = await actingUnit(ctx, input.unitId, tx);
    const [row] = await tx.insert(cobuildResources).values({ tenantId: ctx.tenantId, unitId: u.id, title: input.title, description: input.description, category: input.category, offeredOn: shanghaiDate() }).returning();
    await recordAudit(tx, ctx, { action: 'cobuild.resource.create', entityType: 'cobuild_resource', entityId: row.id, after: { unitId: u.id, title: row.title } });
    return row.id;
  });
}

function projectVisible(ctx: ActorContext): SQL {
  return or(inScope(ctx, cobuildProjects.orgId), sql`${cobuildProjects.unitId} in (select ${cobuildUnits.id} from ${cobuildUnits} where ${cobuildUnits.tenantId} = ${ctx.tenantId} and ${inScope(ctx, cobuildUnits.orgId)})`) as SQL;
}

async function toProjects(ctx: ActorContext, rows: Project[]) {
  const names = await orgNames(ctx, rows.map((r) => r.orgId));
  const units = rows.length ? await ctx.db.select({ id: cobuildUnits.id, name: cobuildUnits.name }).from(cobuildUnits).where(eq(cobuildUnits.tenantId, ctx.tenantId)) : [];
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  return rows.map((p) => ({
    id: p.id,
    needId: p.needId,
    unitId: p.unitId,
    unitName: unitNames.get(p.unitId) ?? '',
    orgId: p.orgId,
    orgName: names.get(p.orgId) ?? '',
    title: p.title,
    state: p.state,
    claimedOn: p.claimedOn,
    deliveredOn: p.deliveredOn,
    deliveryNote: p.deliveryNote,
    evidenceFileIds: p.evidenceFileIds,
    beneficiaries: p.beneficiaries,
    rating: p.rating,
    ratingComment: p.ratingComment,
  }));
}

export async function listCobuildProjects(ctx: ActorContext) {
  const rows = await ctx.db.select().from(cobuildProjects).where(and(eq(cobuildProjects.tenantId, ctx.tenantId), projectVisible(ctx))).orderBy(desc(cobuildProjects.claimedOn), asc(cobuildProjects.title));
  return { items: await toProjects(ctx, rows) };
}

/** A unit claims an open need (optionally with one of its resources): the need is matched and a project opens. */
export async function claimNeed(ctx: ActorContext, needId: string, input: { resourceId?: string; unitId?: string }) {
  return ctx.db.transaction(async (tx) => {
    const u = await actingUnit(ctx, input.unitId, tx);
    const [n] = await tx.select().from(cobuildNeeds).where(and(eq(cobuildNeeds.tenantId, ctx.tenantId), eq(cobuildNeeds.id, needId))).for('update');
    if (!n) throw notFound('需求');
    if (n.state !== 'open') throw new AppError('CONFLICT', '该需求已被认领');
    if (input.resourceId) {
      const [r] = await tx.select().from(cobuildResources).where(and(eq(cobuildResources.tenantId, ctx.tenantId), eq(cobuildResources.id, input.resourceId), eq(cobuildResources.unitId, u.id)));
      if (!r) throw fieldError('resourceId', '资源不属于本单位');
    }
    await tx.update(cobuildNeeds).set({ state: 'matched' }).where(and(eq(cobuildNeeds.tenantId, ctx.tenantId), eq(cobuildNeeds.id, needId)));
    const [p] = await tx.insert(cobuildProjects).values({ tenantId: ctx.tenantId, needId, unitId: u.id, resourceId: input.resourceId ?? null, orgId: n.orgId, title: n.title, claimedOn: shanghaiDate() }).returning();
    await recordAudit(tx, ctx, { action: 'cobuild.need.claim', entityType: 'cobuild_project', entityId: p.id, after: { needId, unitId: u.id } });
    return p.id;
  });
}

async function getProjectForUpdate(ctx: ActorContext, tx: Db, id: string, cond: SQL) {
  const [p] = await tx.select().from(cobuildProjects).where(and(eq(cobuildProjects.tenantId, ctx.tenantId), eq(cobuildProjects.id, id), cond)).for('update');
  if (!p) throw notFound('共建项目');
  return p;
}

/** The unit reports delivery with evidence. */
export async function deliverProject(ctx: ActorContext, id: string, input: DeliverBody) {
  if (input.date > shanghaiDate()) throw fieldError('date', '完成日期不能晚于今天');
  return ctx.db.transaction(async (tx) => {
    const p = await getProjectForUpdate(ctx, tx, id, sql`${cobuildProjects.unitId} in (select ${cobuildUnits.id} from ${cobuildUnits} where ${cobuildUnits.tenantId} = ${ctx.tenantId} and ${inScope(ctx, cobuildUnits.orgId)})`);
    if (p.state !== 'claimed') throw new AppError('INVALID_STATE', '该项目已提交完成');
    if (input.date < p.claimedOn) throw fieldError('date', '完成日期不能早于认领日期');
    await assertFilesExist({ ...ctx, db: tx }, input.evidenceFileIds);
    await tx.update(cobuildProjects).set({ state: 'delivered', deliveredOn: input.date, deliveryNote: input.note, evidenceFileIds: input.evidenceFileIds, beneficiaries: input.beneficiaries, updatedAt: new Date() }).where(and(eq(cobuildProjects.tenantId, ctx.tenantId), eq(cobuildProjects.id, id)));
    await recordAudit(tx, ctx, { action: 'cobuild.project.deliver', entityType: 'cobuild_project', entityId: id, after: { deliveredOn: input.date, beneficiaries: input.beneficiaries } });
  });
}

/** The community that posted the need rates the delivered project; the need closes. */
export async function rateProject(ctx: ActorContext, id: string, input: { rating: number; comment?: string }) {
  return ctx.db.transaction(async (tx) => {
    const p = await getProjectForUpdate(ctx, tx, id, inScope(ctx, cobuildProjects.orgId));
    if (p.state !== 'delivered') throw new AppError('INVALID_STATE', '项目完成后才能评价');
    await tx.update(cobuildProjects).set({ state: 'rated', rating: input.rating, ratingComment: input.comment ?? null, ratedOn: shanghaiDate(), updatedAt: new Date() }).where(and(eq(cobuildProjects.tenantId, ctx.tenantId), eq(cobuildProjects.id, id)));
    await tx.update(cobuildNeeds).set({ state: 'closed' }).where(and(eq(cobuildNeeds.tenantId, ctx.tenantId), eq(cobuildNeeds.id, p.needId)));
    await recordAudit(tx, ctx, { action: 'cobuild.project.rate', entityType: 'cobuild_project', entityId: id, after: { rating: input.rating } });
  });
}

/** A unit's yearly report, generated from its records (agreements, 双报到, resources, projects, ratings). */
export async function unitYearReport(ctx: ActorContext, unitId: string, year: number) {
  const u = await getUnitRow(ctx, unitId);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [{ agreements }] = await ctx.db.select({ agreements: count() }).from(cobuildAgreements).where(and(eq(cobuildAgreements.tenantId, ctx.tenantId), eq(cobuildAgreements.unitId, u.id), lte(cobuildAgreements.signedOn, to), or(sql`${cobuildAgreements.validTo} is null`, gte(cobuildAgreements.validTo, from))));
  const [{ memberReports }] = await ctx.db.select({ memberReports: count() }).from(cobuildMemberReports).where(and(eq(cobuildMemberReports.tenantId, ctx.tenantId), eq(cobuildMemberReports.unitId, u.id), lte(cobuildMemberReports.reportedOn, to)));
  const [{ resourcesOffered }] = await ctx.db.select({ resourcesOffered: count() }).from(cobuildResources).where(and(eq(cobuildResources.tenantId, ctx.tenantId), eq(cobuildResources.unitId, u.id), gte(cobuildResources.offeredOn, from), lte(cobuildResources.offeredOn, to)));
  const rows = await ctx.db.select().from(cobuildProjects).where(and(eq(cobuildProjects.tenantId, ctx.tenantId), eq(cobuildProjects.unitId, u.id), gte(cobuildProjects.claimedOn, from), lte(cobuildProjects.claimedOn, to))).orderBy(asc(cobuildProjects.claimedOn));
  const names = await orgNames(ctx, rows.map((r) => r.orgId));
  const delivered = rows.filter((p) => p.state !== 'claimed');
  const rated = rows.filter((p) => p.rating !== null);
  const averageRating = rated.length ? Math.round((rated.reduce((s, p) => s + (p.rating ?? 0), 0) / rated.length) * 10) / 10 : null;
  const beneficiaries = delivered.reduce((s, p) => s + p.beneficiaries, 0);
  const summary = `${year}年，${u.name}签订共建协议${agreements}份，在职党员到社区报到${memberReports}人次，提供资源${resourcesOffered}项，认领项目${rows.length}个，完成${delivered.length}个，服务群众${beneficiaries}人次${averageRating !== null ? `，社区评价平均${averageRating}分` : ''}。`;
  return {
    unitName: u.name,
    year,
    agreements,
    memberReports,
    resourcesOffered,
    projectsClaimed: rows.length,
    projectsDelivered: delivered.length,
    projectsRated: rated.length,
    averageRating,
    beneficiaries,
    projects: rows.map((p) => ({ title: p.title, orgName: names.get(p.orgId) ?? '', state: p.state, claimedOn: p.claimedOn, deliveredOn: p.deliveredOn, rating: p.rating })),
    summary,
  };
}
