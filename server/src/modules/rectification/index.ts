import type { ModuleManifest } from '../../platform/module.js';

// Placeholder manifest: the module's owner replaces this file.
export const rectificationModule: ModuleManifest = {
  name: 'rectification',
  prefix: '/api/rectification',
  permissions: {},
};
