import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { offsetOf, type PageQuery } from '../../platform/pagination.js';
import type { ActorContext } from '../../platform/request-context.js';
import { households } from '../households/index.js';
import { members } from '../members/members.table.js';
import { inScope } from '../org-units/index.js';
import { isOnlyMember } from './points.ledger.js';
import { pairings } from './points.table.js';

/** Pairings (结对) in scope, each with the number of helps claimed on it; a member sees their own. */
export async function listPairings(ctx: ActorContext, q: PageQuery & { householdId?: string }) {
  const conds: SQL[] = [eq(pairings.tenantId, ctx.tenantId), inScope(ctx, pairings.orgId)];
  if (isOnlyMember(ctx)) conds.push(eq(pairings.memberId, ctx.actor.memberId ?? '00000000-0000-0000-0000-000000000000'));
  if (q.householdId) conds.push(eq(pairings.householdId, q.householdId));
  const where = and(...conds);
  const [{ total }] = await ctx.db.select({ total: count() }).from(pairings).where(where);
  const items = await ctx.db
    .select({
      id: pairings.id,
      memberId: pairings.memberId,
      memberName: members.name,
      householdId: pairings.householdId,
      householdAddress: households.address,
      headName: households.headName,
      startedOn: pairings.startedOn,
      endedOn: pairings.endedOn,
      helps: sql<number>`(select count(*)::int from work_claims c where c.tenant_id = ${ctx.tenantId} and c.pairing_id = ${pairings.id} and c.state = 'approved')`,
    })
    .from(pairings)
    .innerJoin(members, and(eq(members.tenantId, pairings.tenantId), eq(members.id, pairings.memberId)))
    .innerJoin(households, and(eq(households.tenantId, pairings.tenantId), eq(households.id, pairings.householdId)))
    .where(where)
    .orderBy(desc(pairings.startedOn))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return { items: items.map((i) => ({ ...i, helps: Number(i.helps) })), total, page: q.page, pageSize: q.pageSize };
}
