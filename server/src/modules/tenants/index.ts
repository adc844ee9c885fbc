import type { ModuleManifest } from '../../platform/module.js';
import { tenantRoutes } from './tenants.routes.js';

export { createStreet, ensurePlatformTenant, listTenants, getTenantByCode, PLATFORM_TENANT_ID, type Tenant } from './tenants.service.js';
export { tenants } from './tenants.table.js';
export { findStreet, listVillages } from './divisions.js';

export const tenantsModule: ModuleManifest = {
  name: 'tenants',
  prefix: '/api/tenants',
  routes: tenantRoutes,
  permissions: { 'tenant.manage': ['platform_admin'] },
};
