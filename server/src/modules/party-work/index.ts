import type { ModuleManifest } from '../../platform/module.js';

// Placeholder manifest: the module's owner replaces this file.
export const partyWorkModule: ModuleManifest = {
  name: 'party-work',
  prefix: '/api/party-work',
  permissions: {},
};
