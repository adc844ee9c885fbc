import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnServer } from './lib.js';

/**
 * Lighthouse 12.2.3 (mobile defaults: Moto G Power emulation, simulated slow 4G, 4× CPU slowdown) on the phone
 * pages, in Debian's Chromium, against the production build served by Gongjian on the embedded database with
 * the demo street. Each page is measured three times; the median run is reported.
 */
const PASSWORD = 'Demo#2026pass';

interface LighthouseFigures {
  score: number;
  lcp: number;
  fcp: number;
  tbt: number;
  js: number;
  finalUrl: string;
  runtimeError: string | null;
}
const pages = [
  { name: '党员：我的积分 /points/mine', path: '/points/mine', user: 'dangyuan' },
  { name: '网格员：上报隐患 /hazards/new', path: '/hazards/new', user: 'wanggeyuan' },
  { name: '居民：诉求与微心愿（公开页）/public/410182002/requests', path: '/public/410182002/requests', user: null },
];

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  // Every cookie the login sets (the session and, where the server sets one, its CSRF token).
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  if (!cookies.some((c) => c.startsWith('gj_session='))) throw new Error('no session cookie');
  return cookies.join('; ');
}

export async function benchLighthouse(): Promise<string[]> {
  if (!fs.existsSync('web/dist/index.html')) execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  execFileSync('bash', ['scripts/ensure-chromium.sh'], { stdio: 'inherit' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gj-lh-'));
  const server = await spawnServer({ GONGJIAN_DATA_DIR: dataDir, GONGJIAN_DEMO_PASSWORD: PASSWORD });
  const lines = ['## Phone pages in Lighthouse (issue #8)', ''];
  lines.push('Lighthouse 12.2.3, mobile defaults (simulated slow 4G, 4× CPU slowdown), Debian Chromium headless; the production build');
  lines.push("served by Gongjian's server on the embedded database with the demo street; median of 3 runs. Aim: LCP < 2.5 s, performance ≥ 90.");
  lines.push('');
  lines.push('| page | performance | LCP | FCP | TBT | total JS transferred |');
  lines.push('|---|---|---|---|---|---|');
  try {
    for (const p of pages) {
      const cookie = p.user ? await login(server.url, p.user) : '';
      const runs: LighthouseFigures[] = [];
      for (let i = 0; i < 3; i++) {
        const out = execFileSync(process.execPath, ['bench/lighthouse-run.mjs', `${server.url}${p.path}`, cookie], { encoding: 'utf8' });
        const r = JSON.parse(out.trim().split('\n').pop() ?? '{}') as LighthouseFigures;
        if (r.runtimeError) throw new Error(`Lighthouse on ${p.path}: ${r.runtimeError}`);
        runs.push(r);
      }
      runs.sort((a, b) => a.score - b.score);
      const m = runs[1];
      lines.push(`| ${p.name} | **${m.score}** | **${(m.lcp / 1000).toFixed(2)} s** | ${(m.fcp / 1000).toFixed(2)} s | ${Math.round(m.tbt)} ms | ${(m.js / 1024).toFixed(0)} KB |`);
      console.error(`lighthouse ${p.path}: ${runs.map((r) => `${r.score}/${(r.lcp / 1000).toFixed(2)}s`).join(', ')}`);
    }
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return lines;
}
