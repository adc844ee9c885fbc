import type { ModuleManifest } from '../../platform/module.js';
import { auditPermissions } from './audit.policy.js';
import { auditRoutes } from './audit.routes.js';

export { recordAudit, verifyAuditChain, purgeAuditEvents, AUDIT_MIN_RETENTION_DAYS, type AuditEntry, type AuditSource } from './audit.service.js';
export { cachedByStamp, writeStamp, FRESH_WAIT_MS, OVERVIEW_CACHE_MS } from './audit.change-cache.js';

export const auditModule: ModuleManifest = {
  name: 'audit',
  prefix: '/api/audit',
  routes: auditRoutes,
  permissions: auditPermissions,
};
