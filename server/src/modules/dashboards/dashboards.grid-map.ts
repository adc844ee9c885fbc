import { and, asc, count, eq, like, lt, sql, type SQL } from 'drizzle-orm';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { hazards } from '../hazards/hazards.table.js';
import { households } from '../households/households.table.js';
import { orgUnits } from '../org-units/index.js';
import { grids } from '../places/places.table.js';
import { rectificationItems } from '../rectification/rectification.table.js';
import { resolveOrg } from './dashboards.service.js';

/** At most this many open hazards are drawn as points; the per-grid counts are always complete. */
export const MAP_HAZARD_LIMIT = 2000;

type Ring = Array<[number, number]>;

/** The outer rings of a GeoJSON Polygon/MultiPolygon, as [lng, lat] pairs (holes are not drawn). */
export function outerRings(boundary: unknown): Ring[] {
  if (!boundary || typeof boundary !== 'object') return [];
  const b = boundary as { type?: unknown; coordinates?: unknown };
  const isRing = (r: unknown): r is Ring => Array.isArray(r) && r.every((p) => Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number');
  const clean = (r: Ring): Ring => r.map((p) => [p[0], p[1]]);
  if (b.type === 'Polygon' && Array.isArray(b.coordinates) && isRing(b.coordinates[0])) return [clean(b.coordinates[0])];
  if (b.type === 'MultiPolygon' && Array.isArray(b.coordinates)) {
    return b.coordinates.flatMap((poly: unknown) => (Array.isArray(poly) && isRing(poly[0]) ? [clean(poly[0])] : []));
  }
  return [];
}

/** Still open: not yet decided, or fixed by a deadline whose rectification item is not closed (the hazards module's rule). */
const openCondition = sql`(${hazards.resolution} is null or (${hazards.resolution} = 'deadline' and ${rectificationItems.state} is distinct from 'closed'))`;

/**
 * The grid map of the org's subtree: every grid's outline and centre with its household count and
 * open hazards, and the open hazards themselves as points (ECharts over plain lng/lat axes, no tiles).
 */
export async function gridMap(ctx: ActorContext, orgId?: string, today: string = shanghaiDate()) {
  const org = await resolveOrg(ctx, orgId);
  const inOrg = like(orgUnits.path, org.path + '%');
  const gridRows = await ctx.db
    .select({ id: grids.id, code: grids.code, name: grids.name, orgName: orgUnits.name, lat: grids.centerLat, lng: grids.centerLng, boundary: grids.boundary })
    .from(grids)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, grids.tenantId), eq(orgUnits.id, grids.orgId)))
    .where(and(eq(grids.tenantId, ctx.tenantId), inOrg))
    .orderBy(asc(grids.code), asc(grids.id));
  const householdCounts = await ctx.db
    .select({ gridId: households.gridId, n: count() })
    .from(households)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, households.tenantId), eq(orgUnits.id, households.orgId)))
    .where(and(eq(households.tenantId, ctx.tenantId), inOrg))
    .groupBy(households.gridId);
  const openWhere = and(eq(hazards.tenantId, ctx.tenantId), inOrg, openCondition) as SQL;
  const fromHazards = () =>
    ctx.db
      .select({
        id: hazards.id,
        gridId: hazards.gridId,
        lat: hazards.lat,
        lng: hazards.lng,
        category: hazards.category,
        severity: hazards.severity,
        reportedDate: hazards.reportedDate,
        overdue: sql<boolean>`coalesce(${and(eq(hazards.resolution, 'deadline'), lt(rectificationItems.deadline, today))}, false)`,
      })
      .from(hazards)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, hazards.tenantId), eq(orgUnits.id, hazards.orgId)))
      .leftJoin(rectificationItems, and(eq(rectificationItems.tenantId, hazards.tenantId), eq(rectificationItems.id, hazards.rectificationItemId)));
  const hazardCounts = await ctx.db
    .select({ gridId: hazards.gridId, n: count() })
    .from(hazards)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, hazards.tenantId), eq(orgUnits.id, hazards.orgId)))
    .leftJoin(rectificationItems, and(eq(rectificationItems.tenantId, hazards.tenantId), eq(rectificationItems.id, hazards.rectificationItemId)))
    .where(openWhere)
    .groupBy(hazards.gridId);
  const points = await fromHazards()
    .where(and(openWhere, sql`${hazards.lat} is not null and ${hazards.lng} is not null`))
    .orderBy(asc(hazards.reportedDate), asc(hazards.id))
    .limit(MAP_HAZARD_LIMIT);
  const hh = new Map(householdCounts.map((r) => [r.gridId, Number(r.n)]));
  const open = new Map(hazardCounts.map((r) => [r.gridId, Number(r.n)]));
  const openTotal = hazardCounts.reduce((a, r) => a + Number(r.n), 0);
  return {
    items: gridRows.map((g) => ({ id: g.id, code: g.code, name: g.name, orgName: g.orgName, lat: g.lat, lng: g.lng, polygons: outerRings(g.boundary), households: hh.get(g.id) ?? 0, openHazards: open.get(g.id) ?? 0 })),
    hazards: points.flatMap((h) => (h.lat === null || h.lng === null ? [] : [{ id: h.id, gridId: h.gridId, lat: h.lat, lng: h.lng, category: h.category, severity: h.severity, reportedDate: h.reportedDate, overdue: Boolean(h.overdue) }])),
    openHazards: openTotal,
  };
}
