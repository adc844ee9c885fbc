import { and, eq, lte, ne, sql } from 'drizzle-orm';
import type { InboxItem } from '../../platform/module.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { inScope } from '../org-units/index.js';
import { rectificationItems } from '../rectification/rectification.table.js';
import { tourFindings, tours } from './tours.table.js';

/** Tour findings in scope whose rectification is open and due within three days (or overdue); planned tours to score. */
export async function tourInbox(ctx: ActorContext): Promise<InboxItem[]> {
  const today = shanghaiDate();
  const soon = shanghaiDate(new Date(Date.now() + 3 * 86400000));
  const [due] = await ctx.db
    .select({ n: sql<number>`count(*)::int`, overdue: sql<number>`count(*) filter (where ${rectificationItems.deadline} < ${today})::int`, first: sql<string | null>`min(${rectificationItems.deadline})::text` })
    .from(tourFindings)
    .innerJoin(rectificationItems, and(eq(rectificationItems.tenantId, tourFindings.tenantId), eq(rectificationItems.id, tourFindings.rectificationItemId)))
    .where(and(eq(tourFindings.tenantId, ctx.tenantId), inScope(ctx, tourFindings.orgId), ne(rectificationItems.state, 'closed'), lte(rectificationItems.deadline, soon)));
  const out: InboxItem[] = [];
  if (due && due.n > 0) {
    out.push({ kind: 'tours.finding.due', title: `观摩问题整改临近期限或已逾期：${due.n} 项`, link: '/tours', dueAt: due.first, severity: due.overdue > 0 ? 'overdue' : 'warning', count: due.n });
  }
  if (ctx.actor.permissions.has('tour.write')) {
    const [planned] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(tours)
      .where(and(eq(tours.tenantId, ctx.tenantId), inScope(ctx, tours.orgId), ne(tours.state, 'completed')));
    if (planned && planned.n > 0) out.push({ kind: 'tours.open', title: `待完成的观摩：${planned.n} 次`, link: '/tours', severity: 'info', count: planned.n });
  }
  return out;
}
