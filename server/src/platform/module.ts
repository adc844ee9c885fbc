import type { FastifyPluginAsync } from 'fastify';
import type { Db } from './db.js';
import type { PermissionSlice } from './permissions.js';
import type { MetricDefinition } from './metrics.js';
import type { AppServices } from './request-context.js';

/** What the demo seeding step hands every module. */
export interface SeedContext {
  db: Db;
  tenantId: number;
  services: AppServices;
  /** Deterministic random source shared by the demo seed. */
  random: () => number;
  log: (line: string) => void;
}

/** A feature module's manifest: app.ts registers modules from these and nothing else. */
export interface ModuleManifest {
  name: string;
  /** URL prefix of the module's routes, e.g. '/api/members'. */
  prefix: string;
  routes?: FastifyPluginAsync;
  permissions: PermissionSlice;
  /** Fills the demo street; run in ascending seedOrder after the tenant and org tree exist. */
  seedDemo?: (ctx: SeedContext) => Promise<void>;
  seedOrder?: number;
  /** Headline figures this module defines (see platform/metrics.ts). */
  metrics?: MetricDefinition[];
}
