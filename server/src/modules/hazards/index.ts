import type { ModuleManifest } from '../../platform/module.js';
import { hazardPermissions } from './hazards.policy.js';

export { hazards, hazardCategories, hazardSeverities, type HazardCategory, type HazardSeverity } from './hazards.table.js';
export { hazardCategoryLabels, hazardSeverityLabels } from './hazards.labels.js';
export { createHazard, type CreateHazardInput } from './hazards.service.js';
export type { CreateHazardBody } from './hazards.schema.js';

export const hazardsModule: ModuleManifest = {
  name: 'hazards',
  prefix: '/api/hazards',
  permissions: hazardPermissions,
};
