import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createDatabase, fmt, loginAs, rssMb, spawnServer, stats } from './lib.js';

/**
 * Issue #8.3 (load test) and #9.9 (soak): a mixed workload of members, secretaries, grid workers and dashboards
 * (70% reads, 20% writes with audit, 10% dashboards) driven by autocannon from this process against Gongjian
 * server processes spawned on loopback, on PostgreSQL, with the demo street loaded.
 *
 * Each connection repeats the same ten requests in order, so the mix is exact:
 *   7 reads   — a member's own points and claims, the to-do count, a secretary's pending claims and member search,
 *               a grid worker's hazard list and the nearby-duplicate lookup
 *   2 writes  — hazard reports (a grid worker's, and the street office's), each with its audit row
 *   1 dashboard — the street summary for 2018
 * Every non-2xx answer and every socket error or timeout counts as an error.
 *
 * GONGJIAN_LOAD_SECONDS (default 60), GONGJIAN_LOAD_CONNECTIONS (default 200), GONGJIAN_SOAK_SECONDS (default 600).
 */
const PASSWORD = 'Load#2026pass';

interface Step {
  label: string;
  role: 'member' | 'secretary' | 'grid' | 'admin';
  kind: 'read' | 'write' | 'dashboard';
  method: 'GET' | 'POST';
  path: string;
  body?: (n: number) => unknown;
}

interface Demo {
  url: string;
  dataDir: string;
}

let prepared: Demo | undefined;

/** A PostgreSQL database holding the demo street (seeded by the server's first start), shared by both sections. */
async function demoDatabase(pgAdminUrl: string): Promise<Demo> {
  if (prepared) return prepared;
  const url = await createDatabase(pgAdminUrl, 'gj_load');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-bench-load-'));
  const first = await spawnServer({ DATABASE_URL: url, GONGJIAN_DATA_DIR: dataDir, GONGJIAN_DEMO_PASSWORD: PASSWORD });
  await first.stop();
  prepared = { url, dataDir };
  return prepared;
}

async function json(base: string, cookie: string, p: string): Promise<any> {
  const r = await fetch(base + p, { headers: { cookie } });
  if (!r.ok) throw new Error(`${p} → ${r.status} ${(await r.text()).slice(0, 200)}`);
  return r.json();
}

