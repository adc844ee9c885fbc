import type { ModuleManifest } from '../../platform/module.js';
import { studyInbox, studyLedgers } from './study.ledger.js';
import { studyMetrics } from './study.metrics.js';
import { studyPermissions } from './study.policy.js';
import { studyRoutes } from './study.routes.js';
import { seedStudy } from './study.seed.js';

export { drawSample, sampleSizeOf } from './spot-check.draw.js';
export { studyNotes, studySessions } from './study.table.js';

export const studyModule: ModuleManifest = {
  name: 'study',
  prefix: '/api/study',
  routes: studyRoutes,
  permissions: studyPermissions,
  seedDemo: seedStudy,
  seedOrder: 46,
  metrics: studyMetrics,
  inbox: studyInbox,
  ledgers: studyLedgers,
};
