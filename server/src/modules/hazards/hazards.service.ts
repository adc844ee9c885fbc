import { and, eq, gte, inArray, isNull, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { recordAudit } from '../audit/index.js';
import { assertFilesExist, files } from '../files/index.js';
import { getOrgInScope, inScope, orgUnits } from '../org-units/index.js';
import { boundingBox, findGridAt, getBuildingInScope, getGridInScope, gridScope, grids, haversineMetres } from '../places/index.js';
import { openRectificationItem, rectificationItems, type RectificationState } from '../rectification/index.js';
import { hazardCategoryLabels } from './hazards.labels.js';
import type { CreateHazardBody, DeadlineFixBody, FixNowBody, HazardResponse, HazardStatus, LinkHazardBody, ListHazardsQuery } from './hazards.schema.js';
import { hazards, newestFirst, oldestFirst, type HazardSourceKind } from './hazards.table.js';

export type Hazard = typeof hazards.$inferSelect;

/** An immediate fix must close within 24 hours of the report (the report's definition of 立即整改). */
export const IMMEDIATE_FIX_WINDOW_MS = 24 * 3_600_000;
export const DUPLICATE_RADIUS_M = 50;

export type CreateHazardInput = Omit<CreateHazardBody, 'severity' | 'photoFileIds'> &
  Partial<Pick<CreateHazardBody, 'severity' | 'photoFileIds'>> & { sourceKind?: HazardSourceKind; sourceId?: string };

/** Hazard photos must be images (by sniffed content at upload), not PDFs or anything else. */
async function assertImages(ctx: ActorContext, ids: string[], path: string): Promise<void> {
  await assertFilesExist(ctx, ids);
  if (ids.length === 0) return;
  const rows = await ctx.db.select({ contentType: files.contentType }).from(files).where(and(eq(files.tenantId, ctx.tenantId), inArray(files.id, ids)));
  if (rows.some((r) => !r.contentType.startsWith('image/'))) throw fieldError(path, '隐患照片只能是图片');
}

function assertCoordinates(lat: number | undefined, lng: number | undefined, address: string | undefined) {
  if ((lat === undefined) !== (lng === undefined)) throw fieldError('lat', '经纬度须同时填写');
  if (lat !== undefined && (!Number.isFinite(lat) || lat < -90 || lat > 90)) throw fieldError('lat', '纬度应在 -90 到 90 之间');
  if (lng !== undefined && (!Number.isFinite(lng) || lng < -180 || lng > 180)) throw fieldError('lng', '经度应在 -180 到 180 之间');
  if (lat === undefined && !address?.trim()) throw fieldError('address', '请在地图上选点或填写地址');
}

/** Which village/community and grid a report belongs to: its building, its grid, the grid around its point, or the given unit. */
async function resolvePlace(tx: Db, ctx: ActorContext, input: CreateHazardInput): Promise<{ orgId: string; gridId: string | null; buildingId: string | null }> {
  if (input.buildingId) {
    const b = await getBuildingInScope(ctx, input.buildingId, tx);
    return { orgId: b.orgId, gridId: b.gridId, buildingId: b.id };
  }
  if (input.gridId) {
    const g = await getGridInScope(ctx, input.gridId, tx);
    return { orgId: g.orgId, gridId: g.id, buildingId: null };
  }
  if (input.lat !== undefined && input.lng !== undefined) {
    const g = await findGridAt(ctx, input.lat, input.lng, tx);
    if (g) return { orgId: g.orgId, gridId: g.id, buildingId: null };
  }
  if (input.orgId) {
    const o = await getOrgInScope(ctx, input.orgId, tx);
    return { orgId: o.id, gridId: null, buildingId: null };
  }
  return { orgId: ctx.actor.scopeOrgId, gridId: null, buildingId: null };
}

/**
 * Files a hazard inside the caller's transaction (reports, inspections). With `fixNow` it is closed
 * on the spot with evidence (立即整改).
 */
export async function createHazard(tx: Db, ctx: ActorContext, input: CreateHazardInput): Promise<{ id: string }> {
  assertCoordinates(input.lat, input.lng, input.address);
  const description = input.description.trim();
  if (!description) throw fieldError('description', '请描述隐患情况');
  const photos = input.photoFileIds ?? [];
  await assertImages(ctx, photos, 'photoFileIds');
  await assertFilesExist(ctx, input.fixNow?.evidenceFileIds ?? []);
  if (input.fixNow && input.fixNow.evidenceFileIds.length === 0) throw fieldError('fixNow.evidenceFileIds', '立即整改须上传整改后的照片');
  const place = await resolvePlace(tx, ctx, input);
  const now = new Date();
  const [row] = await tx
    .insert(hazards)
    .values({
      tenantId: ctx.tenantId,
      orgId: place.orgId,
      gridId: place.gridId,
      buildingId: place.buildingId,
      category: input.category,
      severity: input.severity ?? 'general',
      description,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      address: input.address?.trim() ?? '',
      photoFileIds: photos,
      sourceKind: input.sourceKind ?? 'report',
      sourceId: input.sourceId ?? null,
      reportedBy: ctx.actor.userId,
      reporterName: ctx.actor.displayName,
      reportedAt: now,
      reportedDate: shanghaiDate(now),
      ...(input.fixNow
        ? { resolution: 'immediate' as const, decidedBy: ctx.actor.userId, decidedAt: now, fixedAt: now, fixNote: input.fixNow.note, fixEvidenceFileIds: input.fixNow.evidenceFileIds }
        : {}),
    })
    .returning();
  await recordAudit(tx, ctx, {
    action: 'hazard.report',
    entityType: 'hazard',
    entityId: row.id,
    after: { category: row.category, severity: row.severity, orgId: row.orgId, gridId: row.gridId, resolution: row.resolution },
  });
  return { id: row.id };
}

export async function reportHazard(ctx: ActorContext, input: CreateHazardBody): Promise<{ id: string }> {
  return ctx.db.transaction((tx) => createHazard(tx, ctx, input));
}

async function loadHazardForUpdate(tx: Db, ctx: ActorContext, id: string): Promise<Hazard> {
  const [row] = await tx
    .select()
    .from(hazards)
    .where(and(eq(hazards.tenantId, ctx.tenantId), eq(hazards.id, id), inScope(ctx, hazards.orgId), gridScope(ctx, hazards.gridId, hazards.reportedBy)))
    .for('update');
  if (!row) throw notFound('隐患');
  return row;
}

/** The reporter or the street (admin, secretary, instructor) decides how a hazard is fixed. */
function assertMayDecide(ctx: ActorContext, h: Hazard) {
  const streetSide = ctx.actor.roles.some((r) => r === 'street_admin' || r === 'secretary' || r === 'instructor');
  if (!streetSide && h.reportedBy !== ctx.actor.userId) throw new AppError('FORBIDDEN', '只有上报人或街道可以决定整改方式');
  if (h.resolution) throw new AppError('INVALID_STATE', '该隐患已确定整改方式');
}

/** 立即整改: closes the hazard with evidence, only within 24 hours of the report. */
export async function fixHazardNow(ctx: ActorContext, id: string, input: FixNowBody): Promise<void> {
  await assertFilesExist(ctx, input.evidenceFileIds);
  await ctx.db.transaction(async (tx) => {
    const h = await loadHazardForUpdate(tx, ctx, id);
    assertMayDecide(ctx, h);
    const now = new Date();
    if (now.getTime() - h.reportedAt.getTime() > IMMEDIATE_FIX_WINDOW_MS) {
      throw new AppError('INVALID_STATE', '上报已超过24小时，不能按立即整改销号，请转为限期整改');
    }
    await tx
      .update(hazards)
      .set({ resolution: 'immediate', decidedBy: ctx.actor.userId, decidedAt: now, fixedAt: now, fixNote: input.note, fixEvidenceFileIds: input.evidenceFileIds, updatedAt: now })
      .where(and(eq(hazards.tenantId, ctx.tenantId), eq(hazards.id, id)));
    await recordAudit(tx, ctx, { action: 'hazard.fix_now', entityType: 'hazard', entityId: id, before: { resolution: null }, after: { resolution: 'immediate' } });
  });
}

/** 限期整改: opens a rectification item with responsible unit, person, measures and deadline. */
export async function fixHazardByDeadline(ctx: ActorContext, id: string, input: DeadlineFixBody): Promise<{ itemId: string; deadline: string }> {
  return ctx.db.transaction(async (tx) => {
    const h = await loadHazardForUpdate(tx, ctx, id);
    assertMayDecide(ctx, h);
    const item = await openRectificationItem(tx, ctx, {
      sourceKind: 'hazard',
      sourceId: h.id,
      orgId: input.orgId,
      title: `${hazardCategoryLabels[h.category]}隐患：${h.description.slice(0, 40)}`,
      description: [h.address, h.description].filter(Boolean).join(' '),
      measures: input.measures,
      responsibleName: input.responsibleName,
      responsibleUserId: input.responsibleUserId ?? null,
      deadline: input.deadline,
      evidenceFileIds: h.photoFileIds,
    });
    const now = new Date();
    await tx
      .update(hazards)
      .set({ resolution: 'deadline', decidedBy: ctx.actor.userId, decidedAt: now, rectificationItemId: item.id, updatedAt: now })
      .where(and(eq(hazards.tenantId, ctx.tenantId), eq(hazards.id, id)));
    await recordAudit(tx, ctx, { action: 'hazard.fix_by_deadline', entityType: 'hazard', entityId: id, after: { resolution: 'deadline', itemId: item.id, deadline: item.deadline } });
    return { itemId: item.id, deadline: item.deadline };
  });
}

/** Links a new sighting to an open hazard instead of filing a duplicate: its photos join the existing report. */
export async function linkToHazard(ctx: ActorContext, id: string, input: LinkHazardBody): Promise<void> {
  await assertImages(ctx, input.photoFileIds, 'photoFileIds');
  await ctx.db.transaction(async (tx) => {
    const h = await loadHazardForUpdate(tx, ctx, id);
    if (h.resolution === 'immediate' || h.resolution === 'duplicate') throw new AppError('INVALID_STATE', '该隐患已处理完毕，请重新上报');
    await tx
      .update(hazards)
      .set({ photoFileIds: [...new Set([...h.photoFileIds, ...input.photoFileIds])].slice(0, 30), reportCount: h.reportCount + 1, updatedAt: new Date() })
      .where(and(eq(hazards.tenantId, ctx.tenantId), eq(hazards.id, id)));
    await recordAudit(tx, ctx, { action: 'hazard.link', entityType: 'hazard', entityId: id, reason: input.note ?? null, after: { reportCount: h.reportCount + 1 } });
  });
}

const hazardColumns = {
  hazard: hazards,
  orgName: orgUnits.name,
  gridName: grids.name,
  itemState: rectificationItems.state,
  itemDeadline: rectificationItems.deadline,
};

type HazardRow = { hazard: Hazard; orgName: string | null; gridName: string | null; itemState: RectificationState | null; itemDeadline: string | null };

function baseQuery(db: Db) {
  return db
    .select(hazardColumns)
    .from(hazards)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, hazards.tenantId), eq(orgUnits.id, hazards.orgId)))
    .leftJoin(grids, and(eq(grids.tenantId, hazards.tenantId), eq(grids.id, hazards.gridId)))
    .leftJoin(rectificationItems, and(eq(rectificationItems.tenantId, hazards.tenantId), eq(rectificationItems.id, hazards.rectificationItemId)));
}

