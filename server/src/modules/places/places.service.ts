import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { ActorContext } from '../../platform/request-context.js';
import { users } from '../accounts/accounts.table.js';
import { recordAudit } from '../audit/index.js';
import { households } from '../households/index.js';
import { getOrgInScope, inScope, orgNames, orgUnits } from '../org-units/index.js';
import { parseBoundary, readBoundaryUpload } from './places.boundary.js';
import { isGridOnly } from './places.grid-scope.js';
import { boundaryCentre, type GridBoundary } from './places.geo.js';
import { getBuildingInScope, getGridInScope } from './places.lookup.js';
import type { CreateGridBody, GridResponse } from './places.schema.js';
import { buildings, gridGroups, gridStaff, grids } from './places.table.js';

/** Grids in scope with their staff, the 楼院党小组 they serve and their counts. */
export async function listGrids(ctx: ActorContext, orgId?: string, mine = false): Promise<GridResponse[]> {
  const conds = [eq(grids.tenantId, ctx.tenantId), inScope(ctx, grids.orgId)];
  if (orgId) conds.push(eq(grids.orgId, orgId));
  // A grid worker sees the grids she is posted to, whatever she asks for (网格员只看自己的网格).
  if (mine || isGridOnly(ctx)) {
    conds.push(
      inArray(
        grids.id,
        ctx.db.select({ id: gridStaff.gridId }).from(gridStaff).where(and(eq(gridStaff.tenantId, ctx.tenantId), eq(gridStaff.userId, ctx.actor.userId))),
      ),
    );
  }
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
    const grid = await getGridInScope(ctx, id, tx);
    const [u] = await tx
      .select({ id: users.id, scopePath: orgUnits.path })
      .from(users)
      .leftJoin(orgUnits, and(eq(orgUnits.tenantId, users.tenantId), eq(orgUnits.id, users.scopeOrgId)))
      .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, input.userId), eq(users.status, 'active')));
    if (!u) throw fieldError('userId', '用户不存在');
    const unit = await getOrgInScope(ctx, grid.orgId, tx);
    if (u.scopePath === null || !unit.path.startsWith(u.scopePath)) throw fieldError('userId', '该用户的数据范围不包含此网格，无法派驻');
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
      const unit = await getOrgInScope(ctx, b.orgId, tx);
      if (group.kind !== 'group') throw fieldError('groupOrgId', '只能关联楼院党小组');
      if (!group.path.startsWith(unit.path)) throw fieldError('groupOrgId', '该党小组不属于楼院所在村（社区）');
    }
    await tx.update(buildings).set({ groupOrgId, updatedAt: new Date() }).where(and(eq(buildings.tenantId, ctx.tenantId), eq(buildings.id, id)));
    await recordAudit(tx, ctx, { action: 'building.group', entityType: 'building', entityId: id, before: { groupOrgId: b.groupOrgId }, after: { groupOrgId } });
  });
}

export async function unlinkGridGroup(ctx: ActorContext, id: string, groupOrgId: string): Promise<GridResponse> {
  await ctx.db.transaction(async (tx) => {
    await getGridInScope(ctx, id, tx);
    const removed = await tx
      .delete(gridGroups)
      .where(and(eq(gridGroups.tenantId, ctx.tenantId), eq(gridGroups.gridId, id), eq(gridGroups.groupOrgId, groupOrgId)))
      .returning({ groupOrgId: gridGroups.groupOrgId });
    if (removed.length === 0) throw notFound('网格与党小组的关联');
    await recordAudit(tx, ctx, { action: 'grid.group.unlink', entityType: 'grid', entityId: id, before: { groupOrgId } });
  });
  return getGrid(ctx, id);
}

