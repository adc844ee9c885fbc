import type { ModuleManifest } from '../../platform/module.js';
import { instructorMetrics } from './instructors.metrics.js';
import { instructorPermissions } from './instructors.policy.js';
import { instructorRoutes } from './instructors.routes.js';
import { seedInstructors } from './instructors.seed.js';

export { instructors, instructorAssignments } from './instructors.table.js';
export { DEMO_INSTRUCTOR_COUNT } from './instructors.seed.js';

export const instructorsModule: ModuleManifest = {
  name: 'instructors',
  prefix: '/api/instructors',
  routes: instructorRoutes,
  permissions: instructorPermissions,
  seedDemo: seedInstructors,
  seedOrder: 41,
  metrics: instructorMetrics,
};
