import type { ModuleManifest } from '../../platform/module.js';
import { dashboardMetrics } from './dashboards.metrics.js';
import { summaryLedger } from './dashboards.export.js';
import { dashboardPermissions } from './dashboards.policy.js';
import { dashboardRoutes } from './dashboards.routes.js';

export { buildDailyDigests, collectInbox, inboxCount, ESCALATE_AFTER_WORKING_DAYS } from './dashboards.inbox.js';
export { runDigestCommand } from './dashboards.cli.js';
export { parsePeriod, type Period } from './dashboards.period.js';
export { runExportJob } from './dashboards.ledgers.js';
export { reportSnapshots, exportJobs, dailyDigests } from './dashboards.table.js';

/**
 * The street at a glance: dashboard, big screen, 2018 report, ledger centre and to-do inbox.
 * Reads every other module only through the registry (metrics, ledgers, inbox). Routes live under
 * /api/dashboard, /api/ledgers and /api/inbox.
 */
export const dashboardsModule: ModuleManifest = {
  name: 'dashboards',
  prefix: '/api',
  routes: dashboardRoutes,
  permissions: dashboardPermissions,
  metrics: dashboardMetrics,
  ledgers: [summaryLedger],
};
