import { and, asc, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { fieldError, notFound } from '../../platform/errors.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { recordAudit } from '../audit/index.js';
import { getOrgInScope, inScope, orgNames, orgUnits, underPath } from '../org-units/index.js';
import { openRectificationItem } from '../rectification/index.js';
import { campaignItems, type CampaignItem, type CreateCampaignBody, type CreateFindingBody, type CreateTaskBody, type QuantitiesQuery, type RecordQuantityBody } from './campaigns.schema.js';
import { campaignFindings, campaignQuantities, campaigns, campaignTasks } from './campaigns.table.js';

function itemInfo(item: string) {
  return item in campaignItems ? campaignItems[item as CampaignItem] : { label: item, unit: '', kind: 'work' as const };
}

/** A campaign is visible when its org is in the actor's subtree or above it (the street's campaign reaches every village). */
function campaignVisible(ctx: ActorContext): SQL {
  return sql`(${inScope(ctx, campaigns.orgId)} or ${campaigns.orgId} in (select ${orgUnits.id} from ${orgUnits} where ${orgUnits.tenantId} = ${ctx.tenantId} and ${ctx.actor.scopePath} like ${orgUnits.path} || '%'))`;
}

export async function listCampaigns(ctx: ActorContext) {
  const rows = await ctx.db
    .select({
      c: campaigns,
      tasksTotal: sql<number>`(select count(*)::int from ${campaignTasks} where ${campaignTasks.tenantId} = ${campaigns.tenantId} and ${campaignTasks.campaignId} = ${campaigns.id})`,
      tasksDone: sql<number>`(select count(*)::int from ${campaignTasks} where ${campaignTasks.tenantId} = ${campaigns.tenantId} and ${campaignTasks.campaignId} = ${campaigns.id} and ${campaignTasks.doneOn} is not null)`,
    })
    .from(campaigns)
    .where(and(eq(campaigns.tenantId, ctx.tenantId), campaignVisible(ctx)))
    .orderBy(desc(campaigns.startsOn));
  const names = await orgNames(ctx, rows.map((r) => r.c.orgId));
  return { items: rows.map(({ c, tasksTotal, tasksDone }) => ({ id: c.id, orgId: c.orgId, orgName: names.get(c.orgId) ?? '', name: c.name, startsOn: c.startsOn, endsOn: c.endsOn, goal: c.goal, tasksTotal, tasksDone })) };
}

async function getCampaignRow(ctx: ActorContext, id: string, db: Db = ctx.db) {
  const [c] = await db.select().from(campaigns).where(and(eq(campaigns.tenantId, ctx.tenantId), eq(campaigns.id, id), campaignVisible(ctx)));
  if (!c) throw notFound('创建活动');
  return c;
}

export async function createCampaign(ctx: ActorContext, input: CreateCampaignBody) {
  if (input.endsOn && input.endsOn < input.startsOn) throw fieldError('endsOn', '结束日期不能早于开始日期');
  return ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(ctx, input.orgId, tx);
    const [row] = await tx.insert(campaigns).values({ tenantId: ctx.tenantId, orgId: org.id, name: input.name, startsOn: input.startsOn, endsOn: input.endsOn ?? null, goal: input.goal }).returning();
    await recordAudit(tx, ctx, { action: 'campaign.create', entityType: 'campaign', entityId: row.id, after: { name: row.name } });
    return row.id;
  });
}

export async function listTasks(ctx: ActorContext, campaignId: string) {
  await getCampaignRow(ctx, campaignId);
  const rows = await ctx.db
    .select()
    .from(campaignTasks)
    .where(and(eq(campaignTasks.tenantId, ctx.tenantId), eq(campaignTasks.campaignId, campaignId), inScope(ctx, campaignTasks.orgId)))
    .orderBy(asc(campaignTasks.targetKind), asc(campaignTasks.title));
  const names = await orgNames(ctx, rows.map((r) => r.orgId));
  return { items: rows.map((t) => ({ id: t.id, orgId: t.orgId, orgName: names.get(t.orgId) ?? '', title: t.title, targetKind: t.targetKind, targetName: t.targetName, dueOn: t.dueOn, doneOn: t.doneOn })) };
}

