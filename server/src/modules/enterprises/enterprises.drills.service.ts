import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { fieldError } from '../../platform/errors.js';
import { offsetOf, type Paged } from '../../platform/pagination.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { recordAudit } from '../audit/index.js';
import { getOrgInScope, inScope, orgNames } from '../org-units/index.js';
import type { CreateDrillBody, DrillResponse, ListDrillsQuery } from './enterprises.schema.js';
import { getEnterpriseInScope } from './enterprises.service.js';
import { emergencyDrills } from './enterprises.table.js';

type DrillRow = typeof emergencyDrills.$inferSelect;

async function toResponses(ctx: ActorContext, rows: DrillRow[]): Promise<DrillResponse[]> {
  const names = await orgNames(ctx, rows.map((r) => r.orgId));
  return rows.map((d) => ({
    id: d.id,
    orgId: d.orgId,
    orgName: names.get(d.orgId) ?? '',
    enterpriseId: d.enterpriseId,
    heldOn: d.heldOn,
    title: d.title,
    location: d.location,
    participants: d.participants,
    notes: d.notes,
  }));
}

export async function listDrills(ctx: ActorContext, q: ListDrillsQuery): Promise<Paged<DrillResponse>> {
  const conds: SQL[] = [eq(emergencyDrills.tenantId, ctx.tenantId), inScope(ctx, emergencyDrills.orgId)];
  if (q.from) conds.push(gte(emergencyDrills.heldOn, q.from));
  if (q.to) conds.push(lte(emergencyDrills.heldOn, q.to));
  const where = and(...conds);
  const [{ total }] = await ctx.db.select({ total: count() }).from(emergencyDrills).where(where);
  const rows = await ctx.db.select().from(emergencyDrills).where(where).orderBy(desc(emergencyDrills.heldOn)).limit(q.pageSize).offset(offsetOf(q));
  return { items: await toResponses(ctx, rows), total, page: q.page, pageSize: q.pageSize };
}

/** Records an emergency drill (应急预案演练) held in scope, at a unit or a village/community. */
export async function recordDrill(ctx: ActorContext, input: CreateDrillBody): Promise<DrillResponse> {
  if (input.heldOn > shanghaiDate()) throw fieldError('heldOn', '演练日期不能晚于今天');
  const row = await ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(ctx, input.orgId, tx);
    if (input.enterpriseId) {
      const e = await getEnterpriseInScope(ctx, input.enterpriseId, tx);
      if (e.orgId !== org.id) throw fieldError('enterpriseId', '单位不属于所选村（社区）');
    }
    const [d] = await tx
      .insert(emergencyDrills)
      .values({
        tenantId: ctx.tenantId,
        orgId: org.id,
        enterpriseId: input.enterpriseId ?? null,
        heldOn: input.heldOn,
        title: input.title,
        location: input.location,
        participants: input.participants,
        notes: input.notes ?? null,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'enterprise.drill', entityType: 'emergency_drill', entityId: d.id, after: { heldOn: d.heldOn, title: d.title, orgId: d.orgId } });
    return d;
  });
  const [r] = await toResponses(ctx, [row]);
  return r;
}
