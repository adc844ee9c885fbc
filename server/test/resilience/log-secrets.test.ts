import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { generate } from 'otplib';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { validIdNumber } from '../../src/modules/members/members.test-factory.js';
import { openDatabase, queryRows } from '../../src/platform/db.js';
import { templateDatabaseUrl } from '../templates.js';
import { TEST_DATA_KEY, TEST_PASSWORD } from '../test-config.js';

/**
 * Issue #9 item 6: no passwords, tokens or full ID numbers (nor TOTP secrets and codes, recovery codes or full
 * phone numbers) ever appear in logs or audit records. The real server (a child process, its real pino logger at
 * trace level, stdout and stderr captured) takes logins right and wrong, a TOTP enrolment and logins with a code
 * and a recovery code, a password change, a member created and its ID number revealed with a reason, a roster
 * import with ID numbers and phones, and a resident's public request with a phone. Then every captured line and
 * every audit_events row is searched for each secret used.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const url = process.env.DATABASE_URL;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-logs-'));
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
      // The data is already seeded; without the demo banner every line printed is a log line to check.
      GONGJIAN_SEED_DEMO: 'false',
      GONGJIAN_ARGON2_MEMORY_KIB: '4096',
      GONGJIAN_LOG_LEVEL: 'trace',
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

interface Answer {
  status: number;
  json: Record<string, unknown>;
  cookies: Map<string, string>;
}

async function call(base: string, method: string, p: string, opts: { cookie?: string; body?: unknown; form?: FormData } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${p}`, { method, headers, body: opts.form ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)) });
  const cookies = new Map<string, string>();
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair?.indexOf('=') ?? -1;
    if (pair && i > 0 && pair.slice(i + 1)) cookies.set(pair.slice(0, i), pair.slice(i + 1));
  }
  return { status: res.status, json: ((await res.json().catch(() => ({}))) as Record<string, unknown>), cookies };
}

/** A roster workbook's bytes. Build it once and upload the same bytes to the dry run and the commit: exceljs and
 * its zip stamp the time of writing, so two builds a second apart differ and the commit refuses the file. */
async function rosterBytes(rows: Array<{ name: string; idNumber: string; phone: string }>, branch: string): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['序号', '姓名', '身份证号码', '联系电话', '所在党支部', '党员类别', '入党时间', '家庭住址']);
  rows.forEach((r, i) => ws.addRow([i + 1, r.name, r.idNumber, r.phone, branch, '正式党员', '2016-07-01', '']));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function rosterForm(bytes: Uint8Array<ArrayBuffer>, fields: Record<string, string> = {}): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  fd.append('file', new Blob([bytes]), 'roster.xlsx');
  return fd;
}

/** Where `secret` occurs in `text`; digits-only secrets must stand alone (not inside a longer number or hex run). */
function occurrences(text: string, secret: string): string[] {
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = /^[0-9]+$/.test(secret) ? new RegExp(`(?<![0-9a-fA-F])${escaped}(?![0-9a-fA-F])`, 'g') : new RegExp(escaped, 'g');
  return [...text.matchAll(pattern)].map((m) => text.slice(Math.max(0, m.index - 120), m.index + secret.length + 40));
}

