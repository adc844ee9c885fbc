import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { buildApp } from '../server/src/app.js';
import { ensureDemo, openRuntime, type Runtime } from '../server/src/bootstrap.js';
import { loadConfig } from '../server/src/platform/config.js';
import { demoName, demoPhone } from '../server/src/platform/demo-names.js';
import { idCheckChar } from '../server/src/platform/id-number.js';
import { maskIdNumber, maskPhone } from '../server/src/platform/masking.js';
import { namePinyin } from '../server/src/platform/pinyin.js';
import { seededRandom, randomInt } from '../server/src/platform/random.js';
import { members } from '../server/src/modules/members/index.js';
import { orgUnits } from '../server/src/modules/org-units/index.js';
import { createDatabase, fmt, measure, spawnServer, type Stats } from './lib.js';

export const PASSWORD = 'Bench#2026pass';

export function row(label: string, s: Stats): string {
  return `| ${label} | ${s.n} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${s.throughput.toFixed(0)} |`;
}
export const tableHead = '| operation | requests | p50 ms | p95 ms | p99 ms | req/s (sequential) |\n|---|---|---|---|---|---|';

async function startUp(): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-bench-start-'));
  const env = { GONGJIAN_DATA_DIR: dir, GONGJIAN_DEMO_PASSWORD: PASSWORD };
  const first = await spawnServer(env);
  await fetch(`${first.url}/api/health`);
  await first.stop();
  const later: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = await spawnServer(env);
    const r = await fetch(`${s.url}/api/health`);
    if (!r.ok) throw new Error('health failed');
    later.push(s.readyMs);
    await s.stop();
  }
  fs.rmSync(dir, { recursive: true, force: true });
  later.sort((a, b) => a - b);
  return [
    '### Start-up (embedded PGlite, process spawn → first request served)',
    '',
    `- first start (create data folder, migrate, generate the demo street): **${(first.readyMs / 1000).toFixed(2)} s**`,
    `- later starts (median of 3): **${(later[1] / 1000).toFixed(2)} s** (min ${(later[0] / 1000).toFixed(2)} s, max ${(later[2] / 1000).toFixed(2)} s)`,
    '',
  ];
}

/** Adds `count` generated members to the demo street's branches, in bulk. */
async function addMembers(rt: Runtime, count: number): Promise<void> {
  const db = rt.database.db;
  const branches = await db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.tenantId, 1), eq(orgUnits.kind, 'branch')));
  const random = seededRandom(42);
  let batch: (typeof members.$inferInsert)[] = [];
  for (let i = 0; i < count; i++) {
    const name = demoName(random);
    const py = namePinyin(name);
    const first17 = `4101821${String(950000 + i).padStart(7, '0')}${String(i % 1000).padStart(3, '0')}`.slice(0, 17);
    const id = first17 + idCheckChar(first17);
    const phone = demoPhone(random);
    batch.push({
      tenantId: 1,
      orgId: branches[i % branches.length].id,
      name,
      namePinyin: py.full,
      nameInitials: py.initials,
      category: 'formal',
      idNumberEnc: rt.cipher.encrypt(id),
      idNumberHash: rt.cipher.blindIndex(id + ':' + i),
      idNumberMasked: maskIdNumber(id),
      phoneEnc: rt.cipher.encrypt(phone),
      phoneHash: rt.cipher.blindIndex(phone),
      phoneMasked: maskPhone(phone),
      phoneLast4: phone.slice(-4),
      joinDate: `${randomInt(random, 1970, 2018)}-07-01`,
    });
    if (batch.length === 1000) {
      await db.insert(members).values(batch);
      batch = [];
    }
  }
  if (batch.length) await db.insert(members).values(batch);
}

async function login(base: string, username: string): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (!r.ok) throw new Error(`login ${username}: ${r.status}`);
  const c = r.headers.getSetCookie().find((x) => x.startsWith('gj_session='));
  if (!c) throw new Error('no cookie');
  return c.split(';')[0];
}

