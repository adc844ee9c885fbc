import type { ModuleManifest } from '../../platform/module.js';
import { hazardInbox } from './hazards.inbox.js';
import { hazardLedgers } from './hazards.ledger.js';
import { hazardMetrics } from './hazards.metrics.js';
import { hazardPermissions } from './hazards.policy.js';
import { hazardRoutes } from './hazards.routes.js';
import { seedHazards } from './hazards.seed.js';
import { open311Routes } from './open311.routes.js';

export { hazards, hazardCategories, hazardSeverities, type HazardCategory, type HazardSeverity } from './hazards.table.js';
export { hazardCategoryLabels, hazardSeverityLabels } from './hazards.labels.js';
export { createHazard, type CreateHazardInput } from './hazards.service.js';
export type { CreateHazardBody } from './hazards.schema.js';

export const hazardsModule: ModuleManifest = {
  name: 'hazards',
  prefix: '/api/hazards',
  routes: hazardRoutes,
  permissions: hazardPermissions,
  metrics: hazardMetrics,
  ledgers: hazardLedgers,
  inbox: hazardInbox,
  seedDemo: seedHazards,
  seedOrder: 55,
};

/** Open311 GeoReport v2, outside /api: public routes that check the street's api_key themselves. */
export const open311Module: ModuleManifest = {
  name: 'open311',
  prefix: '/open311/v2',
  routes: open311Routes,
  permissions: {},
};
