import { shanghaiDate } from '../../platform/time.js';
import type { InboxItem, ModuleManifest } from '../../platform/module.js';
import { can, type ActorContext } from '../../platform/request-context.js';
import { environmentLedgers } from './environment.ledgers.js';
import { environmentMetrics } from './environment.metrics.js';
import { countRechecksDue } from './environment.pollution.service.js';
import { environmentPermissions } from './environment.policy.js';
import { environmentRoutes } from './environment.routes.js';
import { seedEnvironment } from './environment.seed.js';

export { pollutionEnterprises, pollutionRechecks, constructionSites, siteDailyChecks, entryApplications } from './environment.table.js';
export { DEMO_POLLUTION_ENTERPRISES, DEMO_SITES } from './environment.seed.js';

async function environmentInbox(ctx: ActorContext): Promise<InboxItem[]> {
  if (!can(ctx, 'environment.write')) return [];
  const due = await countRechecksDue(ctx);
  if (due === 0) return [];
  return [{ kind: 'environment.recheck.due', title: `${due}家"散乱污"企业到期待复查（防反弹）`, link: '/environment/pollution?recheckDue=true', dueAt: shanghaiDate(), severity: 'warning', count: due }];
}

export const environmentModule: ModuleManifest = {
  name: 'environment',
  prefix: '/api/environment',
  routes: environmentRoutes,
  permissions: environmentPermissions,
  seedDemo: seedEnvironment,
  seedOrder: 62,
  metrics: environmentMetrics,
  ledgers: environmentLedgers,
  inbox: environmentInbox,
};
