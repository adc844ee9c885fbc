import type { ModuleManifest } from '../../platform/module.js';

export const studyModule: ModuleManifest = {
  name: 'study',
  prefix: '/api/study',
  permissions: {},
};
