import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { ActorContext } from '../../platform/request-context.js';
import { users } from '../accounts/accounts.table.js';
import { recordAudit } from '../audit/index.js';
import { households } from '../households/index.js';
import { getOrgInScope, inScope, orgNames, orgUnits } from '../org-units/index.js';
import { boundaryCentre, type GridBoundary } from './places.geo.js';
import { getBuildingInScope, getGridInScope } from './places.lookup.js';
import { gridBoundarySchema, type CreateGridBody, type GridResponse } from './places.schema.js';
import { buildings, gridGroups, gridStaff, grids } from './places.table.js';

/** Accepts a GeoJSON geometry, a Feature, or a FeatureCollection with one feature; coordinates range-checked. */
export function parseBoundary(input: unknown): GridBoundary {
  let geometry: unknown = input;
  if (typeof input === 'string') {
    try {
      geometry = JSON.parse(input);
    } catch {
      throw fieldError('geojson', 'GeoJSON 格式有误');
    }
  }
  const obj = geometry as { type?: unknown; geometry?: unknown; features?: Array<{ geometry?: unknown }> } | null;
  if (obj?.type === 'FeatureCollection') {
    if (!Array.isArray(obj.features) || obj.features.length !== 1) throw fieldError('geojson', '请上传只含一个网格边界的 GeoJSON');
    geometry = obj.features[0]?.geometry;
  } else if (obj?.type === 'Feature') {
    geometry = obj.geometry;
  }
  const parsed = gridBoundarySchema.safeParse(geometry);
  if (!parsed.success) throw fieldError('geojson', '边界应为 Polygon 或 MultiPolygon，经度 -180~180、纬度 -90~90');
  return parsed.data as GridBoundary;
}

/** Grids in scope with their staff, the 楼院党小组 they serve and their counts. */
export async function listGrids(ctx: ActorContext, orgId?: string): Promise<GridResponse[]> {
  const conds = [eq(grids.tenantId, ctx.tenantId), inScope(ctx, grids.orgId)];
  if (orgId) conds.push(eq(grids.orgId, orgId));
  const rows = await ctx.db.select().from(grids).where(and(...conds)).orderBy(asc(grids.code));
  if (rows.length === 0) return [];
  const ids = rows.map((g) => g.id);
  const [names, staff, groups, bCounts, hCounts] = await Promise.all([
    orgNames(ctx, rows.map((g) => g.orgId)),
    ctx.db
      .select({ gridId: gridStaff.gridId, userId: gridStaff.userId, role: gridStaff.role, name: users.displayName })
      .from(gridStaff)
      .innerJoin(users, and(eq(users.tenantId, gridStaff.tenantId), eq(users.id, gridStaff.userId)))
      .where(and(eq(gridStaff.tenantId, ctx.tenantId), inArray(gridStaff.gridId, ids))),
    ctx.db
      .select({ gridId: gridGroups.gridId, orgId: gridGroups.groupOrgId, name: orgUnits.name })
      .from(gridGroups)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, gridGroups.tenantId), eq(orgUnits.id, gridGroups.groupOrgId)))
      .where(and(eq(gridGroups.tenantId, ctx.tenantId), inArray(gridGroups.gridId, ids))),
    ctx.db.select({ gridId: buildings.gridId, n: count() }).from(buildings).where(and(eq(buildings.tenantId, ctx.tenantId), inArray(buildings.gridId, ids))).groupBy(buildings.gridId),
    ctx.db.select({ gridId: households.gridId, n: count() }).from(households).where(and(eq(households.tenantId, ctx.tenantId), inArray(households.gridId, ids))).groupBy(households.gridId),
  ]);
  const bMap = new Map(bCounts.map((r) => [r.gridId, r.n]));
  const hMap = new Map(hCounts.map((r) => [r.gridId, r.n]));
  return rows.map((g) => ({
    id: g.id,
    orgId: g.orgId,
    orgName: names.get(g.orgId) ?? '',
    name: g.name,
    code: g.code,
    boundary: (g.boundary as GridBoundary | null) ?? null,
    centerLat: g.centerLat,
    centerLng: g.centerLng,
    buildingCount: bMap.get(g.id) ?? 0,
    householdCount: hMap.get(g.id) ?? 0,
    staff: staff.filter((s) => s.gridId === g.id).map((s) => ({ userId: s.userId, name: s.name, role: s.role })),
    groups: groups.filter((s) => s.gridId === g.id).map((s) => ({ orgId: s.orgId, name: s.name })),
  }));
}

export async function getGrid(ctx: ActorContext, id: string): Promise<GridResponse> {
  const g = await getGridInScope(ctx, id);
  const [row] = (await listGrids(ctx, g.orgId)).filter((x) => x.id === id);
  if (!row) throw notFound('网格');
  return row;
}

