import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { ActorContext } from '../../platform/request-context.js';
import { recordAudit } from '../audit/index.js';
import { assertFilesExist } from '../files/index.js';
import { getOrgInScope, inScope, orgUnits } from '../org-units/index.js';
import type { AssessCentreBody, CentreResponse, CreateCentreBody, PublishStandardBody, StandardResponse, UpdateCentreBody } from './service-centres.schema.js';
import { centreAssessments, centreStandardVersions, serviceCentres } from './service-centres.table.js';

type StandardRow = typeof centreStandardVersions.$inferSelect;

const centreOrgKinds = ['street_committee', 'village', 'community'];

function toStandard(s: StandardRow): StandardResponse {
  return { id: s.id, version: s.version, items: s.items, note: s.note, createdAt: s.createdAt.toISOString() };
}

/** The standard in force: the highest version. */
export async function currentStandard(db: Db, tenantId: number): Promise<StandardRow | null> {
  const [row] = await db
    .select()
    .from(centreStandardVersions)
    .where(eq(centreStandardVersions.tenantId, tenantId))
    .orderBy(desc(centreStandardVersions.version))
    .limit(1);
  return row ?? null;
}

export async function getStandard(ctx: ActorContext): Promise<StandardResponse | null> {
  const s = await currentStandard(ctx.db, ctx.tenantId);
  return s ? toStandard(s) : null;
}

/** Publishes a new checklist version; earlier assessments stay with the version they were made against. */
export async function publishStandard(ctx: ActorContext, input: PublishStandardBody): Promise<StandardResponse> {
  const keys = input.items.map((i) => i.key);
  if (new Set(keys).size !== keys.length) throw fieldError('items', '条目代码不能重复');
  return ctx.db.transaction(async (tx) => {
    const current = await currentStandard(tx, ctx.tenantId);
    const [row] = await tx
      .insert(centreStandardVersions)
      .values({ tenantId: ctx.tenantId, version: (current?.version ?? 0) + 1, items: input.items, note: input.note ?? null, createdBy: ctx.actor.userId })
      .returning();
    await recordAudit(tx, ctx, { action: 'centre.standard.publish', entityType: 'centre_standard', entityId: row.id, before: current ? { version: current.version, items: current.items } : null, after: { version: row.version, items: row.items } });
    return toStandard(row);
  });
}

/** Lists centres in scope with their state against the current standard, and the street's 达标率. */
export async function listCentres(ctx: ActorContext) {
  const standard = await currentStandard(ctx.db, ctx.tenantId);
  const rows = await ctx.db
    .select({ centre: serviceCentres, orgName: orgUnits.name, orgKind: orgUnits.kind })
    .from(serviceCentres)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, serviceCentres.tenantId), eq(orgUnits.id, serviceCentres.orgId)))
    .where(and(eq(serviceCentres.tenantId, ctx.tenantId), inScope(ctx, serviceCentres.orgId)))
    .orderBy(asc(orgUnits.kind), asc(orgUnits.sortOrder), asc(orgUnits.name));
  const latest = await latestAssessments(ctx.db, ctx.tenantId, standard, rows.map((r) => r.centre.id));
  const items = rows.map((r) => toCentre(r.centre, r.orgName, r.orgKind, standard, latest.get(r.centre.id)));
  const missingByItem = (standard?.items ?? []).map((it) => ({
    key: it.key,
    label: it.label,
    count: items.filter((c) => c.results !== null && c.results[it.key] !== true).length,
  }));
  const meeting = items.filter((c) => c.meetsStandard).length;
  return {
    items,
    standard: standard ? toStandard(standard) : null,
    summary: {
      total: items.length,
      meeting,
      rate: items.length ? Math.round((meeting * 1000) / items.length) / 10 : 0,
      notAssessed: items.filter((c) => c.results === null).length,
      missingByItem,
    },
  };
}

async function latestAssessments(db: Db, tenantId: number, standard: StandardRow | null, centreIds: string[]) {
  const map = new Map<string, typeof centreAssessments.$inferSelect>();
  if (!standard || centreIds.length === 0) return map;
  const rows = await db
    .select()
    .from(centreAssessments)
    .where(and(eq(centreAssessments.tenantId, tenantId), eq(centreAssessments.standardVersionId, standard.id), inArray(centreAssessments.centreId, centreIds)))
    .orderBy(desc(centreAssessments.assessedAt));
  for (const r of rows) if (!map.has(r.centreId)) map.set(r.centreId, r);
  return map;
}

function toCentre(
  c: typeof serviceCentres.$inferSelect,
  orgName: string,
  orgKind: string,
  standard: StandardRow | null,
  assessment: typeof centreAssessments.$inferSelect | undefined,
): CentreResponse {
  const results = assessment?.results ?? null;
  const missing = (standard?.items ?? []).filter((it) => results?.[it.key] !== true).map((it) => it.label);
  return {
    id: c.id,
    orgId: c.orgId,
    orgName,
    orgKind,
    name: c.name,
    address: c.address,
    areaM2: c.areaM2,
    openingHours: c.openingHours,
    photoFileIds: c.photoFileIds,
    transitional: c.transitional,
    assessedAt: assessment ? assessment.assessedAt.toISOString() : null,
    meetsStandard: Boolean(assessment?.meetsStandard),
    results,
    missing,
  };
}

