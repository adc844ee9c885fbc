import type { ModuleManifest } from '../../platform/module.js';

// Placeholder manifest: the module's owner replaces this file.
export const dashboardsModule: ModuleManifest = {
  name: 'dashboards',
  prefix: '/api/dashboard',
  permissions: {},
};
