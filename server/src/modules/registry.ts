import type { ModuleManifest } from '../platform/module.js';
import { accountsModule } from './accounts/index.js';
import { auditModule } from './audit/index.js';
import { filesModule } from './files/index.js';
import { membersModule } from './members/index.js';
import { placesModule } from './places/index.js';
import { orgUnitsModule } from './org-units/index.js';
import { tenantsModule } from './tenants/index.js';

/**
 * Every feature module, one line each. app.ts registers routes and permissions from these manifests;
 * the demo seed runs their seedDemo steps in seedOrder.
 */
export const modules: ModuleManifest[] = [
  accountsModule,
  tenantsModule,
  orgUnitsModule,
  auditModule,
  filesModule,
  membersModule,
  placesModule,
];