export async function createTask(ctx: ActorContext, campaignId: string, input: CreateTaskBody) {
  return ctx.db.transaction(async (tx) => {
    await getCampaignRow(ctx, campaignId, tx);
    const org = await getOrgInScope(ctx, input.orgId, tx);
    const [row] = await tx.insert(campaignTasks).values({ tenantId: ctx.tenantId, campaignId, orgId: org.id, title: input.title, targetKind: input.targetKind, targetName: input.targetName, dueOn: input.dueOn ?? null }).returning();
    await recordAudit(tx, ctx, { action: 'campaign.task.create', entityType: 'campaign_task', entityId: row.id, after: { title: row.title, targetName: row.targetName } });
    return row.id;
  });
}

export async function completeTask(ctx: ActorContext, taskId: string, doneOn: string) {
  if (doneOn > shanghaiDate()) throw fieldError('date', '完成日期不能晚于今天');
  return ctx.db.transaction(async (tx) => {
    const [t] = await tx.select().from(campaignTasks).where(and(eq(campaignTasks.tenantId, ctx.tenantId), eq(campaignTasks.id, taskId), inScope(ctx, campaignTasks.orgId)));
    if (!t) throw notFound('任务');
    await tx.update(campaignTasks).set({ doneOn }).where(and(eq(campaignTasks.tenantId, ctx.tenantId), eq(campaignTasks.id, taskId)));
    await recordAudit(tx, ctx, { action: 'campaign.task.complete', entityType: 'campaign_task', entityId: taskId, before: { doneOn: t.doneOn }, after: { doneOn } });
  });
}

/** One ledger line: an org in scope, a day within the campaign and not in the future, a non-negative quantity. */
export async function recordQuantity(ctx: ActorContext, campaignId: string, input: RecordQuantityBody) {
  if (input.quantity < 0) throw fieldError('quantity', '数量不能为负');
  if (input.day > shanghaiDate()) throw fieldError('day', '日期不能晚于今天');
  return ctx.db.transaction(async (tx) => {
    const c = await getCampaignRow(ctx, campaignId, tx);
    if (input.day < c.startsOn || (c.endsOn && input.day > c.endsOn)) throw fieldError('day', '日期不在活动期间内');
    const org = await getOrgInScope(ctx, input.orgId, tx);
    const info = itemInfo(input.item);
    const [row] = await tx
      .insert(campaignQuantities)
      .values({ tenantId: ctx.tenantId, campaignId, orgId: org.id, day: input.day, item: input.item, unit: info.unit, quantity: input.quantity, note: input.note, recordedBy: ctx.actor.userId })
      .returning();
    await recordAudit(tx, ctx, { action: 'campaign.quantity.record', entityType: 'campaign_quantity', entityId: row.id, after: { item: row.item, quantity: row.quantity, unit: row.unit, day: row.day } });
    return row.id;
  });
}

function quantityWhere(tenantId: number, campaignId: string | null, scope: SQL, q: { from?: string; to?: string; orgId?: string }): SQL {
  const where: SQL[] = [eq(campaignQuantities.tenantId, tenantId), scope];
  if (campaignId) where.push(eq(campaignQuantities.campaignId, campaignId));
  if (q.from) where.push(gte(campaignQuantities.day, q.from));
  if (q.to) where.push(lte(campaignQuantities.day, q.to));
  if (q.orgId) where.push(eq(campaignQuantities.orgId, q.orgId));
  return and(...where) as SQL;
}

