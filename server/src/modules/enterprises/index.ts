import type { ModuleManifest } from '../../platform/module.js';

// Placeholder manifest: the module's owner replaces this file.
export const enterprisesModule: ModuleManifest = {
  name: 'enterprises',
  prefix: '/api/enterprises',
  permissions: {},
};
