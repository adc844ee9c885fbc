import type { FastifyPluginAsync } from 'fastify';
import type { Db } from './db.js';
import type { PermissionSlice } from './permissions.js';
import type { MetricDefinition } from './metrics.js';
import type { ActorContext, AppServices } from './request-context.js';
import type { LedgerSheet } from './excel.js';

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
  /** What waits on this user in this module (to-do inbox): claims to approve, items near deadline … */
  inbox?: (ctx: ActorContext) => Promise<InboxItem[]>;
  /** Ledgers (台账) this module files, exported from the ledger centre. */
  ledgers?: LedgerDefinition[];
}

export interface InboxItem {
  /** e.g. 'points.claim.pending' */
  kind: string;
  title: string;
  /** Web route that opens the item or the list it is in. */
  link: string;
  dueAt?: string | null;
  severity: 'info' | 'warning' | 'overdue';
  count?: number;
}

export interface LedgerDefinition {
  id: string;
  /** 中文 ledger name, e.g. 隐患排查整改台账 */
  name: string;
  /** Permission needed to export it. */
  permission: string;
  /** Builds the sheet for the actor's scope and an optional period (inclusive ISO dates). */
  build(ctx: ActorContext, period: { from?: string; to?: string }): Promise<LedgerSheet<unknown>>;
}
