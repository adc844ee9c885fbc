import { and, count, eq, isNull } from 'drizzle-orm';
import type { InboxItem } from '../../platform/module.js';
import { can, type ActorContext } from '../../platform/request-context.js';
import { inScope } from '../org-units/index.js';
import { hazards } from './hazards.table.js';

/** Hazards waiting for a decision: the reporter's own, or every one in scope for the street side. */
export async function hazardInbox(ctx: ActorContext): Promise<InboxItem[]> {
  if (!can(ctx, 'hazard.decide')) return [];
  const streetSide = ctx.actor.roles.some((r) => r === 'street_admin' || r === 'secretary' || r === 'instructor');
  const conds = [eq(hazards.tenantId, ctx.tenantId), inScope(ctx, hazards.orgId), isNull(hazards.resolution)];
  if (!streetSide) conds.push(eq(hazards.reportedBy, ctx.actor.userId));
  const [{ n }] = await ctx.db.select({ n: count() }).from(hazards).where(and(...conds));
  return n > 0 ? [{ kind: 'hazards.pending', title: `待处置的隐患 ${n} 条`, link: '/hazards', count: n, severity: 'warning' }] : [];
}
