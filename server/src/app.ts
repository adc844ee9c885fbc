import fs from 'node:fs';
import { registerInputGuards } from './platform/input-guards.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from './platform/config.js';
import type { FieldCipher } from './platform/crypto.js';
import type { Database } from './platform/db.js';
import { AppError, isAppError } from './platform/errors.js';
import { createPermissionTable } from './platform/permissions.js';
import { registerWebDefences } from './platform/web-defences.js';
import { webDocuments } from './platform/web-documents.js';
import { contextPlugin, type AppServices } from './platform/request-context.js';
import type { FileStorage } from './platform/storage.js';
import { resolveActor } from './modules/accounts/index.js';
import { modules } from './modules/registry.js';

z.config(z.locales.zhCN());

export interface BuildAppOptions {
  database: Database;
  config: AppConfig;
  cipher: FieldCipher;
  storage: FileStorage;
  logger?: boolean;
}

export interface RouteInfo {
  method: string;
  url: string;
  permission?: string;
  public: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: AppServices;
    routeTable: RouteInfo[];
  }
}

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

function toFieldPath(instancePath: string): string {
  return instancePath.replace(/^\//, '').replace(/\//g, '.');
}

/** Builds the HTTP application: platform plugins, every module's routes, one error handler. */
export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = opts;
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            // Session cookies and credentials never reach a log line (multipart logs its headers at trace level).
            redact: {
              paths: ['req.headers.cookie', 'req.headers.authorization', 'busboyOptions.headers.cookie', 'busboyOptions.headers.authorization'],
              censor: '[redacted]',
            },
          },
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const services: AppServices = {
    config,
    cipher: opts.cipher,
    permissions: createPermissionTable(modules.map((m) => m.permissions)),
    dbKind: opts.database.kind,
    storage: opts.storage,
  };
  app.decorate('services', services);
  app.decorate('routeTable', [] as RouteInfo[]);

  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (!url.startsWith('/api/') || url.startsWith('/api/docs')) return;
    const cfg = (route.config ?? {}) as { permission?: string; public?: boolean };
    if (!cfg.public && !cfg.permission) throw new Error(`route ${route.method} ${url} declares neither a permission nor public`);
    if (cfg.permission && cfg.permission !== 'authenticated' && !services.permissions.table[cfg.permission]) {
      throw new Error(`route ${route.method} ${url} uses undeclared permission ${cfg.permission}`);
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      app.routeTable.push({ method, url, permission: cfg.permission, public: Boolean(cfg.public) });
    }
  });

  await app.register(cookie);
  await registerWebDefences(app, { exportsPerMinute: config.exportsPerMinute });
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes + 1, files: 10, fields: 50 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Gongjian 共建 API', version: '0.1.0', description: '基层党建与社区治理平台 API' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gj_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (isAppError(err)) {
      return reply.code(err.status).send({ code: err.code, message: err.message, details: err.details });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({ path: toFieldPath(v.instancePath) || (err.validationContext ?? ''), message: v.message ?? '无效' }));
      return reply.code(400).send({ code: 'VALIDATION', message: `输入有误：${details.map((d) => `${d.path} ${d.message}`).join('；')}`, details });
    }
    if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) {
      return reply.code(413).send({ code: 'PAYLOAD_TOO_LARGE', message: '上传内容过大' });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Fastify's own client errors: bad JSON, wrong content type, malformed multipart.
      const code = err.statusCode === 429 ? 'RATE_LIMITED' : 'VALIDATION';
      return reply.code(err.statusCode === 429 ? 429 : 400).send({ code, message: '请求格式有误', details: [{ path: '', message: err.code ?? 'bad request' }] });
    }
    req.log.error({ err, requestId: req.id }, 'unhandled error');
    return reply.code(500).send({ code: 'INTERNAL', message: '服务器内部错误，请稍后再试', details: { requestId: req.id } });
  });

  registerInputGuards(app);
  await app.register(contextPlugin, { db: opts.database.db, readDb: opts.database.readDb, services, resolveActor });

  app.get(
    '/api/health',
    { config: { public: true }, schema: { tags: ['platform'], response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) } } },
    async () => {
      await opts.database.db.execute('select 1');
      return { status: 'ok' as const, database: opts.database.kind };
    },
  );
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  for (const m of modules) {
    if (m.routes) await app.register(m.routes, { prefix: m.prefix });
  }

  if (fs.existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // The build writes .br/.gz copies (web/vite.config.ts); hashed assets never change, so browsers keep them.
      preCompressed: true,
      setHeaders(res, filePath) {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  const documents = webDocuments(webDist);
  app.setNotFoundHandler((req, reply) => {
    const api = req.url.startsWith('/api/') || req.url.startsWith('/open311/');
    const document = req.method === 'GET' && !api ? documents?.documentFor(req.url) : undefined;
    if (!document) return reply.code(404).send({ code: 'NOT_FOUND', message: api ? '接口不存在' : '文件不存在' });
    return reply.type('text/html').sendFile(document);
  });

  return app;
}

export { AppError };
