/**
 * Finding the cause of a missed aim: captures the statements Gongjian sends for one request against the city and
 * runs EXPLAIN (ANALYZE, BUFFERS) on each.
 *   GONGJIAN_BENCH_CITY_URL=… GONGJIAN_BENCH_CITY_DATA_DIR=… npx tsx bench/explain.ts '/api/hazards?category=fire'
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { cityServer, isAuth, openCity } from './city.bench.js';

async function main(paths: string[]) {
  const city = await openCity('');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-explain-')), 'capture.jsonl');
  const { server, get } = await cityServer(city, ['./bench/sql-capture.ts'], { GONGJIAN_SQL_CAPTURE: file });
  const c = new pg.Client({ connectionString: city.url });
  await c.connect();
  try {
    // --cold: explain the first request (e.g. a summary not yet cached); otherwise the second, warmed one.
    const cold = paths.includes('--cold');
    for (const p of paths.filter((x) => x !== '--cold')) {
      if (!cold) await get(p);
      const before = fs.existsSync(file) ? fs.statSync(file).size : 0;
      const t = performance.now();
      await get(p);
      console.log(`\n=== ${p} (${(performance.now() - t).toFixed(1)} ms end-to-end)`);
      const statements = fs.readFileSync(file).subarray(before).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; values: unknown[] });
      for (const s of statements) {
        if (/^(begin|commit|rollback|set )/i.test(s.text.trim())) continue;
        const plan = (await c.query(`explain (analyze, buffers) ${s.text}`, s.values)).rows.map((r: Record<string, string>) => r['QUERY PLAN']);
        const ms = /Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1] ?? '?';
        console.log(`\n--- ${ms} ms ${isAuth(s.text) ? '[auth] ' : ''}${s.text.slice(0, 300).replace(/\s+/g, ' ')}\n${plan.join('\n')}`);
      }
    }
  } finally {
    await c.end();
    await server.stop();
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
