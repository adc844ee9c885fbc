import { and, count, eq, isNull, lt, sql } from 'drizzle-orm';
import type { InboxItem } from '../../platform/module.js';
import { can, type ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { inScope } from '../org-units/index.js';
import { cobuildProjects } from './cobuild.table.js';
import { residentRequests } from './requests.table.js';
import { housingMilestones } from './resettlement.table.js';

/** To-dos: requests waiting to be accepted, late milestones, delivered co-building projects waiting for a rating. */
export async function livelihoodInbox(ctx: ActorContext): Promise<InboxItem[]> {
  const out: InboxItem[] = [];
  if (can(ctx, 'request.handle')) {
    const [{ n }] = await ctx.db.select({ n: count() }).from(residentRequests).where(and(eq(residentRequests.tenantId, ctx.tenantId), inScope(ctx, residentRequests.orgId), eq(residentRequests.state, 'submitted')));
    if (n > 0) out.push({ kind: 'requests.pending', title: `${n}件群众诉求/微心愿待受理`, link: '/requests?state=submitted', severity: 'warning', count: n });
  }
  if (can(ctx, 'resettlement.write')) {
    const [{ n }] = await ctx.db
      .select({ n: count() })
      .from(housingMilestones)
      .where(and(eq(housingMilestones.tenantId, ctx.tenantId), inScope(ctx, housingMilestones.orgId), isNull(housingMilestones.completedOn), lt(housingMilestones.plannedOn, shanghaiDate())));
    if (n > 0) out.push({ kind: 'resettlement.milestones_late', title: `${n}个安置房建设节点已超过计划日期`, link: '/resettlement', severity: 'overdue', count: n });
  }
  if (can(ctx, 'cobuild.write')) {
    const [{ n }] = await ctx.db.select({ n: count() }).from(cobuildProjects).where(and(eq(cobuildProjects.tenantId, ctx.tenantId), inScope(ctx, cobuildProjects.orgId), sql`${cobuildProjects.state} = 'delivered'`));
    if (n > 0) out.push({ kind: 'cobuild.projects_to_rate', title: `${n}个共建项目已完成，待社区评价`, link: '/cobuild', severity: 'info', count: n });
  }
  return out;
}
