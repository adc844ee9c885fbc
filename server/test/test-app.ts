import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { createCipher } from '../src/platform/crypto.js';
import { openDatabase, type Database, type Db } from '../src/platform/db.js';
import type { ActorContext, AppServices } from '../src/platform/request-context.js';
import { createLocalStorage } from '../src/platform/storage.js';
import { resolveActor } from '../src/modules/accounts/index.js';
import { templateDatabaseUrl } from './templates.js';
import { TEST_PASSWORD, testConfig } from './test-config.js';

export { TEST_PASSWORD };

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  db: Db;
  services: AppServices;
  /** Logs in and returns the Cookie header value for later requests. */
  login(username: string, password?: string): Promise<string>;
  /** app.inject with an optional session cookie. */
  request(opts: InjectOptions & { cookie?: string }): Promise<LightMyRequestResponse>;
  /** A service-level context for `username`, as the routes would build it. */
  contextFor(username: string): Promise<ActorContext>;
  close(): Promise<void>;
}

let counter = 0;

/**
 * A real app on a real database for one test file: PGlite loaded from the pre-migrated template,
 * or (with DATABASE_URL) a fresh PostgreSQL database cloned from the template database.
 * `demo` starts from the seeded demo street 京城路街道; `empty` from an empty, migrated schema.
 */
export async function createTestApp(opts: { template?: 'empty' | 'demo' } = {}): Promise<TestApp> {
  const template = opts.template ?? 'demo';
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-test-'));
  const config = testConfig({ dataDir: filesDir });
  let database: Database;
  let dropDb: (() => Promise<void>) | undefined;
  const url = process.env.DATABASE_URL;
  if (url) {
    const prefix = inject('pgTemplatePrefix');
    const name = `gj_t_${process.pid}_${Date.now()}_${counter++}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${prefix}_${template}`);
    await admin.end();
    database = await openDatabase({ databaseUrl: templateDatabaseUrl(url, name), dataDir: filesDir, poolMax: 5 });
    dropDb = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    const file = template === 'demo' ? inject('pgliteDemoTemplate') : inject('pgliteEmptyTemplate');
    const blob = new Blob([fs.readFileSync(file)]);
    database = await openDatabase({ dataDir: filesDir, inMemory: true, loadDataDir: blob });
  }
  const cipher = createCipher(Buffer.from(config.dataKey ?? '', 'base64'));
  const storage = createLocalStorage(path.join(filesDir, 'files'));
  const app = await buildApp({ database, config, cipher, storage, logger: false });
  await app.ready();

  const request: TestApp['request'] = (o) => {
    const { cookie, ...rest } = o;
    return app.inject({ ...rest, headers: { ...(rest.headers ?? {}), ...(cookie ? { cookie } : {}) } });
  };
  const login = async (username: string, password = TEST_PASSWORD) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const c = res.cookies.find((x) => x.name === 'gj_session');
    if (!c) throw new Error('no session cookie');
    return `gj_session=${c.value}`;
  };
  return {
    app,
    database,
    db: database.db,
    services: app.services,
    login,
    request,
    async contextFor(username) {
      const cookie = await login(username);
      const fakeReq = { cookies: { gj_session: cookie.slice('gj_session='.length) } } as never;
      const actor = await resolveActor(fakeReq, database.db, app.services);
      if (!actor) throw new Error('no actor');
      return { db: database.db, actor, tenantId: actor.tenantId, ip: '127.0.0.1', requestId: 'test', services: app.services };
    },
    async close() {
      await app.close();
      await database.close();
      await dropDb?.();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
