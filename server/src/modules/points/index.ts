import type { ModuleManifest } from '../../platform/module.js';

// Placeholder manifest: the module's owner replaces this file.
export const pointsModule: ModuleManifest = {
  name: 'points',
  prefix: '/api/points',
  permissions: {},
};