async function getCentreInScope(ctx: ActorContext, id: string, db: Db = ctx.db) {
  const [row] = await db
    .select()
    .from(serviceCentres)
    .where(and(eq(serviceCentres.tenantId, ctx.tenantId), eq(serviceCentres.id, id), inScope(ctx, serviceCentres.orgId)));
  if (!row) throw notFound('阵地');
  return row;
}

async function centreResponseOf(ctx: ActorContext, db: Db, id: string): Promise<CentreResponse> {
  const c = await getCentreInScope(ctx, id, db);
  const org = await getOrgInScope(ctx, c.orgId, db);
  const standard = await currentStandard(db, ctx.tenantId);
  const latest = await latestAssessments(db, ctx.tenantId, standard, [c.id]);
  return toCentre(c, org.name, org.kind, standard, latest.get(c.id));
}

export async function getCentre(ctx: ActorContext, id: string): Promise<CentreResponse> {
  return centreResponseOf(ctx, ctx.db, id);
}

/** Registers the centre of a village, community or the street (one each). */
export async function createCentre(ctx: ActorContext, input: CreateCentreBody): Promise<CentreResponse> {
  return ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(ctx, input.orgId, tx);
    if (!centreOrgKinds.includes(org.kind)) throw fieldError('orgId', '只有街道、村、社区设立党群服务中心');
    await assertFilesExist({ ...ctx, db: tx }, input.photoFileIds);
    const [dup] = await tx.select({ id: serviceCentres.id }).from(serviceCentres).where(and(eq(serviceCentres.tenantId, ctx.tenantId), eq(serviceCentres.orgId, org.id)));
    if (dup) throw new AppError('CONFLICT', `${org.name}已登记党群服务中心`);
    const [row] = await tx.insert(serviceCentres).values({ tenantId: ctx.tenantId, ...input }).returning();
    await recordAudit(tx, ctx, { action: 'centre.create', entityType: 'service_centre', entityId: row.id, after: { orgId: row.orgId, name: row.name, areaM2: row.areaM2 } });
    return centreResponseOf(ctx, tx, row.id);
  });
}

export async function updateCentre(ctx: ActorContext, id: string, input: UpdateCentreBody): Promise<CentreResponse> {
  return ctx.db.transaction(async (tx) => {
    const before = await getCentreInScope(ctx, id, tx);
    if (input.photoFileIds) await assertFilesExist({ ...ctx, db: tx }, input.photoFileIds);
    await tx
      .update(serviceCentres)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(serviceCentres.tenantId, ctx.tenantId), eq(serviceCentres.id, id)));
    const { createdAt: _c, updatedAt: _u, ...beforeFields } = before;
    await recordAudit(tx, ctx, { action: 'centre.update', entityType: 'service_centre', entityId: id, before: beforeFields, after: input });
    return centreResponseOf(ctx, tx, id);
  });
}

/** Checks a centre against the current standard: every item must be answered; it meets the standard when all are met. */
export async function assessCentre(ctx: ActorContext, id: string, input: AssessCentreBody): Promise<CentreResponse> {
  return ctx.db.transaction(async (tx) => {
    const centre = await getCentreInScope(ctx, id, tx);
    const standard = await currentStandard(tx, ctx.tenantId);
    if (!standard) throw new AppError('INVALID_STATE', '街道尚未发布阵地建设标准');
    const keys = standard.items.map((i) => i.key);
    const unknown = Object.keys(input.results).filter((k) => !keys.includes(k));
    if (unknown.length) throw fieldError('results', `标准中没有条目：${unknown.join('、')}`);
    const unanswered = standard.items.filter((i) => input.results[i.key] === undefined);
    if (unanswered.length) throw fieldError('results', `请逐项评定：${unanswered.map((i) => i.label).join('、')}`);
    const meets = keys.every((k) => input.results[k] === true);
    const [row] = await tx
      .insert(centreAssessments)
      .values({ tenantId: ctx.tenantId, centreId: centre.id, standardVersionId: standard.id, results: input.results, meetsStandard: meets, assessedBy: ctx.actor.userId })
      .returning();
    await recordAudit(tx, ctx, { action: 'centre.assess', entityType: 'service_centre', entityId: centre.id, after: { assessmentId: row.id, version: standard.version, results: input.results, meetsStandard: meets } });
    return centreResponseOf(ctx, tx, centre.id);
  });
}

/** SQL for the metrics: centres under a path and whether their latest assessment against the current standard meets it. */
export const centreStandardSql = {
  latestMeets: (tenantId: number) => sql`(
    select a.meets_standard from ${centreAssessments} a
    where a.tenant_id = ${tenantId} and a.centre_id = ${serviceCentres.id}
      and a.standard_version_id = (select v.id from ${centreStandardVersions} v where v.tenant_id = ${tenantId} order by v.version desc limit 1)
    order by a.assessed_at desc limit 1)`,
};
