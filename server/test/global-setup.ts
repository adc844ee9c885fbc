import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '../src/platform/db.js';
import { buildSeedServices, seedDemoInto, templateDatabaseUrl } from './templates.js';
import { TEST_PASSWORD, testConfig } from './test-config.js';

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
  const db = await openDatabase({ dataDir: dir, inMemory: true });
  await migrateDatabase(db);
  const emptyFile = path.join(dir, 'empty.tar');
  const dump = async (file: string) => {
    if (!db.pglite) throw new Error('no pglite');
    const blob = await db.pglite.dumpDataDir('none');
    fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  };
  await dump(emptyFile);
  await seedDemoInto(db.db, buildSeedServices(testConfig(), 'pglite', dir), TEST_PASSWORD);
  const demoFile = path.join(dir, 'demo.tar');
  await dump(demoFile);
  await db.close();
  project.provide('pgliteEmptyTemplate', emptyFile);
  project.provide('pgliteDemoTemplate', demoFile);
  project.provide('pgTemplatePrefix', '');
  console.log(`[global-setup] PGlite templates ready in ${Date.now() - started} ms`);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
