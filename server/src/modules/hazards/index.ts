import type { ModuleManifest } from '../../platform/module.js';

// Placeholder manifest: the module's owner replaces this file.
export const hazardsModule: ModuleManifest = {
  name: 'hazards',
  prefix: '/api/hazards',
  permissions: {},
};