export async function listBuildings(ctx: ActorContext, gridId: string) {
  await getGridInScope(ctx, gridId);
  const rows = await ctx.db
    .select({ b: buildings, groupName: orgUnits.name })
    .from(buildings)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, buildings.tenantId), eq(orgUnits.id, buildings.groupOrgId)))
    .where(and(eq(buildings.tenantId, ctx.tenantId), eq(buildings.gridId, gridId)))
    .orderBy(asc(buildings.name));
  return { items: rows.map(({ b, groupName }) => ({ id: b.id, gridId: b.gridId, name: b.name, address: b.address, groupOrgId: b.groupOrgId, groupName, lat: b.lat, lng: b.lng })) };
}

export async function createGrid(ctx: ActorContext, input: CreateGridBody): Promise<GridResponse> {
  const id = await ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(ctx, input.orgId, tx);
    if (org.kind !== 'village' && org.kind !== 'community') throw fieldError('orgId', '网格应建在村或社区之下');
    const [row] = await tx.insert(grids).values({ tenantId: ctx.tenantId, orgId: org.id, name: input.name, code: input.code }).returning();
    await recordAudit(tx, ctx, { action: 'grid.create', entityType: 'grid', entityId: row.id, after: input });
    return row.id;
  });
  return getGrid(ctx, id);
}

/** Replaces a grid's boundary with an uploaded GeoJSON polygon; the centre follows. */
export async function setGridBoundary(ctx: ActorContext, id: string, geojson: unknown): Promise<GridResponse> {
  const boundary = parseBoundary(geojson);
  const centre = boundaryCentre(boundary);
  await ctx.db.transaction(async (tx) => {
    await getGridInScope(ctx, id, tx);
    await tx.update(grids).set({ boundary, centerLat: centre.lat, centerLng: centre.lng, updatedAt: new Date() }).where(and(eq(grids.tenantId, ctx.tenantId), eq(grids.id, id)));
    await recordAudit(tx, ctx, { action: 'grid.boundary', entityType: 'grid', entityId: id, after: { type: boundary.type, centre } });
  });
  return getGrid(ctx, id);
}

/** Assigns a grid worker or grid head (网格长); the user must belong to this street. */
export async function assignGridStaff(ctx: ActorContext, id: string, input: { userId: string; role: 'worker' | 'head' }): Promise<GridResponse> {
  await ctx.db.transaction(async (tx) => {
    await getGridInScope(ctx, id, tx);
    const [u] = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, input.userId)));
    if (!u) throw fieldError('userId', '用户不存在');
    await tx.insert(gridStaff).values({ tenantId: ctx.tenantId, gridId: id, userId: input.userId, role: input.role }).onConflictDoNothing();
    await recordAudit(tx, ctx, { action: 'grid.staff.assign', entityType: 'grid', entityId: id, after: input });
  });
  return getGrid(ctx, id);
}

export async function removeGridStaff(ctx: ActorContext, id: string, userId: string): Promise<GridResponse> {
  await ctx.db.transaction(async (tx) => {
    await getGridInScope(ctx, id, tx);
    await tx.delete(gridStaff).where(and(eq(gridStaff.tenantId, ctx.tenantId), eq(gridStaff.gridId, id), eq(gridStaff.userId, userId)));
    await recordAudit(tx, ctx, { action: 'grid.staff.remove', entityType: 'grid', entityId: id, before: { userId } });
  });
  return getGrid(ctx, id);
}

/** Links a 楼院党小组 to a grid it serves; the group must sit under the grid's village/community. */
export async function linkGridGroup(ctx: ActorContext, id: string, groupOrgId: string): Promise<GridResponse> {
  await ctx.db.transaction(async (tx) => {
    const grid = await getGridInScope(ctx, id, tx);
    const group = await getOrgInScope(ctx, groupOrgId, tx);
    const unit = await getOrgInScope(ctx, grid.orgId, tx);
    if (group.kind !== 'group') throw fieldError('groupOrgId', '只能关联楼院党小组');
    if (!group.path.startsWith(unit.path)) throw new AppError('VALIDATION', '该党小组不属于网格所在村（社区）', [{ path: 'groupOrgId', message: '党小组不属于该村（社区）' }]);
    await tx.insert(gridGroups).values({ tenantId: ctx.tenantId, gridId: id, groupOrgId }).onConflictDoNothing();
    await recordAudit(tx, ctx, { action: 'grid.group.link', entityType: 'grid', entityId: id, after: { groupOrgId } });
  });
  return getGrid(ctx, id);
}

export async function setBuildingGroup(ctx: ActorContext, id: string, groupOrgId: string | null) {
  await ctx.db.transaction(async (tx) => {
    const b = await getBuildingInScope(ctx, id, tx);
    if (groupOrgId) {
      const group = await getOrgInScope(ctx, groupOrgId, tx);
      if (group.kind !== 'group') throw fieldError('groupOrgId', '只能关联楼院党小组');
    }
    await tx.update(buildings).set({ groupOrgId, updatedAt: new Date() }).where(and(eq(buildings.tenantId, ctx.tenantId), eq(buildings.id, id)));
    await recordAudit(tx, ctx, { action: 'building.group', entityType: 'building', entityId: id, before: { groupOrgId: b.groupOrgId }, after: { groupOrgId } });
  });
}