export async function listQuantities(ctx: ActorContext, campaignId: string, q: QuantitiesQuery) {
  await getCampaignRow(ctx, campaignId);
  const where = quantityWhere(ctx.tenantId, campaignId, inScope(ctx, campaignQuantities.orgId), q);
  const [{ total }] = await ctx.db.select({ total: count() }).from(campaignQuantities).where(where);
  const rows = await ctx.db.select().from(campaignQuantities).where(where).orderBy(desc(campaignQuantities.day), asc(campaignQuantities.item)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const names = await orgNames(ctx, rows.map((r) => r.orgId));
  return {
    items: rows.map((r) => ({ id: r.id, orgId: r.orgId, orgName: names.get(r.orgId) ?? '', day: r.day, item: r.item, label: itemInfo(r.item).label, unit: r.unit, quantity: r.quantity, note: r.note })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Totals per item (and unit) over a period, optionally per month; summed from the ledger, never typed in. */
export async function sumQuantities(db: Db, tenantId: number, orgPath: string, q: { campaignId?: string; from?: string; to?: string; period?: 'all' | 'month'; item?: string }) {
  const byMonth = q.period === 'month';
  const period = byMonth ? sql<string>`to_char(${campaignQuantities.day}, 'YYYY-MM')` : sql<string>`min(${campaignQuantities.day})::text`;
  const where = quantityWhere(tenantId, q.campaignId ?? null, underPath(tenantId, orgPath, campaignQuantities.orgId), q);
  const base = db
    .select({ period, item: campaignQuantities.item, unit: campaignQuantities.unit, quantity: sql<number>`sum(${campaignQuantities.quantity})::bigint` })
    .from(campaignQuantities)
    .where(q.item ? and(where, eq(campaignQuantities.item, q.item)) : where);
  const rows = byMonth
    ? await base.groupBy(period, campaignQuantities.item, campaignQuantities.unit).orderBy(period, campaignQuantities.item)
    : await base.groupBy(campaignQuantities.item, campaignQuantities.unit).orderBy(campaignQuantities.item);
  return rows.map((r) => ({ period: byMonth ? r.period : '全部', item: r.item, label: itemInfo(r.item).label, unit: r.unit, kind: itemInfo(r.item).kind, quantity: Number(r.quantity) }));
}

export async function campaignTotals(ctx: ActorContext, campaignId: string, q: { from?: string; to?: string; period: 'all' | 'month' }) {
  await getCampaignRow(ctx, campaignId);
  return { items: await sumQuantities(ctx.db, ctx.tenantId, ctx.actor.scopePath, { ...q, campaignId }) };
}

export async function listFindings(ctx: ActorContext, campaignId: string) {
  await getCampaignRow(ctx, campaignId);
  const rows = await ctx.db
    .select()
    .from(campaignFindings)
    .where(and(eq(campaignFindings.tenantId, ctx.tenantId), eq(campaignFindings.campaignId, campaignId), inScope(ctx, campaignFindings.orgId)))
    .orderBy(desc(campaignFindings.checkedOn));
  const names = await orgNames(ctx, rows.map((r) => r.orgId));
  return { items: rows.map((f) => ({ id: f.id, orgId: f.orgId, orgName: names.get(f.orgId) ?? '', title: f.title, responsibleName: f.responsibleName, checkedOn: f.checkedOn, rectificationItemId: f.rectificationItemId })) };
}

/** Records a check finding; with a deadline it opens an item in the rectification ledger in the same transaction. */
export async function createFinding(ctx: ActorContext, campaignId: string, input: CreateFindingBody) {
  if (input.checkedOn > shanghaiDate()) throw fieldError('checkedOn', '检查日期不能晚于今天');
  return ctx.db.transaction(async (tx) => {
    await getCampaignRow(ctx, campaignId, tx);
    const org = await getOrgInScope(ctx, input.orgId, tx);
    const id = crypto.randomUUID();
    let itemId: string | null = null;
    if (input.rectifyWithinWorkingDays) {
      const item = await openRectificationItem(tx, ctx, { sourceKind: 'campaign_check', sourceId: id, orgId: org.id, title: input.title, responsibleName: input.responsibleName, deadline: { workingDays: input.rectifyWithinWorkingDays } });
      itemId = item.id;
    }
    await tx.insert(campaignFindings).values({ tenantId: ctx.tenantId, id, campaignId, orgId: org.id, title: input.title, responsibleName: input.responsibleName, checkedOn: input.checkedOn, rectificationItemId: itemId, createdBy: ctx.actor.userId });
    await recordAudit(tx, ctx, { action: 'campaign.finding.create', entityType: 'campaign_finding', entityId: id, after: { title: input.title, rectificationItemId: itemId } });
    return { id, rectificationItemId: itemId };
  });
}
