import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from './config.js';
import type { FieldCipher } from './crypto.js';
import type { Db, DatabaseKind } from './db.js';
import { AppError } from './errors.js';
import type { PermissionTable } from './permissions.js';
import type { Role } from './roles.js';
import type { FileStorage } from './storage.js';

/** Who is acting, on which street, over which part of the org tree. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  tenantId: number;
  tenantCode: string;
  tenantName: string;
  /** Root of the actor's data scope in the org tree, and its materialised path. */
  scopeOrgId: string;
  scopePath: string;
  scopeOrgName: string;
  memberId: string | null;
  permissions: ReadonlySet<string>;
  sessionId: string;
}

export interface AppServices {
  config: AppConfig;
  cipher: FieldCipher;
  permissions: PermissionTable;
  dbKind: DatabaseKind;
  storage: FileStorage;
}

export interface RequestContext {
  db: Db;
  /** Replica for heavy reads; use `readHandle(ctx)` from platform/db.ts rather than this directly. */
  readDb?: Db;
  actor: Actor | null;
  /** The street the request acts on (the actor's, or a public route's). */
  tenantId: number;
  ip: string;
  requestId: string;
  services: AppServices;
}

/** A context whose actor is known (every non-public route). */
export interface ActorContext extends RequestContext {
  actor: Actor;
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyContextConfig {
    /** Permission key required for the route; omit only together with `public: true`. */
    permission?: string;
    /** Reachable without a session (login, health, public forms). */
    public?: boolean;
  }
}

export function requireActor(ctx: RequestContext): ActorContext {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  return ctx as ActorContext;
}

export function can(ctx: RequestContext, permission: string): boolean {
  return ctx.actor?.permissions.has(permission) ?? false;
}

export function assertCan(ctx: RequestContext, permission: string): void {
  if (!can(ctx, permission)) throw new AppError('FORBIDDEN', '没有权限执行此操作');
}

export interface ContextPluginOptions {
  db: Db;
  readDb?: Db;
  services: AppServices;
  resolveActor(req: FastifyRequest, db: Db, services: AppServices): Promise<Actor | null>;
}

/**
 * Builds req.ctx for every request and enforces the route's permission:
 * non-public API routes need a session (401) and the declared permission (403).
 */
export const contextPlugin = fp<ContextPluginOptions>(async (app, opts) => {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  // Authentication and the permission check run in onRequest, before the body is parsed or validated:
  // an anonymous or unauthorised caller learns nothing about the route's schema and uploads nothing.
  app.addHook('onRequest', async (req) => {
    req.ctx = {
      db: opts.db,
      readDb: opts.readDb,
      actor: null,
      tenantId: 0,
      ip: req.ip,
      requestId: req.id,
      services: opts.services,
    };
    const cfg = req.routeOptions.config;
    const url = req.routeOptions.url ?? '';
    if (!url.startsWith('/api/')) return;
    const actor = await opts.resolveActor(req, opts.db, opts.services);
    if (actor) {
      req.ctx.actor = actor;
      req.ctx.tenantId = actor.tenantId;
    }
    if (cfg.public) return;
    if (!actor) throw new AppError('UNAUTHENTICATED', '请先登录');
    if (!cfg.permission) throw new AppError('FORBIDDEN', '没有权限执行此操作');
    if (cfg.permission !== 'authenticated' && !actor.permissions.has(cfg.permission)) {
      throw new AppError('FORBIDDEN', '没有权限执行此操作');
    }
  });
});
