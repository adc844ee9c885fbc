import type { ModuleManifest } from '../../platform/module.js';
import { disciplineLedgers } from './discipline.ledger.js';
import { disciplineMetrics } from './discipline.metrics.js';
import { disciplinePermissions } from './discipline.policy.js';
import { disciplineRoutes } from './discipline.routes.js';
import { seedDiscipline } from './discipline.seed.js';

export { DEMO_DISCIPLINE_COUNT } from './discipline.seed.js';

export const disciplineModule: ModuleManifest = {
  name: 'discipline',
  prefix: '/api/discipline',
  routes: disciplineRoutes,
  permissions: disciplinePermissions,
  seedDemo: seedDiscipline,
  seedOrder: 47,
  metrics: disciplineMetrics,
  ledgers: disciplineLedgers,
};
