import type { ModuleManifest } from '../../platform/module.js';
import { seedPlaces } from './places.seed.js';

export { grids, buildings } from './places.table.js';

export const placesModule: ModuleManifest = {
  name: 'places',
  prefix: '/api/places',
  permissions: {},
  seedDemo: seedPlaces,
  seedOrder: 20,
};