/** Logs the four roles in through `base` and builds the ten steps from the street's own records. */
async function workload(base: string) {
  const cookies = {
    member: await loginAs(base, 'dangyuan', PASSWORD),
    secretary: await loginAs(base, 'shuji', PASSWORD),
    grid: await loginAs(base, 'wanggeyuan', PASSWORD),
    admin: await loginAs(base, 'admin', PASSWORD),
  };
  // A hazard of the grid worker's with a place: new reports go into the same grid, spread over about a square
  // kilometre around it (as reports over a street's day would be), not stacked on one spot.
  const list = await json(base, cookies.grid, '/api/hazards?pageSize=100');
  const anchor = (list.items as Array<{ gridId: string | null; lat: number | null; lng: number | null; category: string }>).find((h) => h.gridId && h.lat !== null && h.lng !== null);
  if (!anchor) throw new Error('the grid worker has no located hazard to anchor the workload');
  const report = (who: string) => (n: number) => ({
    category: anchor.category,
    severity: 'general',
    description: `压测上报 ${who} #${n}：楼道堆放杂物`,
    lat: anchor.lat! + (((n * 7919) % 1001) - 500) * 0.00001,
    lng: anchor.lng! + (((n * 104729) % 1003) - 501) * 0.00001,
    gridId: anchor.gridId,
  });
  const steps: Step[] = [
    { label: '党员 我的积分', role: 'member', kind: 'read', method: 'GET', path: '/api/points/me' },
    { label: '党员 我的申报', role: 'member', kind: 'read', method: 'GET', path: '/api/points/claims?mine=true&pageSize=20' },
    { label: '党员 待办数', role: 'member', kind: 'read', method: 'GET', path: '/api/inbox/count' },
    { label: '书记 待审申报', role: 'secretary', kind: 'read', method: 'GET', path: '/api/points/claims?state=pending&pageSize=20' },
    { label: '书记 党员搜索', role: 'secretary', kind: 'read', method: 'GET', path: `/api/members?q=${encodeURIComponent('zh')}&pageSize=20` },
    { label: '网格员 隐患列表', role: 'grid', kind: 'read', method: 'GET', path: '/api/hazards?pageSize=20' },
    { label: '网格员 附近重复', role: 'grid', kind: 'read', method: 'GET', path: `/api/hazards/nearby?category=${anchor.category}&lat=${anchor.lat}&lng=${anchor.lng}` },
    { label: '网格员 上报隐患', role: 'grid', kind: 'write', method: 'POST', path: '/api/hazards', body: report('网格员') },
    { label: '街道 上报隐患', role: 'admin', kind: 'write', method: 'POST', path: '/api/hazards', body: report('街道') },
    { label: '看板 街道概览', role: 'admin', kind: 'dashboard', method: 'GET', path: '/api/dashboard/summary?period=2018' },
  ];
  // Every step answers 2xx once before the clock starts (a broken step would otherwise only show as errors).
  for (const s of steps) {
    const r = await fetch(base + s.path, {
      method: s.method,
      headers: { cookie: cookies[s.role], ...(s.body ? { 'content-type': 'application/json' } : {}) },
      body: s.body ? JSON.stringify(s.body(0)) : undefined,
    });
    if (!r.ok) throw new Error(`${s.label} ${s.path} → ${r.status} ${(await r.text()).slice(0, 200)}`);
  }
  return { cookies, steps };
}

interface Run {
  /** Every response time (ms), so runs can be joined exactly. */
  times: number[];
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
}

/** One autocannon run: `connections` connections cycling through the steps against `base`. */
function cannon(base: string, w: Awaited<ReturnType<typeof workload>>, connections: number, seconds: number, onTick?: () => void): Promise<Run> {
  let n = 0;
  const requests = w.steps.map((s) => ({
    method: s.method,
    setupRequest: (req: any) => ({
      ...req,
      method: s.method,
      path: s.path,
      headers: { ...(req.headers ?? {}), cookie: w.cookies[s.role], ...(s.body ? { 'content-type': 'application/json' } : {}) },
      body: s.body ? JSON.stringify(s.body(++n)) : undefined,
    }),
  }));
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const tick = onTick ? setInterval(onTick, 5000) : undefined;
    const inst = autocannon({ url: base, connections, duration: seconds, timeout: 10, requests } as any, (err: unknown, r: any) => {
      if (tick) clearInterval(tick);
      if (err) return reject(err);
      const secs = (performance.now() - started) / 1000;
      const st = stats(times.length ? times : [0]);
      resolve({
        times,
        requests: times.length,
        seconds: secs,
        rps: times.length / secs,
        p50: st.p50,
        p95: st.p95,
        p99: st.p99,
        non2xx: Number(r.non2xx ?? 0),
        errors: Number(r.errors ?? 0),
        timeouts: Number(r.timeouts ?? 0),
        statuses,
      });
    });
    inst.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      times.push(ms);
      const k = String(status);
      statuses[k] = (statuses[k] ?? 0) + 1;
    });
  });
}

/** Runs several cannons at once (one per server) and joins them: percentiles over every response of all runs. */
async function together(runs: Array<Promise<Run>>): Promise<Run> {
  const all = await Promise.all(runs);
  const seconds = Math.max(...all.map((r) => r.seconds));
  const statuses: Record<string, number> = {};
  for (const r of all) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  const times = all.flatMap((r) => r.times);
  const st = stats(times.length ? times : [0]);
  const sum = (f: (r: Run) => number) => all.reduce((a, r) => a + f(r), 0);
  return {
    times,
    requests: times.length,
    seconds,
    rps: times.length / seconds,
    p50: st.p50,
    p95: st.p95,
    p99: st.p99,
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    statuses,
  };
}

