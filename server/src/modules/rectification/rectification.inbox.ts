import { and, count, eq, inArray, isNotNull, min, ne, or, isNull } from 'drizzle-orm';
import type { InboxItem } from '../../platform/module.js';
import { can, type ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { itemScope, overdueCondition } from './rectification.service.js';
import { rectificationItems } from './rectification.table.js';

/** What waits on this user in the ledger: own items to fix, fixes to verify, extensions to decide, overdue items. */
export async function rectificationInbox(ctx: ActorContext): Promise<InboxItem[]> {
  if (!can(ctx, 'rectification.read')) return [];
  const base = [eq(rectificationItems.tenantId, ctx.tenantId), itemScope(ctx)];
  const today = shanghaiDate();
  const out: InboxItem[] = [];
  const n = async (...conds: Parameters<typeof and>) => (await ctx.db.select({ n: count() }).from(rectificationItems).where(and(...base, ...conds)))[0].n;
  /** How many overdue items match, and the end of the earliest deadline day (Shanghai) — escalation counts from it. */
  const overdueOf = async (...conds: Parameters<typeof and>) => {
    const [r] = await ctx.db.select({ n: count(), first: min(rectificationItems.deadline) }).from(rectificationItems).where(and(...base, overdueCondition(today), ...conds));
    return { n: r?.n ?? 0, dueAt: r?.first ? `${r.first}T23:59:59+08:00` : undefined };
  };

  const mine = await n(eq(rectificationItems.responsibleUserId, ctx.actor.userId), inArray(rectificationItems.state, ['assigned', 'rectifying']));
  if (mine > 0) {
    const mineOverdue = await overdueOf(eq(rectificationItems.responsibleUserId, ctx.actor.userId));
    out.push({ kind: 'rectification.mine', title: `待我整改的事项 ${mine} 项`, link: '/rectifications', count: mine, severity: mineOverdue.n > 0 ? 'overdue' : 'warning', dueAt: mineOverdue.dueAt });
  }
  if (can(ctx, 'rectification.verify')) {
    const toVerify = await n(eq(rectificationItems.state, 'awaiting_verification'), or(isNull(rectificationItems.submittedBy), ne(rectificationItems.submittedBy, ctx.actor.userId)));
    if (toVerify > 0) out.push({ kind: 'rectification.verify', title: `待验收的整改 ${toVerify} 项`, link: '/rectifications', count: toVerify, severity: 'info' });
  }
  if (can(ctx, 'rectification.extension.approve')) {
    const ext = await n(isNotNull(rectificationItems.pendingExtensionDeadline), or(isNull(rectificationItems.pendingExtensionBy), ne(rectificationItems.pendingExtensionBy, ctx.actor.userId)));
    if (ext > 0) out.push({ kind: 'rectification.extension', title: `待审批的延期申请 ${ext} 项`, link: '/rectifications', count: ext, severity: 'warning' });
  }
  const overdue = await overdueOf();
  if (overdue.n > 0) out.push({ kind: 'rectification.overdue', title: `逾期未整改 ${overdue.n} 项`, link: '/rectifications', count: overdue.n, severity: 'overdue', dueAt: overdue.dueAt });
  return out;
}
