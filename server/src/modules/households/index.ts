import type { ModuleManifest } from '../../platform/module.js';

export { households, householdTags } from './households.table.js';

export const householdsModule: ModuleManifest = {
  name: 'households',
  prefix: '/api/households',
  permissions: {},
};
