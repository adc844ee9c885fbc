import type { ModuleManifest } from '../../platform/module.js';
import type { ActorContext } from '../../platform/request-context.js';
import { pointsLedgers } from './points.export.js';
import { pointsMetrics } from './points.metrics.js';
import { pointsPermissions } from './points.policy.js';
import { pointsRoutes } from './points.routes.js';
import { seedPoints } from './points.seed.js';
import { countPendingForApprover, countRecentlyRejected } from './points.service.js';

export { pointCategories, claimCategories, type PointCategory, type EntrySourceKind } from './points.table.js';
export { categoryLabels } from './points.labels.js';
export { awardPoints, type AwardInput, type AwardResult } from './points.ledger.js';
export { demoDay, demoRuleIds, insertInBatches, loadDemoMembers, type DemoMember } from './points.seed.js';
/** For other modules' bulk demo seeds only (no audit, no caps): the ledger table. */
export { pointEntries } from './points.table.js';

async function pointsInbox(ctx: ActorContext) {
  const items = [];
  if (ctx.actor.permissions.has('points.approve')) {
    const n = await countPendingForApprover(ctx);
    if (n > 0) items.push({ kind: 'points.claim.pending', title: `${n} 条积分申报待审核`, link: '/points/approvals', severity: 'warning' as const, count: n });
  }
  if (ctx.actor.memberId && ctx.actor.permissions.has('points.claim')) {
    const n = await countRecentlyRejected(ctx);
    if (n > 0) items.push({ kind: 'points.claim.rejected', title: `${n} 条积分申报被退回或冲销，请查看原因`, link: '/points/mine', severity: 'info' as const, count: n });
  }
  return items;
}

export const pointsModule: ModuleManifest = {
  name: 'points',
  prefix: '/api/points',
  routes: pointsRoutes,
  permissions: pointsPermissions,
  seedDemo: seedPoints,
  seedOrder: 30,
  metrics: pointsMetrics,
  inbox: pointsInbox,
  ledgers: pointsLedgers,
};
