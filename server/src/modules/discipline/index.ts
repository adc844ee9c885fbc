import type { ModuleManifest } from '../../platform/module.js';

export const disciplineModule: ModuleManifest = {
  name: 'discipline',
  prefix: '/api/discipline',
  permissions: {},
};
