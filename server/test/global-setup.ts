import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '../src/platform/db.js';
import { buildSeedServices, seedDemoInto, templateDatabaseUrl } from './templates.js';
import { TEST_PASSWORD, testConfig } from './test-config.js';
import crypto from 'node:crypto';

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p) : [p];
  });
}

/** Hash of the sources that shape a template: migrations, tables, seeds, platform and demo code. */
function seedInputsHash(): string {
  const src = path.join(process.cwd(), 'server', 'src');
  const files = listFiles(src)
    .filter((f) => !f.endsWith('.test.ts'))
    .filter((f) => f.includes(`${path.sep}db${path.sep}migrations${path.sep}`) || /\.(table|seed)\.ts$/.test(f) || f.includes(`${path.sep}platform${path.sep}`) || f.includes(`${path.sep}demo${path.sep}`) || f.endsWith('registry.ts'))
    .sort();
  const h = crypto.createHash('sha256');
  for (const f of files) h.update(f).update(fs.readFileSync(f));
  return h.digest('hex').slice(0, 16);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteEmptyTemplate: string;
    pgliteDemoTemplate: string;
    pgTemplatePrefix: string;
  }
}

/**
 * Builds pre-migrated templates once per run: a fresh PGlite takes ~1.7 s to create and migrate,
 * loading a dumped template ~0.4 s. On PostgreSQL (DATABASE_URL) the templates are databases.
 */
export default async function setup(project: TestProject) {
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-templates-'));
  const url = process.env.DATABASE_URL;
  if (url) {
    const prefix = `gj_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${prefix}_empty`);
    const empty = await openDatabase({ databaseUrl: templateDatabaseUrl(url, `${prefix}_empty`), dataDir: dir });
    await migrateDatabase(empty);
    await empty.close();
    await admin.query(`create database ${prefix}_demo template ${prefix}_empty`);
    const demo = await openDatabase({ databaseUrl: templateDatabaseUrl(url, `${prefix}_demo`), dataDir: dir });
    await seedDemoInto(demo.db, buildSeedServices(testConfig(), demo.kind, dir), TEST_PASSWORD);
    await demo.close();
    await admin.end();
    project.provide('pgTemplatePrefix', prefix);
    project.provide('pgliteEmptyTemplate', '');
    project.provide('pgliteDemoTemplate', '');
    console.log(`[global-setup] PostgreSQL templates ${prefix}_{empty,demo} ready in ${Date.now() - started} ms`);
    return async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${prefix}_demo`);
      await c.query(`drop database if exists ${prefix}_empty`);
      await c.end();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  // PGlite templates are cached on disk, keyed by everything that shapes them (tables, migrations, seeds).
  const cacheDir = path.join(process.cwd(), 'node_modules', '.cache', 'gongjian-templates', seedInputsHash());
  const emptyFile = path.join(cacheDir, 'empty.tar');
  const demoFile = path.join(cacheDir, 'demo.tar');
  project.provide('pgliteEmptyTemplate', emptyFile);
  project.provide('pgliteDemoTemplate', demoFile);
  project.provide('pgTemplatePrefix', '');
  if (fs.existsSync(demoFile)) {
    console.log(`[global-setup] PGlite templates reused from cache (${path.basename(cacheDir)})`);
    return () => fs.rmSync(dir, { recursive: true, force: true });
  }
  // Templates of older sources are of no further use: keep only the current one.
  const cacheRoot = path.dirname(cacheDir);
  if (fs.existsSync(cacheRoot)) {
    for (const old of fs.readdirSync(cacheRoot)) {
      const p = path.join(cacheRoot, old);
      if (p !== cacheDir && Date.now() - fs.statSync(p).mtimeMs > 10 * 60_000) fs.rmSync(p, { recursive: true, force: true });
    }
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  const db = await openDatabase({ dataDir: dir, inMemory: true });
  await migrateDatabase(db);
  const dump = async (file: string) => {
    if (!db.pglite) throw new Error('no pglite');
    const blob = await db.pglite.dumpDataDir('none');
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(tmp, file);
  };
  await dump(emptyFile);
  await seedDemoInto(db.db, buildSeedServices(testConfig(), 'pglite', dir), TEST_PASSWORD);
  await dump(demoFile);
  await db.close();
  console.log(`[global-setup] PGlite templates ready in ${Date.now() - started} ms`);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