const runHead = '| setting | requests | req/s | p50 ms | p95 ms | p99 ms | non-2xx | socket errors / timeouts |\n|---|---|---|---|---|---|---|---|';
function runRow(label: string, r: Run): string {
  return `| ${label} | ${r.requests.toLocaleString('en')} | **${r.rps.toFixed(0)}** | ${fmt(r.p50)} | **${fmt(r.p95)}** | ${fmt(r.p99)} | ${r.non2xx} | ${r.errors} / ${r.timeouts} |`;
}

function mixLines(steps: Step[]): string[] {
  return [
    'Each connection repeats these ten requests in order (70% reads, 20% writes with audit, 10% dashboards):',
    '',
    ...steps.map((s, i) => `${i + 1}. ${s.label} — \`${s.method} ${s.path.split('?')[0]}\` (${s.kind})`),
    '',
  ];
}

const serverEnv = (d: Demo) => ({ DATABASE_URL: d.url, GONGJIAN_DATA_DIR: d.dataDir, GONGJIAN_LOG_LEVEL: 'warn' });

export async function benchLoad(pgAdminUrl: string): Promise<string[]> {
  const seconds = Number(process.env.GONGJIAN_LOAD_SECONDS ?? 60);
  const connections = Number(process.env.GONGJIAN_LOAD_CONNECTIONS ?? 200);
  const demo = await demoDatabase(pgAdminUrl);
  const out = [
    '## Load test: mixed workload at 200 connections (issue #8.3)',
    '',
    `autocannon 9 in the benchmark process drives Gongjian server processes (spawned, PostgreSQL 15 on loopback, demo street) for ${seconds} s after a 10 s warm-up, ${connections} connections in all. Aims: ≥ 1,000 req/s, p95 < 100 ms, no errors.`,
    '',
  ];

  // One process.
  const perStep: string[] = [];
  const one = await spawnServer(serverEnv(demo));
  let w = await workload(one.url);
  out.push(...mixLines(w.steps), runHead);
  try {
    await cannon(one.url, w, Math.min(connections, 50), 10);
    const r = await cannon(one.url, w, connections, seconds);
    out.push(runRow(`one API process, ${connections} connections`, r));
    // Each step alone, 10 connections for 5 s: where the mix spends its time.
    perStep.push('', 'Each step alone on the same process (10 connections, 5 s each):', '', runHead);
    for (const s of w.steps) {
      const alone = await cannon(one.url, { ...w, steps: [s] }, 10, 5);
      perStep.push(runRow(s.label, alone));
    }
  } finally {
    await one.stop();
  }

  // Two processes sharing the database. The roles log in through process A; the same cookies are sent to both, so
  // half the traffic proves a session made by one process works in the other (no in-memory session state).
  const a = await spawnServer(serverEnv(demo));
  const b = await spawnServer(serverEnv(demo));
  try {
    w = await workload(a.url);
    for (const s of w.steps.filter((x) => x.method === 'GET')) {
      const r = await fetch(b.url + s.path, { headers: { cookie: w.cookies[s.role] } });
      if (!r.ok) throw new Error(`a session from process A was refused by process B: ${s.path} → ${r.status}`);
    }
    await together([cannon(a.url, w, Math.min(connections, 50) / 2, 10), cannon(b.url, w, Math.min(connections, 50) / 2, 10)]);
    const half = Math.floor(connections / 2);
    const r = await together([cannon(a.url, w, half, seconds), cannon(b.url, w, connections - half, seconds)]);
    out.push(runRow(`two API processes (${half} + ${connections - half} connections; sessions from A used on both)`, r));
  } finally {
    await a.stop();
    await b.stop();
  }
  out.push(...perStep);
  out.push(
    '',
    'Percentiles for two processes are over every response of both. All processes — the servers, PostgreSQL and',
    'autocannon itself — share the same 2 cores, so the load generator takes part of the CPU the servers would',
    'otherwise have.',
    '',
  );
  return out;
}

