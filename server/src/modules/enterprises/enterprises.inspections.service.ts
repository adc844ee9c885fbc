import { and, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { fieldError, notFound } from '../../platform/errors.js';
import { offsetOf, type Paged } from '../../platform/pagination.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { recordAudit } from '../audit/index.js';
import { assertFilesExist } from '../files/index.js';
import { inScope, orgNames } from '../org-units/index.js';
import { fileFindingAsHazard } from './enterprises.hazard-link.js';
import type { CreateInspectionBody, InspectionResponse, ListInspectionsQuery } from './enterprises.schema.js';
import { getEnterpriseInScope } from './enterprises.service.js';
import { enterpriseInspections, enterprises, inspectionFindings } from './enterprises.table.js';

type InspectionRow = typeof enterpriseInspections.$inferSelect;
type Joined = { i: InspectionRow; name: string; category: (typeof enterprises.$inferSelect)['category'] };

async function toResponses(ctx: ActorContext, rows: Joined[]): Promise<InspectionResponse[]> {
  const names = await orgNames(ctx, rows.map((r) => r.i.orgId));
  const ids = rows.map((r) => r.i.id);
  const findings =
    ids.length === 0
      ? []
      : await ctx.db
          .select()
          .from(inspectionFindings)
          .where(and(eq(inspectionFindings.tenantId, ctx.tenantId), inArray(inspectionFindings.inspectionId, ids)))
          .orderBy(inspectionFindings.createdAt);
  return rows.map(({ i, name, category }) => ({
    id: i.id,
    enterpriseId: i.enterpriseId,
    enterpriseName: name,
    category,
    orgId: i.orgId,
    orgName: names.get(i.orgId) ?? '',
    inspectedOn: i.inspectedOn,
    topic: i.topic,
    departments: i.departments,
    joint: i.departments.length > 0,
    inspectorName: i.inspectorName,
    summary: i.summary,
    findingCount: i.findingCount,
    findings: findings.filter((f) => f.inspectionId === i.id).map((f) => ({ id: f.id, description: f.description, hazardId: f.hazardId })),
  }));
}

function filter(ctx: ActorContext, q: Partial<ListInspectionsQuery>): SQL {
  const conds: SQL[] = [eq(enterpriseInspections.tenantId, ctx.tenantId), inScope(ctx, enterpriseInspections.orgId)];
  if (q.enterpriseId) conds.push(eq(enterpriseInspections.enterpriseId, q.enterpriseId));
  if (q.category) conds.push(eq(enterprises.category, q.category));
  if (q.from) conds.push(gte(enterpriseInspections.inspectedOn, q.from));
  if (q.to) conds.push(lte(enterpriseInspections.inspectedOn, q.to));
  if (q.joint === 'true') conds.push(sql`cardinality(${enterpriseInspections.departments}) > 0`);
  if (q.joint === 'false') conds.push(sql`cardinality(${enterpriseInspections.departments}) = 0`);
  return and(...conds) as SQL;
}

function joinedQuery(ctx: ActorContext) {
  return ctx.db
    .select({ i: enterpriseInspections, name: enterprises.name, category: enterprises.category })
    .from(enterpriseInspections)
    .innerJoin(enterprises, and(eq(enterprises.tenantId, enterpriseInspections.tenantId), eq(enterprises.id, enterpriseInspections.enterpriseId)));
}

export async function listInspections(ctx: ActorContext, q: ListInspectionsQuery): Promise<Paged<InspectionResponse>> {
  const where = filter(ctx, q);
  const [{ total }] = await ctx.db
    .select({ total: count() })
    .from(enterpriseInspections)
    .innerJoin(enterprises, and(eq(enterprises.tenantId, enterpriseInspections.tenantId), eq(enterprises.id, enterpriseInspections.enterpriseId)))
    .where(where);
  const rows = await joinedQuery(ctx).where(where).orderBy(desc(enterpriseInspections.inspectedOn), desc(enterpriseInspections.createdAt)).limit(q.pageSize).offset(offsetOf(q));
  return { items: await toResponses(ctx, rows), total, page: q.page, pageSize: q.pageSize };
}

/** Every inspection in scope and period (ledger export). */
export async function listAllInspections(ctx: ActorContext, period: { from?: string; to?: string }): Promise<InspectionResponse[]> {
  const rows = await joinedQuery(ctx).where(filter(ctx, period)).orderBy(enterpriseInspections.inspectedOn, enterprises.name);
  return toResponses(ctx, rows);
}

export async function getInspection(ctx: ActorContext, id: string): Promise<InspectionResponse> {
  const rows = await joinedQuery(ctx).where(and(filter(ctx, {}), eq(enterpriseInspections.id, id)));
  if (rows.length === 0) throw notFound('检查记录');
  const [r] = await toResponses(ctx, rows);
  return r;
}

/**
 * Records an inspection of a unit in scope (alone or joint with other departments). Each finding
 * becomes a hazard in the same transaction, so an inspection is never saved without its hazards.
 */
export async function recordInspection(ctx: ActorContext, enterpriseId: string, input: CreateInspectionBody): Promise<InspectionResponse> {
  if (input.inspectedOn > shanghaiDate()) throw fieldError('inspectedOn', '检查日期不能晚于今天');
  const departments = [...new Set(input.departments)];
  const photoIds = input.findings.flatMap((f) => f.photoFileIds);
  if (photoIds.length > 0) await assertFilesExist(ctx, photoIds);
  const id = await ctx.db.transaction(async (tx) => {
    const e = await getEnterpriseInScope(ctx, enterpriseId, tx);
    if (e.status !== 'operating') throw fieldError('enterpriseId', '该单位已取缔或关闭，不能再登记检查');
    const [ins] = await tx
      .insert(enterpriseInspections)
      .values({
        tenantId: ctx.tenantId,
        enterpriseId: e.id,
        orgId: e.orgId,
        inspectedOn: input.inspectedOn,
        departments,
        topic: input.topic,
        inspectorName: ctx.actor.displayName,
        inspectorUserId: ctx.actor.userId,
        summary: input.summary ?? null,
        findingCount: input.findings.length,
      })
      .returning();
    for (const f of input.findings) {
      const hazardId = await fileFindingAsHazard(tx, ctx, {
        orgId: e.orgId,
        gridId: e.gridId,
        category: f.category,
        description: `${e.name}（${input.topic}）：${f.description}`,
        address: e.address,
        photoFileIds: f.photoFileIds,
        inspectionId: ins.id,
      });
      await tx.insert(inspectionFindings).values({ tenantId: ctx.tenantId, inspectionId: ins.id, description: f.description, hazardId });
    }
    await recordAudit(tx, ctx, {
      action: 'enterprise.inspect',
      entityType: 'enterprise_inspection',
      entityId: ins.id,
      after: { enterpriseId: e.id, inspectedOn: ins.inspectedOn, departments, findingCount: ins.findingCount },
    });
    return ins.id;
  });
  return getInspection(ctx, id);
}