describe(`no secrets in server logs or audit records (${url ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('greps every log line and audit row for the passwords, tokens, codes, ID numbers and phones used', { timeout: 300_000 }, async () => {
    fs.mkdirSync(dataDir, { recursive: true });
    if (url) {
      dbName = `gj_logs_${process.pid}`;
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`create database ${dbName} template ${inject('pgTemplatePrefix')}_demo`);
      await c.end();
      databaseUrl = templateDatabaseUrl(url, dbName);
    } else {
      const client = await PGlite.create(path.join(dataDir, 'pglite'), { loadDataDir: new Blob([new Uint8Array(fs.readFileSync(inject('pgliteDemoTemplate')))]) });
      await client.close();
    }

    const secrets: Array<{ kind: string; value: string }> = [];
    const keep = (kind: string, value: string | undefined) => {
      expect(value, kind).toBeTruthy();
      if (value) secrets.push({ kind, value });
    };
    const sessionToken = (a: Answer, name = 'gj_session') => {
      const value = a.cookies.get(name) ?? '';
      // The cookie is `<tenantId>.<token>`; the token part is the secret.
      keep(`${name} cookie token`, value.split('.').slice(1).join('.'));
      return `${name}=${value}`;
    };
    const server = await startServer();
    const base = server.base;
    keep('password', TEST_PASSWORD);

    // Logins: right and wrong passwords.
    const wrongPassword = 'Wr0ng#Secret-9137';
    keep('wrong password', wrongPassword);
    expect((await call(base, 'POST', '/api/auth/login', { body: { username: 'shuji', password: wrongPassword } })).status).toBe(401);
    expect((await call(base, 'POST', '/api/auth/login', { body: { username: 'nobody-here', password: wrongPassword } })).status).toBe(401);
    const admin = sessionToken(await call(base, 'POST', '/api/auth/login', { body: { username: 'admin', password: TEST_PASSWORD } }));
    const shujiLogin = await call(base, 'POST', '/api/auth/login', { body: { username: 'shuji', password: TEST_PASSWORD } });
    const shuji = sessionToken(shujiLogin);

    // Password change, then a login with the new password.
    const newPassword = 'N3w#Passw0rd-4721';
    keep('new password', newPassword);
    expect((await call(base, 'POST', '/api/auth/password', { cookie: shuji, body: { currentPassword: wrongPassword, newPassword } })).status).toBe(400);
    expect((await call(base, 'POST', '/api/auth/password', { cookie: shuji, body: { currentPassword: TEST_PASSWORD, newPassword } })).status).toBe(204);
    sessionToken(await call(base, 'POST', '/api/auth/login', { body: { username: 'shuji', password: newPassword } }));

    // TOTP enrolment, then logins with a code and with a recovery code.
    const anquan = sessionToken(await call(base, 'POST', '/api/auth/login', { body: { username: 'anquan', password: TEST_PASSWORD } }));
    const enrol = await call(base, 'POST', '/api/auth/2fa/enrol', { cookie: anquan });
    expect(enrol.status).toBe(200);
    const secret = String(enrol.json.secret);
    keep('TOTP secret', secret);
    const firstCode = await generate({ secret });
    keep('TOTP code', firstCode);
    const confirm = await call(base, 'POST', '/api/auth/2fa/confirm', { cookie: anquan, body: { code: firstCode } });
    expect(confirm.status, JSON.stringify(confirm.json)).toBe(200);
    const recoveryCodes = confirm.json.recoveryCodes as string[];
    expect(recoveryCodes.length).toBeGreaterThan(1);
    for (const c of recoveryCodes) keep('recovery code', c);
    const withCode = await call(base, 'POST', '/api/auth/login', { body: { username: 'anquan', password: TEST_PASSWORD } });
    expect(withCode.json.step).toBe('totp');
    const pending = sessionToken(withCode, 'gj_pending');
    // The next time step (within the ±30 s tolerance): a code is good once, so the enrolment's cannot be replayed.
    const nextCode = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    keep('TOTP code', nextCode);
    expect((await call(base, 'POST', '/api/auth/login/totp', { cookie: pending, body: { code: '000000' } })).status).toBe(400);
    const done = await call(base, 'POST', '/api/auth/login/totp', { cookie: pending, body: { code: nextCode } });
    expect(done.json.step, JSON.stringify(done.json)).toBe('done');
    sessionToken(done);
    const withRecovery = await call(base, 'POST', '/api/auth/login', { body: { username: 'anquan', password: TEST_PASSWORD } });
    const pending2 = sessionToken(withRecovery, 'gj_pending');
    const recovered = await call(base, 'POST', '/api/auth/login/totp', { cookie: pending2, body: { code: recoveryCodes[0] } });
    expect(recovered.json.step, JSON.stringify(recovered.json)).toBe('done');
    sessionToken(recovered);

    // A member created with an ID number and phone; the ID number revealed with a reason.
    const tree = await call(base, 'GET', '/api/orgs/tree', { cookie: admin });
    const branch = ((tree.json.items ?? []) as Array<{ id: string; name: string }>).find((o) => o.name === '石寨村第一党支部');
    expect(branch).toBeDefined();
    const idNumber = validIdNumber(731, { birth: '19830417' });
    const phone = '13912345678';
    keep('ID number', idNumber);
    keep('phone', phone);
    const member = await call(base, 'POST', '/api/members', { cookie: admin, body: { orgId: branch?.id, name: '日志检查员', idNumber, phone, category: 'formal', joinDate: '2012-07-01' } });
    expect(member.status, JSON.stringify(member.json)).toBe(201);
    const reveal = await call(base, 'POST', `/api/members/${String(member.json.id)}/reveal`, { cookie: admin, body: { field: 'idNumber', reason: '核对党员档案' } });
    expect(reveal.status).toBe(200);
    expect(reveal.json.value).toBe(idNumber);
    const revealPhone = await call(base, 'POST', `/api/members/${String(member.json.id)}/reveal`, { cookie: admin, body: { field: 'phone', reason: '联系本人' } });
    expect(revealPhone.json.value).toBe(phone);

    // A roster import with ID numbers and phones.
    const rows = [0, 1, 2].map((i) => ({ name: `日志导入${i}`, idNumber: validIdNumber(811 + i * 7, { birth: '19770605' }), phone: `1375550${String(1000 + i * 111)}` }));
    for (const r of rows) {
      keep('ID number', r.idNumber);
      keep('phone', r.phone);
    }
    const bytes = await rosterBytes(rows, '石寨村第一党支部');
    const plan = await call(base, 'POST', '/api/members/import/dry-run', { cookie: admin, form: rosterForm(bytes) });
    expect(plan.status, JSON.stringify(plan.json).slice(0, 300)).toBe(200);
    const commitForm = rosterForm(bytes, { token: String(plan.json.token), planDigest: String(plan.json.planDigest) });
    const commit = await call(base, 'POST', '/api/members/import/commit', { cookie: admin, form: commitForm });
    expect(commit.status, JSON.stringify(commit.json).slice(0, 300)).toBe(200);

    // A resident's public request with a phone.
    const orgs = await call(base, 'GET', '/api/livelihood/public/410182002/orgs');
    const tielong = ((orgs.json.items ?? []) as Array<{ id: string; name: string }>).find((o) => o.name.startsWith('铁龙社区'));
    expect(tielong).toBeDefined();
    const challenge = await call(base, 'GET', '/api/livelihood/public/410182002/challenge');
    const m = /^(\d+) \+ (\d+) = \?$/.exec(String(challenge.json.question));
    const residentPhone = '15866612345';
    keep('phone', residentPhone);
    const request = await call(base, 'POST', '/api/livelihood/public/410182002/requests', {
      body: { orgId: tielong?.id, kind: 'request', title: '楼道灯坏了', content: '三号楼二单元楼道灯不亮。', contactName: '李先生', phone: residentPhone, challengeToken: challenge.json.token, challengeAnswer: Number(m?.[1]) + Number(m?.[2]) },
    });
    expect(request.status, JSON.stringify(request.json)).toBe(201);
    const track = await call(base, 'GET', `/api/livelihood/public/410182002/requests/${String(request.json.trackingCode)}?last4=${residentPhone.slice(-4)}`);
    expect(track.status).toBe(200);

    await call(base, 'POST', '/api/auth/logout', { cookie: admin });
    server.child.kill('SIGTERM');
    await server.exited;

    const logs = server.output();
    const logLines = logs.split('\n').filter((l) => l.startsWith('{'));
    // The logger really was on and saw these requests (otherwise the search below proves nothing).
    expect(logLines.some((l) => l.includes('/api/auth/login/totp'))).toBe(true);
    expect(logLines.some((l) => l.includes('/api/members/import/commit'))).toBe(true);

    const database = await openDatabase({ databaseUrl, dataDir });
    let audit = '';
    let auditRows = 0;
    try {
      const rowsText = await queryRows<{ row: string }>(database.db, sql`select row_to_json(a)::text as row from audit_events a`);
      auditRows = rowsText.length;
      audit = rowsText.map((r) => r.row).join('\n');
      // The events of this run are there to search.
      for (const action of ['auth.login_failed', 'auth.password_changed', 'auth.login']) expect(audit).toContain(`"${action}"`);
    } finally {
      await database.close();
    }

    const leaks: string[] = [];
    for (const s of secrets) {
      for (const hit of occurrences(logs, s.value)) leaks.push(`log: ${s.kind} in …${hit}…`);
      for (const hit of occurrences(audit, s.value)) leaks.push(`audit: ${s.kind} in …${hit}…`);
    }
    console.log(`log secrets (${url ? 'postgres' : 'pglite'}): ${secrets.length} secrets searched in ${logLines.length} log lines and ${auditRows} audit rows; ${leaks.length} found`);
    expect(leaks).toEqual([]);
  });
});
