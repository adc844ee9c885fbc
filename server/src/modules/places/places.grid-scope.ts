import { and, eq, inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { ActorContext } from '../../platform/request-context.js';
import { gridStaff } from './places.table.js';

/** Roles whose scope is wider than the grids they are posted to. */
const widerRoles = new Set(['street_admin', 'secretary', 'instructor', 'auditor', 'system_admin', 'security_admin', 'audit_admin', 'platform_admin']);

/** A grid worker with no wider role: sees and acts on the grids she is posted to (网格员只看自己的网格). */
export function isGridOnly(ctx: ActorContext): boolean {
  return ctx.actor.roles.includes('grid_worker') && !ctx.actor.roles.some((r) => widerRoles.has(r));
}

/** The ids of the grids the actor is posted to, as a sub-select. */
export function myGridIds(ctx: ActorContext) {
  return ctx.db.select({ id: gridStaff.gridId }).from(gridStaff).where(and(eq(gridStaff.tenantId, ctx.tenantId), eq(gridStaff.userId, ctx.actor.userId)));
}

/**
 * The grid part of a record's scope, on top of the org-subtree scope: for a grid-only actor, records in her
 * grids and records she reported herself (an address typed without a grid); for everyone else, no limit.
 */
export function gridScope(ctx: ActorContext, gridId: AnyColumn, reportedBy?: AnyColumn): SQL {
  if (!isGridOnly(ctx)) return sql`true`;
  const inMyGrids = inArray(gridId, myGridIds(ctx));
  return (reportedBy ? or(inMyGrids, eq(reportedBy, ctx.actor.userId)) : inMyGrids) as SQL;
}
