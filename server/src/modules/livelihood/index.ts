import type { FastifyPluginAsync } from 'fastify';
import type { ModuleManifest } from '../../platform/module.js';
import { campaignRoutes } from './campaigns.routes.js';
import { cobuildRoutes } from './cobuild.routes.js';
import { livelihoodInbox } from './livelihood.inbox.js';
import { ledgerRoutes, livelihoodLedgers } from './livelihood.ledgers.js';
import { livelihoodMetrics } from './livelihood.metrics.js';
import { livelihoodPermissions } from './livelihood.policy.js';
import { seedLivelihood } from './livelihood.seed.js';
import { requestRoutes } from './requests.routes.js';
import { resettlementRoutes } from './resettlement.routes.js';
import { settingsRoutes } from './settings.routes.js';

export { countRates, withRates, rateSettingsOf, type Rates, type RateCounts, type RateSettings } from './resettlement.rates.js';
export { sumQuantities } from './campaigns.service.js';
export { countRequestRates } from './requests.service.js';
export { campaignItems } from './campaigns.schema.js';
export { housingProjects, housingPhases, housingUnits, resettlementHouseholds, housingMilestones } from './resettlement.table.js';
export { cobuildUnits, cobuildProjects } from './cobuild.table.js';
export { residentRequests } from './requests.table.js';

const routes: FastifyPluginAsync = async (app) => {
  await app.register(resettlementRoutes, { prefix: '/resettlement' });
  await app.register(campaignRoutes);
  await app.register(cobuildRoutes, { prefix: '/cobuild' });
  await app.register(requestRoutes);
  await app.register(ledgerRoutes);
  await app.register(settingsRoutes);
};

/** 民生与社会: resettlement (安置房), old-area upgrade, 创文创卫 campaigns, 共驻共建, residents' requests and wishes. */
export const livelihoodModule: ModuleManifest = {
  name: 'livelihood',
  prefix: '/api/livelihood',
  routes,
  permissions: livelihoodPermissions,
  seedDemo: seedLivelihood,
  seedOrder: 70,
  metrics: livelihoodMetrics,
  inbox: livelihoodInbox,
  ledgers: livelihoodLedgers,
};
