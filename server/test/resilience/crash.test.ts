import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, queryRows } from '../../src/platform/db.js';
import { validIdNumber } from '../../src/modules/members/members.test-factory.js';
import { templateDatabaseUrl } from '../templates.js';
import { TEST_DATA_KEY, TEST_PASSWORD } from '../test-config.js';

/**
 * Crash safety: the real server (a child process) takes a write load — claims, hazard reports, a member
 * import — and is killed with SIGKILL in the middle. After a restart on the same data every write the client
 * saw acknowledged is there, and nothing is half-written: an import is all rows or none, every claim and
 * hazard has its audit (timeline) row. On PGlite the killed process's lock file is taken over, and a live
 * server still refuses a second process on the same folder.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const url = process.env.DATABASE_URL;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-crash-'));
const dataDir = path.join(root, 'data');
let databaseUrl: string | undefined;
let dbName = '';
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  if (url && dbName) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop database if exists ${dbName} with (force)`);
    await c.end();
  }
  fs.rmSync(root, { recursive: true, force: true });
});

function startServer(): Promise<{ child: ChildProcess; base: string; exited: Promise<number | null>; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      GONGJIAN_DATA_DIR: dataDir,
      GONGJIAN_DATA_KEY: TEST_DATA_KEY,
      GONGJIAN_DEMO_PASSWORD: TEST_PASSWORD,
      GONGJIAN_ARGON2_MEMORY_KIB: '4096',
      GONGJIAN_LOG_LEVEL: 'silent',
      DATABASE_URL: databaseUrl ?? '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (b: Buffer) => {
      out += b.toString('utf8');
      const m = /GONGJIAN_READY (\S+)/.exec(out);
      if (m?.[1]) resolve({ child, base: m[1].replace('localhost', '127.0.0.1'), exited, output: () => out });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited (${String(code)}) before ready:\n${out}`)));
  });
}

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: TEST_PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('gj_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0] ?? '';
}

async function postJson(base: string, cookie: string, p: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${base}${p}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  return { status: res.status, json: ((await res.json().catch(() => ({}))) as Record<string, unknown>) };
}

async function roster(rows: number, branch: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['序号', '姓名', '身份证号码', '联系电话', '所在党支部', '党员类别', '入党时间', '家庭住址']);
  for (let i = 0; i < rows; i++) ws.addRow([i + 1, `崩溃导入${String(i).padStart(3, '0')}`, validIdNumber(500 + i * 3, { birth: '19790303' }), '', branch, '正式党员', '2015-07-01', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function postFile(base: string, cookie: string, p: string, file: Buffer, fields: Record<string, string> = {}) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  fd.append('file', new Blob([new Uint8Array(file)]), 'roster.xlsx');
  const res = await fetch(`${base}${p}`, { method: 'POST', headers: { cookie }, body: fd });
  return { status: res.status, json: ((await res.json().catch(() => ({}))) as Record<string, unknown>) };
}

describe(`crash safety (${url ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('keeps every acknowledged write and no half-written one across a SIGKILL', { timeout: 480_000 }, async () => {
    fs.mkdirSync(dataDir, { recursive: true });
    if (url) {
      dbName = `gj_crash_${process.pid}`;
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`create database ${dbName} template ${inject('pgTemplatePrefix')}_demo`);
      await c.end();
      databaseUrl = templateDatabaseUrl(url, dbName);
    } else {
      const client = await PGlite.create(path.join(dataDir, 'pglite'), { loadDataDir: new Blob([new Uint8Array(fs.readFileSync(inject('pgliteDemoTemplate')))]) });
      await client.close();
    }

    const first = await startServer();
    const [member, grid, admin] = [await login(first.base, 'dangyuan'), await login(first.base, 'wanggeyuan'), await login(first.base, 'admin')];
    const treeRes = await fetch(`${first.base}/api/orgs/tree`, { headers: { cookie: admin } });
    const tree = (await treeRes.json()) as { items?: Array<{ id: string; name: string }> };
    expect(treeRes.status, JSON.stringify(tree).slice(0, 300)).toBe(200);
    const village = (tree.items ?? []).find((o) => o.name === '石寨村党总支');
    expect(village).toBeDefined();

    const acked = { claims: [] as string[], hazards: [] as string[], importCommitted: false };
    const refused: string[] = [];
    let stop = false;
    let n = 0;
    const claimLoop = async () => {
      while (!stop) {
        const i = n++;
        const r = await postJson(first.base, member, '/api/points/claims', { category: 'dispute', occurredAt: new Date().toISOString(), summary: `崩溃测试走访${i}` }).catch(() => null);
        if (r && r.status === 201 && typeof r.json.id === 'string') acked.claims.push(r.json.id);
        else if (r) refused.push(`claim ${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
      }
    };
    const hazardLoop = async () => {
      while (!stop) {
        const i = n++;
        const r = await postJson(first.base, grid, '/api/hazards/', { category: 'fire', description: `崩溃测试隐患${i}`, address: '石寨村3号', orgId: village?.id }).catch(() => null);
        if (r && r.status === 201 && typeof r.json.id === 'string') acked.hazards.push(r.json.id);
        else if (r) refused.push(`hazard ${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
      }
    };
    const file = await roster(60, '石寨村第一党支部');
    const importRun = async () => {
      const plan = await postFile(first.base, admin, '/api/members/import/dry-run', file);
      expect(plan.status, JSON.stringify(plan.json)).toBe(200);
      // Wait until the load has produced some acknowledged writes, then commit while it continues.
      const waitUntil = Date.now() + 60_000;
      while (acked.claims.length + acked.hazards.length < 10 && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 50));
      const commit = postFile(first.base, admin, '/api/members/import/commit', file, { token: String(plan.json.token), planDigest: String(plan.json.planDigest) })
        .then((r) => {
          if (r.status === 200) acked.importCommitted = true;
        })
        .catch(() => undefined);
      // Kill while the commit is (very likely) in flight and the other writes keep coming.
      await new Promise((r) => setTimeout(r, 150));
      first.child.kill('SIGKILL');
      stop = true;
      await commit;
    };
    await Promise.all([claimLoop(), hazardLoop(), importRun()]);
    await first.exited;
    expect(acked.claims.length + acked.hazards.length, refused.slice(0, 5).join('\n')).toBeGreaterThan(5);
    if (!url) {
      // The killed process left its lock file behind; the next start takes it over.
      expect(fs.readFileSync(path.join(dataDir, 'gongjian.lock'), 'utf8').trim()).toBe(String(first.child.pid));
    }

    const second = await startServer();
    if (!url) {
      // A live server still refuses a second process on the same data folder.
      const third = startServer();
      await expect(third).rejects.toThrow(/正被进程|in use/);
    }
    second.child.kill('SIGTERM');
    await second.exited;

    const database = await openDatabase({ databaseUrl, dataDir });
    try {
      const claimIds = (await queryRows<{ id: string }>(database.db, sql`select id::text as id from work_claims where summary like '崩溃测试走访%'`)).map((r) => r.id);
      for (const id of acked.claims) expect(claimIds).toContain(id);
      const hazardIds = (await queryRows<{ id: string }>(database.db, sql`select id::text as id from hazards where description like '崩溃测试隐患%'`)).map((r) => r.id);
      for (const id of acked.hazards) expect(hazardIds).toContain(id);
      // Nothing half-written: every stored claim and hazard has its audit (timeline) event.
      const audited = new Set(
        (await queryRows<{ id: string }>(database.db, sql`select entity_id::text as id from audit_events where entity_type in ('hazard', 'work_claim')`)).map((r) => r.id),
      );
      for (const id of [...claimIds, ...hazardIds]) expect(audited.has(id), `audit row for ${id}`).toBe(true);
      // The import is all or nothing.
      const [imported] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from members where name like '崩溃导入%'`);
      expect([0, 60]).toContain(imported?.n);
      if (acked.importCommitted) expect(imported?.n).toBe(60);
      console.log(`crash (${url ? 'postgres' : 'pglite'}): ${acked.claims.length} claims and ${acked.hazards.length} hazards acknowledged, ${claimIds.length}/${hazardIds.length} stored; import ${imported?.n === 60 ? 'committed' : 'not committed'} (acknowledged: ${acked.importCommitted})`);
    } finally {
      await database.close();
    }
  });
});
