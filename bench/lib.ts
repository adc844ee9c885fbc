import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  throughput: number;
}

export function stats(samples: number[], wallMs?: number): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
  const total = samples.reduce((a, b) => a + b, 0);
  return { n: s.length, p50: q(50), p95: q(95), p99: q(99), mean: total / s.length, throughput: (s.length * 1000) / (wallMs ?? total) };
}

export function fmt(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

/** Times `fn` n times after a warm-up, sequentially. */
/** `n` timed calls of `fn` after `warmup` untimed ones; `before`, when given, runs untimed ahead of each timed call. */
export async function measure(n: number, fn: (i: number) => Promise<unknown>, warmup = 10, before?: (i: number) => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  const wall = performance.now();
  for (let i = 0; i < n; i++) {
    if (before) await before(i);
    const t = performance.now();
    await fn(i);
    samples.push(performance.now() - t);
  }
  return stats(samples, performance.now() - wall);
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

export interface PgCluster {
  url: string;
  stop(): void;
}

export function startPgCluster(): PgCluster {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-bench-pg-'));
  const port = String(56000 + Math.floor(Math.random() * 3000));
  const url = execFileSync('bash', ['scripts/pg-cluster.sh', 'start', dir, port], { encoding: 'utf8' }).trim();
  return { url, stop: () => execFileSync('bash', ['scripts/pg-cluster.sh', 'stop', dir]) };
}

export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.query(`create database ${name}`);
  await c.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Starts the real server as a child process; resolves when it prints GONGJIAN_READY. */
export function spawnServer(env: Record<string, string>, preload: string[] = []): Promise<{ url: string; readyMs: number; pid: number; stop(): Promise<void> }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', ...preload.flatMap((p) => ['--import', p]), 'server/src/server.ts'], {
    env: { ...process.env, GONGJIAN_LOG_LEVEL: 'warn', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /GONGJIAN_READY (\S+)/.exec(out);
      if (m) {
        resolve({
          url: m[1],
          readyMs: performance.now() - started,
          pid: child.pid ?? 0,
          stop: () =>
            new Promise<void>((r) => {
              child.once('exit', () => r());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

/** Resident set size of a process in MB (Linux /proc), 0 when unreadable. */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples a process's RSS every 50 ms until stopped; returns the peak in MB. */
export function watchRss(pid: number): { stop(): number } {
  let peak = rssMb(pid);
  const t = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
  return {
    stop: () => {
      clearInterval(t);
      return Math.max(peak, rssMb(pid));
    },
  };
}

export async function loginAs(base: string, username: string, password: string): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!r.ok) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  const c = r.headers.getSetCookie().find((x) => x.startsWith('gj_session='));
  if (!c) throw new Error('no cookie');
  return c.split(';')[0];
}

/** GET that fails loudly on a non-2xx answer and reads the whole body. */
export function getter(base: string, cookie: string) {
  return async (p: string): Promise<unknown> => {
    const r = await fetch(base + p, { headers: { cookie } });
    if (!r.ok) throw new Error(`${p} → ${r.status} ${(await r.text()).slice(0, 200)}`);
    const type = r.headers.get('content-type') ?? '';
    return type.includes('json') ? r.json() : r.arrayBuffer();
  };
}

/** Throughput with `concurrency` requests in flight for `durationMs` (after the caller's warm-up). */
export async function loadFor(concurrency: number, durationMs: number, fn: (i: number) => Promise<unknown>): Promise<Stats & { errors: number }> {
  const samples: number[] = [];
  let errors = 0;
  let next = 0;
  const start = performance.now();
  const end = start + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await fn(next++);
          samples.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  return { ...stats(samples.length ? samples : [0], performance.now() - start), errors };
}

/** Writes one section's markdown to docs/bench/<name>.md (run.ts joins the sections into docs/benchmarks.md). */
export function writeSection(name: string, lines: string[]): void {
  fs.mkdirSync('docs/bench', { recursive: true });
  fs.writeFileSync(path.join('docs/bench', `${name}.md`), lines.join('\n') + '\n');
}
