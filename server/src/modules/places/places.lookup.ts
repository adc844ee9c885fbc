import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import type { ActorContext } from '../../platform/request-context.js';
import { inScope } from '../org-units/index.js';
import { boundaryContains, type GridBoundary } from './places.geo.js';
import { gridScope } from './places.grid-scope.js';
import { buildings, grids } from './places.table.js';

export type Grid = typeof grids.$inferSelect;
export type Building = typeof buildings.$inferSelect;

/** One grid if its village/community lies in the actor's scope (and, for a grid worker, she is posted to it); otherwise NOT_FOUND. */
export async function getGridInScope(ctx: ActorContext, id: string, db: Db = ctx.db): Promise<Grid> {
  const [row] = await db.select().from(grids).where(and(eq(grids.tenantId, ctx.tenantId), eq(grids.id, id), inScope(ctx, grids.orgId), gridScope(ctx, grids.id)));
  if (!row) throw notFound('网格');
  return row;
}

export async function getBuildingInScope(ctx: ActorContext, id: string, db: Db = ctx.db): Promise<Building> {
  const [row] = await db.select().from(buildings).where(and(eq(buildings.tenantId, ctx.tenantId), eq(buildings.id, id), inScope(ctx, buildings.orgId)));
  if (!row) throw notFound('楼院');
  return row;
}

/** The grid (in scope) whose uploaded boundary contains the point, if any. */
export async function findGridAt(ctx: ActorContext, lat: number, lng: number, db: Db = ctx.db): Promise<Grid | null> {
  const rows = await db.select().from(grids).where(and(eq(grids.tenantId, ctx.tenantId), inScope(ctx, grids.orgId)));
  return rows.find((g) => g.boundary !== null && boundaryContains(g.boundary as GridBoundary, lat, lng)) ?? null;
}

/** Same lookup for a known street without an actor (Open311 clients). */
export async function findGridAtInTenant(db: Db, tenantId: number, lat: number, lng: number): Promise<Grid | null> {
  const rows = await db.select().from(grids).where(eq(grids.tenantId, tenantId));
  return rows.find((g) => g.boundary !== null && boundaryContains(g.boundary as GridBoundary, lat, lng)) ?? null;
}