export async function benchSoak(pgAdminUrl: string): Promise<string[]> {
  const seconds = Number(process.env.GONGJIAN_SOAK_SECONDS ?? 600);
  const connections = Number(process.env.GONGJIAN_LOAD_CONNECTIONS ?? 200);
  const demo = await demoDatabase(pgAdminUrl);
  const server = await spawnServer(serverEnv(demo));
  const samples: Array<{ t: number; rss: number }> = [];
  let r: Run;
  try {
    const w = await workload(server.url);
    await cannon(server.url, w, 50, 10);
    const t0 = performance.now();
    const sample = () => samples.push({ t: (performance.now() - t0) / 1000, rss: rssMb(server.pid) });
    sample();
    r = await cannon(server.url, w, connections, seconds, sample);
    sample();
  } finally {
    await server.stop();
  }
  // Memory is flat when the last minute's RSS is about the second minute's (the first holds warm-up growth).
  const minute = (from: number, to: number) => {
    const xs = samples.filter((s) => s.t >= from && s.t < to).map((s) => s.rss);
    return xs.length ? xs.reduce((x, y) => x + y, 0) / xs.length : NaN;
  };
  const early = minute(60, 120);
  const late = minute(seconds - 60, seconds + 10);
  const peak = Math.max(...samples.map((s) => s.rss));
  const n = samples.length;
  const mt = samples.reduce((a, s) => a + s.t, 0) / n;
  const mr = samples.reduce((a, s) => a + s.rss, 0) / n;
  const slope = samples.reduce((a, s) => a + (s.t - mt) * (s.rss - mr), 0) / Math.max(1e-9, samples.reduce((a, s) => a + (s.t - mt) ** 2, 0));
  const second = samples.filter((s) => s.t >= 60);
  const m2t = second.reduce((a, s) => a + s.t, 0) / Math.max(1, second.length);
  const m2r = second.reduce((a, s) => a + s.rss, 0) / Math.max(1, second.length);
  const slopeAfter = second.reduce((a, s) => a + (s.t - m2t) * (s.rss - m2r), 0) / Math.max(1e-9, second.reduce((a, s) => a + (s.t - m2t) ** 2, 0));
  const errors = r.non2xx + r.errors + r.timeouts;
  const flat = Math.abs(late - early) <= Math.max(25, early * 0.1);
  return [
    '## Soak: the load test for 10 minutes (issue #9.9)',
    '',
    `The same mix as the load test, one API process on PostgreSQL, ${connections} connections for ${seconds} s; the server's resident memory read from /proc every 5 s.`,
    '',
    runHead,
    runRow(`soak, ${(seconds / 60).toFixed(0)} min`, r),
    '',
    `- answers by status: ${Object.entries(r.statuses).map(([k, v]) => `${k} × ${v.toLocaleString('en')}`).join(', ')}`,
    `- errors: **${errors}** (${errors === 0 ? 'none' : 'see the table'})`,
    `- server RSS: ${samples[0]?.rss.toFixed(0)} MB at the start, mean **${early.toFixed(0)} MB** in minute 2, mean **${late.toFixed(0)} MB** in the last minute, peak ${peak.toFixed(0)} MB; ` +
      `trend ${(slope * 60).toFixed(1)} MB/min over the whole run, ${(slopeAfter * 60).toFixed(1)} MB/min after the first minute — memory ${flat ? '**flat**' : '**NOT flat**'} (last minute within 10% or 25 MB of minute 2)`,
    `- RSS every minute (MB): ${Array.from({ length: Math.ceil(seconds / 60) }, (_, i) => minute(i * 60, (i + 1) * 60)).map((x) => x.toFixed(0)).join(', ')}`,
    '',
  ];
}
