import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase, queryRows, type Database } from '../../platform/db.js';
import { verifyAuditChain } from '../audit/index.js';
import { templateDatabaseUrl } from '../../../test/templates.js';
import { TEST_DATA_KEY } from '../../../test/test-config.js';
import { createBackup, restoreBackup, tableChecksums, type BackupTarget } from './backup.service.js';
import { decodeBackup, readBackupHeader } from './backup.format.js';
import { pruneBackups } from './backup.schedule.js';

/**
 * The restore drill: the demo street is backed up, restored into a fresh database, and every table's row
 * count and checksum compared; the audit hash chain must still verify. Runs on PGlite, and on PostgreSQL
 * (pg_dump/pg_restore) when DATABASE_URL is set.
 */
const url = process.env.DATABASE_URL;
const dataKey = Buffer.from(TEST_DATA_KEY, 'base64');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-backup-test-'));
const cleanups: Array<() => Promise<void>> = [];

async function adminQuery(text: string) {
  if (!url) throw new Error('no DATABASE_URL');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** A database in `dir`: a copy of the demo template, or a new empty one. */
async function makeDatabase(name: string, demo: boolean): Promise<BackupTarget> {
  const dataDir = path.join(root, name);
  fs.mkdirSync(dataDir, { recursive: true });
  let database: Database;
  let databaseUrl: string | undefined;
  if (url) {
    const dbName = `gj_bk_${process.pid}_${name}`;
    await adminQuery(demo ? `create database ${dbName} template ${inject('pgTemplatePrefix')}_demo` : `create database ${dbName}`);
    databaseUrl = templateDatabaseUrl(url, dbName);
    database = await openDatabase({ databaseUrl, dataDir, poolMax: 2 });
    cleanups.push(() => adminQuery(`drop database if exists ${dbName} with (force)`));
  } else if (demo) {
    database = await openDatabase({ dataDir, inMemory: true, loadDataDir: new Blob([new Uint8Array(fs.readFileSync(inject('pgliteDemoTemplate')))]) });
  } else {
    database = await openDatabase({ dataDir });
  }
  cleanups.push(() => database.close());
  return { database, databaseUrl, dataDir, dataKey };
}

let source: BackupTarget;
const backupFile = path.join(root, 'out', 'demo.backup');

beforeAll(async () => {
  source = await makeDatabase('source', true);
  fs.mkdirSync(path.join(source.dataDir, 'files', 'ab'), { recursive: true });
  fs.writeFileSync(path.join(source.dataDir, 'files', 'ab', 'photo.jpg'), Buffer.from('not really a photo'));
});

afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  fs.rmSync(root, { recursive: true, force: true });
});

describe('backup and restore drill', () => {
  it('restores the demo street into a fresh database with every table identical and the audit chain intact', { timeout: 400_000 }, async () => {
    const before = await tableChecksums(source.database.db);
    expect(before.find((t) => t.table === 'members')?.rows ?? 0).toBeGreaterThan(100);

    const summary = await createBackup(source, backupFile);
    expect(summary.kind).toBe(url ? 'postgres' : 'pglite');
    expect(summary.files).toBe(1);
    const raw = fs.readFileSync(backupFile);
    const { header } = readBackupHeader(raw);
    expect(header).toMatchObject({ version: 1, kind: summary.kind, entries: 2 });
    expect(header.checksum).toMatch(/^[0-9a-f]{64}$/);
    // Encrypted: no demo name or table name appears in the file.
    expect(raw.includes(Buffer.from('audit_events'))).toBe(false);

    const target = await makeDatabase('target', false);
    await restoreBackup(target, backupFile);
    let restored: Database = target.database;
    if (!url) {
      restored = await openDatabase({ dataDir: target.dataDir });
      cleanups.push(() => restored.close());
    }
    const after = await tableChecksums(restored.db);
    expect(after.map((t) => t.table)).toEqual(before.map((t) => t.table));
    expect(after).toEqual(before);
    expect(fs.readFileSync(path.join(target.dataDir, 'files', 'ab', 'photo.jpg'), 'utf8')).toBe('not really a photo');

    const tenants = await queryRows<{ tenantId: number }>(restored.db, sql`select distinct tenant_id as "tenantId" from audit_events order by 1`);
    expect(tenants.length).toBeGreaterThan(0);
    for (const { tenantId } of tenants) {
      const r = await verifyAuditChain(restored.db, tenantId);
      expect(r.ok, `audit chain of tenant ${tenantId}`).toBe(true);
      expect(r.checked).toBeGreaterThan(0);
    }
  });

  it('refuses to overwrite a database holding data unless forced', async () => {
    await expect(restoreBackup(source, backupFile)).rejects.toThrow(/--force/);
  });

  it('refuses a wrong data key and a corrupt file with a clear message', async () => {
    const raw = fs.readFileSync(backupFile);
    expect(() => decodeBackup(raw, Buffer.alloc(32, 9))).toThrow(/数据密钥/);
    const corrupt = Buffer.from(raw);
    corrupt[corrupt.length - 100] = (corrupt[corrupt.length - 100] ?? 0) ^ 0xff;
    expect(() => decodeBackup(corrupt, dataKey)).toThrow(/损坏/);
    expect(() => decodeBackup(Buffer.from('hello\n{}\n'), dataKey)).toThrow(/不是共建备份文件/);
    const badFile = path.join(root, 'corrupt.backup');
    fs.writeFileSync(badFile, corrupt);
    await expect(restoreBackup(source, badFile, { force: true })).rejects.toThrow(/损坏/);
    // A tampered header (kind changed, checksum kept) fails authentication.
    const text = raw.toString('latin1').replace(`"kind":"${url ? 'postgres' : 'pglite'}"`, `"kind":"${url ? 'pglite' : 'postgres'}"`);
    expect(() => decodeBackup(Buffer.from(text, 'latin1'), dataKey)).toThrow(/数据密钥不对或文件已被改动/);
  });

  it('keeps daily backups for the configured number of days', () => {
    const dir = path.join(root, 'daily');
    fs.mkdirSync(dir);
    for (const d of ['2026-11-01', '2026-11-20', '2026-11-21', '2026-11-27', '2026-11-28']) fs.writeFileSync(path.join(dir, `gongjian-${d}.backup`), '');
    fs.writeFileSync(path.join(dir, 'other.txt'), '');
    expect(pruneBackups(dir, '2026-11-28', 7).sort()).toEqual(['gongjian-2026-11-01.backup', 'gongjian-2026-11-20.backup', 'gongjian-2026-11-21.backup']);
    expect(fs.readdirSync(dir).sort()).toEqual(['gongjian-2026-11-27.backup', 'gongjian-2026-11-28.backup', 'other.txt']);
  });
});
