import type { ModuleManifest } from '../../platform/module.js';
import { rectificationInbox } from './rectification.inbox.js';
import { rectificationLedgers } from './rectification.ledger.js';
import { rectificationMetrics } from './rectification.metrics.js';
import { rectificationPermissions } from './rectification.policy.js';
import { rectificationRoutes } from './rectification.routes.js';

export {
  rectificationItems,
  rectificationSteps,
  rectificationSourceKinds,
  rectificationStates,
  type RectificationSourceKind,
  type RectificationState,
  type RectificationAction,
} from './rectification.table.js';
export {
  openRectificationItem,
  rectificationStatesBySource,
  reopenBySource,
  countOverdueItems,
  overdueCondition,
  type OpenRectificationInput,
} from './rectification.service.js';
export { loadWorkingCalendar } from './rectification.calendar.js';
export { rectificationStateLabels, nextRectificationState, rectificationTransitions } from './rectification.workflow.js';
export { rectificationSourceLabels } from './rectification.ledger.js';

export const rectificationModule: ModuleManifest = {
  name: 'rectification',
  prefix: '/api/rectification',
  routes: rectificationRoutes,
  permissions: rectificationPermissions,
  ledgers: rectificationLedgers,
  inbox: rectificationInbox,
  metrics: rectificationMetrics,
};