async function rosterWorkbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员');
  ws.addRow(['姓名', '身份证号', '手机号', '党员类别', '入党日期', '所在党支部']);
  const random = seededRandom(7);
  for (let i = 0; i < rows; i++) {
    const birth = new Date(Date.UTC(1950, 0, 1) + (i % 18000) * 86400000).toISOString().slice(0, 10).replace(/-/g, '');
    const first17 = `410183${birth}${String(Math.floor(i / 18000) * 2 + 1).padStart(3, '0')}`;
    ws.addRow([demoName(random), first17 + idCheckChar(first17), demoPhone(random), '正式党员', '2010.07', '']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function benchCore(pgAdminUrl: string): Promise<string[]> {
  const out: string[] = ['## Platform core (issue #2)', ''];
  out.push(...(await startUp()));

  const url = await createDatabase(pgAdminUrl, 'gj_bench_core');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-bench-core-'));
  const config = { ...loadConfig({ GONGJIAN_DATA_DIR: dir, GONGJIAN_DEMO_PASSWORD: PASSWORD, GONGJIAN_LOG_LEVEL: 'silent' }), databaseUrl: url };
  const rt = await openRuntime(config);
  await ensureDemo(rt, () => undefined);
  const seedStart = performance.now();
  await addMembers(rt, 100_000 - 1126);
  const seedMs = performance.now() - seedStart;
  await rt.database.pool?.query('analyze');
  const app = await buildApp({ database: rt.database, config, cipher: rt.cipher, storage: rt.storage, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const admin = await login(base, 'admin');
  const shuji = await login(base, 'shuji');
  const get = (cookie: string, p: string) => async () => {
    const r = await fetch(base + p, { headers: { cookie } });
    if (!r.ok) throw new Error(`${p} → ${r.status}`);
    await r.arrayBuffer();
  };
  out.push(`### Member list and search — PostgreSQL 15, one street with 100,000 members (generated in ${(seedMs / 1000).toFixed(1)} s)`, '', tableHead);
  out.push(row('list, first page (street admin)', await measure(200, get(admin, '/api/members?page=1&pageSize=20'))));
  out.push(row('list, page 200 (street admin)', await measure(100, get(admin, '/api/members?page=200&pageSize=20'))));
  out.push(row('list (secretary, one village subtree)', await measure(200, get(shuji, '/api/members?page=1&pageSize=20'))));
  out.push(row('search by initials `zry`', await measure(200, get(admin, '/api/members?q=zry'))));
  out.push(row('search by full pinyin `zhangrongyao`', await measure(200, get(admin, '/api/members?q=zhangrongyao'))));
  out.push(row('search by name `王`', await measure(200, get(admin, `/api/members?q=${encodeURIComponent('王')}`))));
  out.push(row('search by phone last 4 `1234`', await measure(200, get(admin, '/api/members?q=1234'))));
  out.push('');

  // Import of a 20,000-row roster: dry run then commit, peak memory of the server process sampled.
  const rows = 20_000;
  const xlsx = await rosterWorkbook(rows);
  const [branch] = await rt.database.db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.tenantId, 1), eq(orgUnits.kind, 'branch'))).limit(1);
  let peak = process.memoryUsage().rss;
  const baseRss = peak;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const form = (extra: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(extra)) f.set(k, v);
    f.set('file', new Blob([new Uint8Array(xlsx)]), 'roster.xlsx');
    return f;
  };
  const t0 = performance.now();
  const dry = await fetch(`${base}/api/members/import/dry-run`, { method: 'POST', headers: { cookie: admin }, body: form({ orgId: branch.id }) });
  const plan = (await dry.json()) as { token?: string; planDigest?: string; summary?: { create: number; reject: number }; message?: string };
  const t1 = performance.now();
  let commitMs = 0;
  let created = 0;
  if (dry.ok && plan.token && plan.planDigest) {
    const commit = await fetch(`${base}/api/members/import/commit`, { method: 'POST', headers: { cookie: admin }, body: form({ orgId: branch.id, token: plan.token, planDigest: plan.planDigest }) });
    const result = (await commit.json()) as { summary?: { create: number }; message?: string };
    commitMs = performance.now() - t1;
    created = result.summary?.create ?? 0;
    if (!commit.ok) out.push(`- commit failed: ${commit.status} ${result.message ?? ''}`);
  } else {
    out.push(`- dry run refused: ${dry.status} ${plan.message ?? ''}`);
  }
  clearInterval(timer);
  const total = (performance.now() - t0) / 1000;
  out.push(`### Import of a ${rows.toLocaleString('en')}-row roster (PostgreSQL, .xlsx ${(xlsx.length / 1024 / 1024).toFixed(1)} MB, over HTTP)`, '');
  out.push(`- dry run: ${((t1 - t0) / 1000).toFixed(2)} s; commit: ${(commitMs / 1000).toFixed(2)} s; rows written: ${created}`);
  out.push(`- throughput (dry run + commit): **${created ? (created / total).toFixed(0) : 0} rows/s**`);
  out.push(`- peak RSS of the server process: **${(peak / 2 ** 20).toFixed(0)} MB** (${((peak - baseRss) / 2 ** 20).toFixed(0)} MB above its level before the import)`);
  out.push('');
  await app.close();
  await rt.database.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}
