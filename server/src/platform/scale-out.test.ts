import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createStreet, ensurePlatformTenant } from '../modules/tenants/index.js';
import { createCipher } from './crypto.js';
import { migrateDatabase, openDatabase, queryRows, readHandle, type Database } from './db.js';
import { createLocalStorage } from './storage.js';
import { testConfig } from '../../test/test-config.js';

/**
 * The scale-out path of docs/scaling.md, on real servers: a primary, a streaming replica (DATABASE_READ_URL)
 * and PgBouncer in transaction-pooling mode in front of the primary (DATABASE_URL). The app migrates, creates
 * a street, logs in and writes through PgBouncer; heavy reads go to the replica and see the writes once they
 * have streamed; reads inside a transaction stay on the primary. Runs in the PostgreSQL pass of `npm test`.
 */
const onServer = Boolean(process.env.DATABASE_URL);
const root = path.resolve(import.meta.dirname, '../../..');

describe.skipIf(!onServer)('scale-out: primary + streaming replica + PgBouncer (transaction pooling)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gj-scale-'));
  const base = 57000 + Math.floor(Math.random() * 300) * 3;
  let urls: string[] = [];
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let cookie = '';
  let committeeId = '';

  beforeAll(async () => {
    fs.chmodSync(dir, 0o777);
    urls = execFileSync('bash', [path.join(root, 'scripts/replica-cluster.sh'), 'start', dir, String(base)], { encoding: 'utf8' }).trim().split('\n');
    const [, replicaUrl, bouncerUrl] = urls;
    database = await openDatabase({ databaseUrl: bouncerUrl, databaseReadUrl: replicaUrl, dataDir: dir, poolMax: 5 });
    await migrateDatabase(database);
    const config = testConfig({ dataDir: dir });
    const cipher = createCipher(Buffer.from(config.dataKey ?? '', 'base64'));
    app = await buildApp({ database, config, cipher, storage: createLocalStorage(path.join(dir, 'files')), logger: false });
    await app.ready();
    await ensurePlatformTenant(database.db);
    const street = await createStreet(database.db, app.services, '410182002');
    committeeId = street.committee.id;
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: street.adminUsername, password: street.adminPassword } });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'gj_session');
    cookie = `gj_session=${c?.value ?? ''}`;
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
    if (urls.length) execFileSync('bash', [path.join(root, 'scripts/replica-cluster.sh'), 'stop', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes through PgBouncer; the replica serves heavy reads and sees them once streamed', async () => {
    const [primary] = await queryRows<{ r: boolean }>(database.db, sql`select pg_is_in_recovery() as r`);
    const [replica] = await queryRows<{ r: boolean }>(readHandle({ db: database.db, readDb: database.readDb }), sql`select pg_is_in_recovery() as r`);
    expect(primary?.r).toBe(false);
    expect(replica?.r).toBe(true);

    const name = `扩容测试支部${base}`;
    const created = await app.inject({ method: 'POST', url: '/api/orgs', headers: { cookie }, payload: { parentId: committeeId, kind: 'branch', name } });
    expect(created.statusCode).toBe(201);
    const tree = await app.inject({ method: 'GET', url: '/api/orgs/tree', headers: { cookie } });
    expect(tree.statusCode).toBe(200);
    expect((tree.json() as { items: Array<{ name: string }> }).items.some((o) => o.name === name)).toBe(true);

    let seenOnReplica = false;
    for (let i = 0; i < 100 && !seenOnReplica; i++) {
      const rows = await queryRows<{ n: number }>(database.readDb, sql`select count(*)::int as n from org_units where name = ${name}`);
      seenOnReplica = (rows[0]?.n ?? 0) === 1;
      if (!seenOnReplica) await new Promise((r) => setTimeout(r, 100));
    }
    expect(seenOnReplica).toBe(true);
  });

  it('inside a transaction a heavy read stays on the primary and sees its own writes', async () => {
    await database.db.transaction(async (tx) => {
      const [r] = await queryRows<{ r: boolean }>(readHandle({ db: database.db, readDb: database.readDb }), sql`select pg_is_in_recovery() as r`);
      expect(r?.r).toBe(false);
      const [n] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from tenants`);
      expect(n?.n).toBeGreaterThan(0);
    });
  });

  it('the dashboard answers through the replica', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/dashboard/summary?period=2018', headers: { cookie } });
    expect(res.statusCode).toBe(200);
  });
});