/** Logins that may be posted to a grid: active 网格员 and secretaries whose data scope covers the grid. */
export async function listStaffCandidates(ctx: ActorContext, gridId: string) {
  const grid = await getGridInScope(ctx, gridId);
  const unit = await getOrgInScope(ctx, grid.orgId);
  const rows = await ctx.db
    .select({ userId: users.id, name: users.displayName, roles: users.roles, scopeName: orgUnits.name })
    .from(users)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, users.tenantId), eq(orgUnits.id, users.scopeOrgId)))
    .where(
      and(
        eq(users.tenantId, ctx.tenantId),
        eq(users.status, 'active'),
        sql`${users.roles} && array['grid_worker', 'secretary']::text[]`,
        sql`${unit.path} like ${orgUnits.path} || '%'`,
      ),
    )
    .orderBy(asc(users.displayName));
  return { items: rows.map((r) => ({ userId: r.userId, name: r.name, roles: r.roles.filter((x) => x === 'grid_worker' || x === 'secretary'), scopeName: r.scopeName })) };
}

/** The 楼院党小组 under the grid's village/community, which may be linked to it. */
export async function listGroupCandidates(ctx: ActorContext, gridId: string) {
  const grid = await getGridInScope(ctx, gridId);
  const unit = await getOrgInScope(ctx, grid.orgId);
  const rows = await ctx.db
    .select({ orgId: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.kind, 'group'), sql`${orgUnits.path} like ${unit.path + '%'}`))
    .orderBy(asc(orgUnits.name));
  return { items: rows };
}

function propertyText(properties: Record<string, unknown>, keys: string[]): string | null {
  for (const k of keys) {
    const v = properties[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (typeof v === 'number') return String(v);
  }
  return null;
}

/**
 * Sets several grids' boundaries from one FeatureCollection. Each feature names its grid in
 * properties (id, code 网格编码, or name 网格名称); every feature must match one grid in scope, or nothing is saved.
 */
export async function setGridBoundaries(ctx: ActorContext, geojson: unknown): Promise<{ items: GridResponse[] }> {
  const features = readBoundaryUpload(geojson);
  const inScopeGrids = await ctx.db.select().from(grids).where(and(eq(grids.tenantId, ctx.tenantId), inScope(ctx, grids.orgId)));
  const issues: Array<{ path: string; message: string }> = [];
  const matched = new Map<string, { boundary: GridBoundary; index: number }>();
  for (const f of features) {
    const path = `geojson.features[${f.index}].properties`;
    const id = propertyText(f.properties, ['gridId', 'id']);
    const code = propertyText(f.properties, ['code', 'gridCode', '网格编码', '编码']);
    const name = propertyText(f.properties, ['name', 'gridName', '网格名称', '名称']);
    if (!id && !code && !name) {
      issues.push({ path, message: '要素缺少网格编码（code）或网格名称（name）' });
      continue;
    }
    const candidates = id ? inScopeGrids.filter((g) => g.id === id) : code ? inScopeGrids.filter((g) => g.code === code) : inScopeGrids.filter((g) => g.name === name);
    const label = id ?? code ?? name ?? '';
    if (candidates.length === 0) {
      issues.push({ path, message: `找不到网格“${label}”` });
      continue;
    }
    if (candidates.length > 1) {
      issues.push({ path, message: `“${label}”对应多个网格，请改用网格编码` });
      continue;
    }
    const grid = candidates[0];
    const earlier = matched.get(grid.id);
    if (earlier) {
      issues.push({ path, message: `网格“${grid.name}”在第 ${earlier.index + 1} 个要素中已出现` });
      continue;
    }
    matched.set(grid.id, { boundary: f.boundary, index: f.index });
  }
  if (issues.length > 0) throw new AppError('VALIDATION', `GeoJSON 中有要素无法对应网格：${issues[0].path} ${issues[0].message}`, issues.slice(0, 20));
  await ctx.db.transaction(async (tx) => {
    for (const [gridId, { boundary }] of matched) {
      const centre = boundaryCentre(boundary);
      await tx.update(grids).set({ boundary, centerLat: centre.lat, centerLng: centre.lng, updatedAt: new Date() }).where(and(eq(grids.tenantId, ctx.tenantId), eq(grids.id, gridId)));
      await recordAudit(tx, ctx, { action: 'grid.boundary', entityType: 'grid', entityId: gridId, after: { type: boundary.type, centre } });
    }
  });
  const ids = new Set(matched.keys());
  return { items: (await listGrids(ctx)).filter((g) => ids.has(g.id)) };
}
