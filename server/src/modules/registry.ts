import type { ModuleManifest } from '../platform/module.js';
import { accountsModule } from './accounts/index.js';
import { auditModule } from './audit/index.js';
import { dashboardsModule } from './dashboards/index.js';
import { enterprisesModule } from './enterprises/index.js';
import { environmentModule } from './environment/index.js';
import { filesModule } from './files/index.js';
import { hazardsModule, open311Module } from './hazards/index.js';
import { householdsModule } from './households/index.js';
import { livelihoodModule } from './livelihood/index.js';
import { membersModule } from './members/index.js';
import { orgUnitsModule } from './org-units/index.js';
import { partyWorkModule } from './party-work/index.js';
import { serviceCentresModule } from './service-centres/index.js';
import { instructorsModule } from './instructors/index.js';
import { toursModule } from './tours/index.js';
import { studyModule } from './study/index.js';
import { disciplineModule } from './discipline/index.js';
import { placesModule } from './places/index.js';
import { pointsModule } from './points/index.js';
import { dutyRostersModule } from './duty-rosters/index.js';
import { volunteerEventsModule } from './volunteer-events/index.js';
import { rectificationModule } from './rectification/index.js';
import { tenantsModule } from './tenants/index.js';

/**
 * Every feature module, one line each. app.ts registers routes and permissions from these manifests;
 * the demo seed runs their seedDemo steps in seedOrder. Add a module: one import, one line.
 */
export const modules: ModuleManifest[] = [
  accountsModule,
  tenantsModule,
  orgUnitsModule,
  auditModule,
  filesModule,
  membersModule,
  placesModule,
  householdsModule,
  pointsModule,
  dutyRostersModule,
  volunteerEventsModule,
  rectificationModule,
  hazardsModule,
  open311Module,
  enterprisesModule,
  environmentModule,
  partyWorkModule,
  serviceCentresModule,
  instructorsModule,
  toursModule,
  studyModule,
  disciplineModule,
  livelihoodModule,
  dashboardsModule,
];
