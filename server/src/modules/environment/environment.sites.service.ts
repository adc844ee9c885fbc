import { and, count, desc, eq } from 'drizzle-orm';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { offsetOf, type PageQuery, type Paged } from '../../platform/pagination.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { recordAudit } from '../audit/index.js';
import { getOrgInScope, inScope, orgNames } from '../org-units/index.js';
import { openRectificationItem, rectificationStatesBySource } from '../rectification/index.js';
import type { CreateSiteBody, SiteCheckBody, SiteCheckResponse, SiteResponse } from './environment.schema.js';
import { constructionSites, siteDailyChecks, siteStandardKeys, type SiteStandardKey } from './environment.table.js';

type SiteRow = typeof constructionSites.$inferSelect;

export const siteStandardLabels: Record<SiteStandardKey, string> = {
  fencing: '施工工地周边100%围挡',
  stockpileCovered: '物料堆放100%覆盖',
  vehicleWashing: '出入车辆100%冲洗',
  groundHardened: '施工现场地面100%硬化',
  wetDemolition: '拆迁工地100%湿法作业',
  sealedTransport: '渣土车辆100%密闭运输',
  monitoringInstalled: '在线监测和视频监控100%安装',
  machineryCompliant: '非道路移动机械100%达标',
};

async function loadSite(ctx: ActorContext, id: string, db = ctx.db): Promise<SiteRow> {
  const [row] = await db
    .select()
    .from(constructionSites)
    .where(and(eq(constructionSites.tenantId, ctx.tenantId), eq(constructionSites.id, id), inScope(ctx, constructionSites.orgId)));
  if (!row) throw notFound('工地');
  return row;
}

async function toResponses(ctx: ActorContext, rows: SiteRow[]): Promise<SiteResponse[]> {
  const names = await orgNames(ctx, rows.map((r) => r.orgId));
  const result: SiteResponse[] = [];
  for (const s of rows) {
    const [last] = await ctx.db
      .select({ checkedOn: siteDailyChecks.checkedOn, allMet: siteDailyChecks.allMet })
      .from(siteDailyChecks)
      .where(and(eq(siteDailyChecks.tenantId, ctx.tenantId), eq(siteDailyChecks.siteId, s.id)))
      .orderBy(desc(siteDailyChecks.checkedOn))
      .limit(1);
    result.push({
      id: s.id,
      orgId: s.orgId,
      orgName: names.get(s.orgId) ?? '',
      name: s.name,
      address: s.address,
      stationedWorkerName: s.stationedWorkerName,
      stationedUserId: s.stationedUserId,
      active: s.active,
      lastCheckedOn: last?.checkedOn ?? null,
      lastAllMet: last?.allMet ?? null,
    });
  }
  return result;
}

/** 安置区工地 in scope with their stationed grid worker and latest daily check. */
export async function listSites(ctx: ActorContext): Promise<{ items: SiteResponse[] }> {
  const rows = await ctx.db
    .select()
    .from(constructionSites)
    .where(and(eq(constructionSites.tenantId, ctx.tenantId), inScope(ctx, constructionSites.orgId)))
    .orderBy(constructionSites.name);
  return { items: await toResponses(ctx, rows) };
}

export async function createSite(ctx: ActorContext, input: CreateSiteBody): Promise<SiteResponse> {
  const row = await ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(ctx, input.orgId, tx);
    const [s] = await tx
      .insert(constructionSites)
      .values({ tenantId: ctx.tenantId, orgId: org.id, name: input.name, address: input.address, stationedWorkerName: input.stationedWorkerName ?? null, stationedUserId: input.stationedUserId ?? null })
      .returning();
    await recordAudit(tx, ctx, { action: 'site.create', entityType: 'construction_site', entityId: s.id, after: { name: s.name, orgId: s.orgId, stationedWorkerName: s.stationedWorkerName } });
    return s;
  });
  const [r] = await toResponses(ctx, [row]);
  return r;
}

type CheckRow = typeof siteDailyChecks.$inferSelect;

async function toChecks(ctx: ActorContext, rows: CheckRow[]): Promise<SiteCheckResponse[]> {
  const items = await rectificationStatesBySource(ctx, 'environment_check', rows.filter((c) => !c.allMet).map((c) => c.id));
  return rows.map((c) => ({ id: c.id, siteId: c.siteId, checkedOn: c.checkedOn, checks: c.checks, allMet: c.allMet, note: c.note, checkerName: c.checkerName, rectification: items.get(c.id) ?? null }));
}

export async function listSiteChecks(ctx: ActorContext, siteId: string, q: PageQuery): Promise<Paged<SiteCheckResponse>> {
  await loadSite(ctx, siteId);
  const where = and(eq(siteDailyChecks.tenantId, ctx.tenantId), eq(siteDailyChecks.siteId, siteId));
  const [{ total }] = await ctx.db.select({ total: count() }).from(siteDailyChecks).where(where);
  const rows = await ctx.db.select().from(siteDailyChecks).where(where).orderBy(desc(siteDailyChecks.checkedOn)).limit(q.pageSize).offset(offsetOf(q));
  return { items: await toChecks(ctx, rows), total, page: q.page, pageSize: q.pageSize };
}

/**
 * One daily check per site per day against the 8个100% standard; an unmet item needs a note, and a failed
 * check opens a rectification item (source environment_check) for the stationed grid worker.
 */
export async function recordSiteCheck(ctx: ActorContext, siteId: string, input: SiteCheckBody): Promise<SiteCheckResponse> {
  if (input.checkedOn > shanghaiDate()) throw fieldError('checkedOn', '检查日期不能晚于今天');
  const allMet = siteStandardKeys.every((k) => input.checks[k]);
  if (!allMet && !input.note) throw fieldError('note', '有未达标项时请说明问题及督促措施');
  const row = await ctx.db.transaction(async (tx) => {
    const site = await loadSite(ctx, siteId, tx);
    if (!site.active) throw new AppError('INVALID_STATE', '该工地已停用');
    const [dup] = await tx
      .select({ id: siteDailyChecks.id })
      .from(siteDailyChecks)
      .where(and(eq(siteDailyChecks.tenantId, ctx.tenantId), eq(siteDailyChecks.siteId, siteId), eq(siteDailyChecks.checkedOn, input.checkedOn)));
    if (dup) throw new AppError('CONFLICT', '该工地当天已登记过日常检查');
    const [c] = await tx
      .insert(siteDailyChecks)
      .values({ tenantId: ctx.tenantId, siteId, orgId: site.orgId, checkedOn: input.checkedOn, checks: input.checks, allMet, note: input.note ?? null, checkerName: ctx.actor.displayName, checkerUserId: ctx.actor.userId })
      .returning();
    await recordAudit(tx, ctx, { action: 'site.check', entityType: 'construction_site', entityId: siteId, after: { checkedOn: c.checkedOn, allMet } });
    if (!allMet) {
      const unmet = siteStandardKeys.filter((k) => !input.checks[k]).map((k) => siteStandardLabels[k]);
      await openRectificationItem(tx, { ...ctx, db: tx }, {
        sourceKind: 'environment_check',
        sourceId: c.id,
        orgId: site.orgId,
        title: `工地日常检查未达标：${site.name}（${c.checkedOn}）`,
        description: `未达标项：${unmet.join('；')}`,
        measures: input.note ?? '',
        responsibleName: site.stationedWorkerName ?? ctx.actor.displayName,
        responsibleUserId: site.stationedUserId,
        deadline: { workingDays: input.rectifyWithinWorkingDays ?? 1 },
      });
    }
    return c;
  });
  const [r] = await toChecks(ctx, [row]);
  return r;
}
