import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { PGlite } from '@electric-sql/pglite';
import { acquireDataDirLock } from '../../platform/db-lock.js';
import { migrationsFolder, queryRows, wrapPglite, type Database, type Db } from '../../platform/db.js';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { BackupFileError, decodeBackup, encodeBackup, type BackupEntry, type BackupHeader } from './backup.format.js';

/** Where the database lives: the open handle, plus the URL (PostgreSQL) or data folder (PGlite, uploads). */
export interface BackupTarget {
  database: Database;
  databaseUrl?: string;
  dataDir: string;
  dataKey: Buffer;
}

export interface BackupSummary {
  file: string;
  kind: BackupHeader['kind'];
  bytes: number;
  files: number;
  createdAt: string;
}

function pgBinary(name: 'pg_dump' | 'pg_restore'): string {
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    const versions = fs
      .readdirSync(root)
      .filter((v) => /^\d+$/.test(v) && Number(v) >= 15)
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const p = path.join(root, v, 'bin', name);
      if (fs.existsSync(p)) return p;
    }
  }
  return name; // on PATH
}

function run(bin: string, args: string[], input?: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e) => reject(new Error(`${path.basename(bin)} 无法运行 (cannot run): ${e.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`${path.basename(bin)} 失败 (exit ${String(code)}): ${Buffer.concat(err).toString('utf8').trim().slice(0, 2000)}`));
    });
    child.stdin.on('error', () => {
      /* reported through the exit code */
    });
    child.stdin.end(input);
  });
}

function listFiles(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return listFiles(p, base);
    return e.isFile() ? [path.relative(base, p)] : [];
  });
}

/** Writes an encrypted backup of the database and the uploaded files to `file` (written whole, then renamed). */
export async function createBackup(target: BackupTarget, file: string): Promise<BackupSummary> {
  const { database } = target;
  let dump: Buffer;
  if (database.kind === 'pglite') {
    if (!database.pglite) throw new Error('no embedded database handle');
    // PGlite's own gzip runs in JavaScript; node's zlib is several times faster.
    const blob = await database.pglite.dumpDataDir('none');
    dump = zlib.gzipSync(Buffer.from(await blob.arrayBuffer()), { level: 3 });
  } else {
    if (!target.databaseUrl) throw new Error('备份 PostgreSQL 需要 DATABASE_URL');
    dump = await run(pgBinary('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--dbname=${target.databaseUrl}`]);
  }
  const filesDir = path.join(target.dataDir, 'files');
  const uploads = listFiles(filesDir);
  const entries: BackupEntry[] = [
    { name: 'database', data: dump },
    ...uploads.map((rel) => ({ name: `files/${rel.split(path.sep).join('/')}`, data: fs.readFileSync(path.join(filesDir, rel)) })),
  ];
  const createdAt = new Date();
  const encoded = encodeBackup(database.kind, entries, target.dataKey, createdAt);
  const abs = path.resolve(file);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  const tmp = `${abs}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, encoded, { mode: 0o600 });
  fs.renameSync(tmp, abs);
  return { file: abs, kind: database.kind, bytes: encoded.length, files: uploads.length, createdAt: createdAt.toISOString() };
}

export interface TableChecksum {
  table: string;
  rows: number;
  md5: string;
}

/** Row count and an order-independent checksum (two sums of 60-bit slices of each row's md5) for every table of the public schema. */
export async function tableChecksums(db: Db): Promise<TableChecksum[]> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const out: TableChecksum[] = [];
  for (const { name } of tables) {
    const id = sql.identifier(name);
    const [r] = await queryRows<{ rows: number | string; md5: string }>(
      db,
      sql`select count(*)::int as rows, coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint::numeric), 0)::text || ':' || coalesce(sum(('x' || substr(md5(t::text), 17, 15))::bit(60)::bigint::numeric), 0)::text as md5 from ${id} t`,
    );
    out.push({ table: name, rows: Number(r?.rows ?? 0), md5: r?.md5 ?? '' });
  }
  return out;
}

/** True when any table of the public schema holds a row (a migrated but unused database is empty). */
export async function hasData(db: Db): Promise<boolean> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  for (const { name } of tables) {
    const rows = await queryRows<{ one: number }>(db, sql`select 1 as one from ${sql.identifier(name)} limit 1`);
    if (rows.length > 0) return true;
  }
  return false;
}

export interface RestoreOptions {
  force?: boolean;
}

export interface RestoreSummary {
  kind: BackupHeader['kind'];
  createdAt: string;
  files: number;
}

function writeUploads(dataDir: string, entries: BackupEntry[]): number {
  const filesDir = path.join(dataDir, 'files');
  const uploads = entries.filter((e) => e.name.startsWith('files/'));
  for (const e of uploads) {
    const rel = e.name.slice('files/'.length);
    const dest = path.resolve(filesDir, rel);
    if (!dest.startsWith(path.resolve(filesDir) + path.sep)) throw new BackupFileError(`备份中的文件路径无效 (bad path ${rel})`);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, e.data);
  }
  return uploads.length;
}

/**
 * Restores `file` into the target. Refuses a wrong key, a corrupt file, a backup of the other database kind,
 * and (unless `force`) a database that already holds data. For PGlite the open handle is closed and the data
 * folder replaced; the caller opens it again.
 */
export async function restoreBackup(target: BackupTarget, file: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
  if (!fs.existsSync(file)) throw new BackupFileError(`找不到备份文件 ${file} (backup file not found)`);
  const { header, entries } = decodeBackup(fs.readFileSync(file), target.dataKey);
  const { database } = target;
  if (header.kind !== database.kind) {
    throw new BackupFileError(`这是 ${header.kind} 数据库的备份，当前数据库是 ${database.kind} (backup kind does not match this database)`);
  }
  const dump = entries.find((e) => e.name === 'database');
  if (!dump) throw new BackupFileError('备份中没有数据库 (no database in backup)');
  if (!options.force && (await hasData(database.db))) {
    throw new BackupFileError('目标数据库已有数据；确认要覆盖请加 --force (the database is not empty; add --force to overwrite it)');
  }
  if (database.kind === 'postgres') {
    if (!target.databaseUrl) throw new Error('恢复 PostgreSQL 需要 DATABASE_URL');
    await run(
      pgBinary('pg_restore'),
      ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${target.databaseUrl}`],
      dump.data,
    );
  } else {
    await database.close();
    await restorePgliteDataDir(target.dataDir, dump.data);
  }
  if (options.force) fs.rmSync(path.join(target.dataDir, 'files'), { recursive: true, force: true });
  const files = writeUploads(target.dataDir, entries);
  return { kind: header.kind, createdAt: header.createdAt, files };
}

/** Replaces `<dataDir>/pglite` with the dump; the old folder is put back if loading fails. */
async function restorePgliteDataDir(dataDir: string, dump: Buffer): Promise<void> {
  const lock = acquireDataDirLock(dataDir);
  const live = path.join(dataDir, 'pglite');
  const aside = path.join(dataDir, `pglite.before-restore-${Date.now()}`);
  const hadOld = fs.existsSync(live);
  try {
    if (hadOld) fs.renameSync(live, aside);
    try {
      const tar = dump[0] === 0x1f && dump[1] === 0x8b ? zlib.gunzipSync(dump) : dump;
      const client = await PGlite.create(live, { loadDataDir: new Blob([new Uint8Array(tar)]) });
      // A backup from an older build is brought up to this build's schema.
      await migratePglite(wrapPglite(client) as never, { migrationsFolder });
      await client.close();
    } catch (e) {
      fs.rmSync(live, { recursive: true, force: true });
      if (hadOld) fs.renameSync(aside, live);
      throw new BackupFileError(`无法载入备份中的数据库 (cannot load the backed-up database): ${e instanceof Error ? e.message : String(e)}`);
    }
    if (hadOld) fs.rmSync(aside, { recursive: true, force: true });
  } finally {
    lock.release();
  }
}
