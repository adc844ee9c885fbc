import type { ModuleManifest } from '../../platform/module.js';

// Placeholder manifest: the module's owner replaces this file.
export const livelihoodModule: ModuleManifest = {
  name: 'livelihood',
  prefix: '/api/livelihood',
  permissions: {},
};
