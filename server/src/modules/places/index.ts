import type { ModuleManifest } from '../../platform/module.js';
import { placePermissions } from './places.policy.js';
import { placeRoutes } from './places.routes.js';
import { seedPlaces } from './places.seed.js';

export { grids, buildings, gridStaff, gridGroups } from './places.table.js';
export { getGridInScope, getBuildingInScope, findGridAt, findGridAtInTenant, type Grid, type Building } from './places.lookup.js';
export { gridScope, isGridOnly, myGridIds } from './places.grid-scope.js';
export { boundaryContains, haversineMetres, boundingBox, type GridBoundary } from './places.geo.js';

export const placesModule: ModuleManifest = {
  name: 'places',
  prefix: '/api/places',
  routes: placeRoutes,
  permissions: placePermissions,
  seedDemo: seedPlaces,
  seedOrder: 20,
};