export function statusOf(resolution: Hazard['resolution'], itemState: string | null): HazardStatus {
  if (resolution === null) return 'pending';
  if (resolution === 'immediate') return 'fixed';
  if (resolution === 'duplicate') return 'merged';
  return itemState === 'closed' ? 'closed' : 'rectifying';
}

function toHazardResponse(r: HazardRow, today: string): HazardResponse {
  const h = r.hazard;
  const status = statusOf(h.resolution, r.itemState);
  return {
    id: h.id,
    orgId: h.orgId,
    orgName: r.orgName ?? '',
    gridId: h.gridId,
    gridName: r.gridName,
    buildingId: h.buildingId,
    category: h.category,
    severity: h.severity,
    description: h.description,
    lat: h.lat,
    lng: h.lng,
    address: h.address,
    photoFileIds: h.photoFileIds,
    sourceKind: h.sourceKind,
    reporterName: h.reporterName,
    reportedBy: h.reportedBy,
    reportedAt: h.reportedAt.toISOString(),
    reportCount: h.reportCount,
    resolution: h.resolution,
    status,
    fixedAt: h.fixedAt ? h.fixedAt.toISOString() : null,
    fixNote: h.fixNote,
    fixEvidenceFileIds: h.fixEvidenceFileIds,
    rectificationItemId: h.rectificationItemId,
    rectificationState: r.itemState,
    deadline: r.itemDeadline,
    overdue: status === 'rectifying' && r.itemDeadline !== null && r.itemDeadline < today,
    duplicateOfId: h.duplicateOfId,
  };
}

