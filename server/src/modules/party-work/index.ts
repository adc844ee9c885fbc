import type { ModuleManifest } from '../../platform/module.js';
import { partyWorkMetrics } from './party-work.metrics.js';

/**
 * Party-building work (issue #5) lives in service-centres/, instructors/, tours/, study/ and discipline/;
 * this manifest carries the figures that span them: organisations by kind toward the goal of 100.
 */
export const partyWorkModule: ModuleManifest = {
  name: 'party-work',
  prefix: '/api/party-work',
  permissions: {},
  metrics: partyWorkMetrics,
};