export async function getHazard(ctx: ActorContext, id: string): Promise<HazardResponse> {
  const [row] = await baseQuery(ctx.db).where(and(eq(hazards.tenantId, ctx.tenantId), eq(hazards.id, id), inScope(ctx, hazards.orgId), gridScope(ctx, hazards.gridId, hazards.reportedBy)));
  if (!row) throw notFound('隐患');
  return toHazardResponse(row, shanghaiDate());
}

/** SQL for "still open": not decided, or a deadline item not yet closed. */
export function hazardOpenCondition(): SQL {
  return sql`(${hazards.resolution} is null or (${hazards.resolution} = 'deadline' and ${rectificationItems.state} is distinct from 'closed'))`;
}

function statusCondition(status: HazardStatus): SQL {
  switch (status) {
    case 'pending':
      return isNull(hazards.resolution);
    case 'fixed':
      return eq(hazards.resolution, 'immediate');
    case 'merged':
      return eq(hazards.resolution, 'duplicate');
    case 'closed':
      return and(eq(hazards.resolution, 'deadline'), eq(rectificationItems.state, 'closed')) as SQL;
    case 'rectifying':
      return and(eq(hazards.resolution, 'deadline'), ne(rectificationItems.state, 'closed')) as SQL;
  }
}

function encodeCursor(h: Hazard): string {
  return Buffer.from(`${h.reportedAt.toISOString()}|${h.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id)) throw fieldError('cursor', '无效的翻页游标');
  return { at, id };
}

/** Newest first, keyset-paged on (reported_at, id) so page 1,000 costs what page 1 costs. */
export async function listHazards(ctx: ActorContext, q: ListHazardsQuery) {
  const today = shanghaiDate();
  const conds = filterConditions(ctx, q);
  if (q.gridId) conds.push(eq(hazards.gridId, q.gridId));
  if (q.mine === 'true') conds.push(eq(hazards.reportedBy, ctx.actor.userId));
  if (q.overdue === 'true') conds.push(overdueHazard(today));
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    conds.push(sql`(${hazards.reportedAt}, ${hazards.id}) < (${c.at}::timestamptz, ${c.id}::uuid)`);
  }
  const rows = await baseQuery(ctx.db)
    .where(and(...conds))
    .orderBy(...newestFirst)
    .limit(q.pageSize + 1);
  const page = rows.slice(0, q.pageSize);
  const last = page[page.length - 1];
  return { items: page.map((r) => toHazardResponse(r, today)), nextCursor: rows.length > q.pageSize && last ? encodeCursor(last.hazard) : null };
}

/** Open hazards of the same category within the radius: a bounding box on the indexed lat/lng, then exact haversine. */
export async function nearbyHazards(ctx: ActorContext, q: { category: CreateHazardBody['category']; lat: number; lng: number; radius: number }) {
  const box = boundingBox(q.lat, q.lng, q.radius);
  const rows = await baseQuery(ctx.db)
    .where(
      and(
        eq(hazards.tenantId, ctx.tenantId),
        eq(hazards.category, q.category),
        gte(hazards.lat, box.minLat),
        lte(hazards.lat, box.maxLat),
        gte(hazards.lng, box.minLng),
        lte(hazards.lng, box.maxLng),
        hazardOpenCondition(),
        inScope(ctx, hazards.orgId),
      ),
    )
    .limit(200);
  const today = shanghaiDate();
  return {
    items: rows
      .map((r) => ({ ...toHazardResponse(r, today), distance: Math.round(haversineMetres(q, { lat: r.hazard.lat ?? 0, lng: r.hazard.lng ?? 0 })) }))
      .filter((r) => r.distance <= q.radius)
      .sort((a, b) => a.distance - b.distance),
  };
}

/** Open hazards with a point, for the map (capped). */
export async function mapHazards(ctx: ActorContext, q: { gridId?: string; category?: CreateHazardBody['category'] }) {
  const limit = 3000;
  const today = shanghaiDate();
  const conds: SQL[] = [eq(hazards.tenantId, ctx.tenantId), inScope(ctx, hazards.orgId), hazardOpenCondition(), sql`${hazards.lat} is not null`];
  if (q.gridId) conds.push(eq(hazards.gridId, q.gridId));
  if (q.category) conds.push(eq(hazards.category, q.category));
  const rows = await baseQuery(ctx.db).where(and(...conds)).orderBy(...newestFirst).limit(limit + 1);
  return {
    items: rows.slice(0, limit).map((r) => {
      const h = toHazardResponse(r, today);
      return { id: h.id, lat: h.lat ?? 0, lng: h.lng ?? 0, category: h.category, severity: h.severity, description: h.description.slice(0, 60), overdue: h.overdue };
    }),
    truncated: rows.length > limit,
  };
}

/** Every hazard of the filter (bounded), oldest first, for the ledger export. */
type ExportFilter = Pick<ListHazardsQuery, 'from' | 'to' | 'category' | 'status' | 'orgId'>;

/** A deadline hazard whose rectification item is still open past its deadline (needs the item joined). */
function overdueHazard(today: string): SQL {
  return and(eq(hazards.resolution, 'deadline'), ne(rectificationItems.state, 'closed'), lt(rectificationItems.deadline, today)) as SQL;
}

/** Scope plus the filters the list and the ledger share. */
function filterConditions(ctx: ActorContext, q: ExportFilter): SQL[] {
  const conds: SQL[] = [eq(hazards.tenantId, ctx.tenantId), inScope(ctx, hazards.orgId), gridScope(ctx, hazards.gridId, hazards.reportedBy)];
  if (q.category) conds.push(eq(hazards.category, q.category));
  if (q.status) conds.push(statusCondition(q.status));
  if (q.orgId) conds.push(sql`${hazards.orgId} in (select id from org_units where tenant_id = ${ctx.tenantId} and path like (select path from org_units where tenant_id = ${ctx.tenantId} and id = ${q.orgId}) || '%')`);
  if (q.from) conds.push(gte(hazards.reportedDate, q.from));
  if (q.to) conds.push(lte(hazards.reportedDate, q.to));
  return conds;
}

/** The hazard ledger's totals row, counted in SQL: found, fixed at once, by deadline, overdue. */
export async function hazardExportTotals(ctx: ActorContext, q: ExportFilter, db: Db = ctx.db) {
  const today = shanghaiDate();
  const [r] = await db
    .select({
      total: sql<number>`count(*)::int`,
      immediate: sql<number>`(count(*) filter (where ${hazards.resolution} = 'immediate'))::int`,
      deadline: sql<number>`(count(*) filter (where ${hazards.resolution} = 'deadline'))::int`,
      overdue: sql<number>`(count(*) filter (where ${overdueHazard(today)}))::int`,
    })
    .from(hazards)
    .leftJoin(rectificationItems, and(eq(rectificationItems.tenantId, hazards.tenantId), eq(rectificationItems.id, hazards.rectificationItemId)))
    .where(and(...filterConditions(ctx, q)));
  return { total: r?.total ?? 0, immediate: r?.immediate ?? 0, deadline: r?.deadline ?? 0, overdue: r?.overdue ?? 0 };
}

/**
 * Every hazard for the ledger, oldest first, in keyset pages on (reported_at, id): an export of a million rows
 * holds one page in memory at a time (reported_at has millisecond precision, so the Date key is exact).
 */
export async function* streamHazardsForExport(ctx: ActorContext, q: ExportFilter, db: Db = ctx.db, pageSize = 1000): AsyncGenerator<HazardResponse> {
  const today = shanghaiDate();
  const base = filterConditions(ctx, q);
  let after: { at: Date; id: string } | undefined;
  for (;;) {
    const conds = after ? [...base, sql`(${hazards.reportedAt}, ${hazards.id}) > (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`] : base;
    const rows = await baseQuery(db).where(and(...conds)).orderBy(...oldestFirst).limit(pageSize);
    for (const r of rows) yield toHazardResponse(r, today);
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = { at: last.hazard.reportedAt, id: last.hazard.id };
  }
}
