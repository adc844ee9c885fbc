import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openRuntime } from '../server/src/bootstrap.js';
import { loadConfig } from '../server/src/platform/config.js';
import { queryRows } from '../server/src/platform/db.js';
import { sql } from 'drizzle-orm';
import { analyse, generateCity, PER_STREET } from '../server/src/generate/generate.city.js';
import { CITY_PASSWORD, row, tableHead } from './city.bench.js';
import { createDatabase, getter, loginAs, measure, spawnServer, watchRss } from './lib.js';

/**
 * Issue #3: one street with 10,000 members and 1,000,000 ledger entries — the ranking for a quarter and a bulk
 * approval of 1,000 claims — on PostgreSQL and on the embedded PGlite; plus issue #7's 100,000-row ledger export
 * (server RSS sampled from /proc). The street is generated with the city generator (one street, a bigger shape).
 * GONGJIAN_BENCH_PGLITE_ENTRIES sizes the PGlite street (default the full 1,000,000).
 */
const Q3 = 'from=2018-07-01&to=2018-09-30';

function shape(entries: number) {
  return { members: 10_000, entries, households: 10_000, hazards: 1_000, pairings: PER_STREET.pairings, pendingClaims: 2_000, requests: 50 };
}

async function oneEngine(label: string, env: Record<string, string>, configEnv: Record<string, string>, databaseUrl: string | undefined, entries: number): Promise<string[]> {
  const config = { ...loadConfig({ ...configEnv, GONGJIAN_LOG_LEVEL: 'silent' }), databaseUrl };
  const rt = await openRuntime(config);
  const gen = await generateCity(rt.database.db, rt.services, { streets: 1, seed: 42, scale: 1, codePrefix: '410182', adminPassword: CITY_PASSWORD, perStreet: shape(entries) });
  await analyse(rt.database.db);
  const street = gen.streets[0];
  const counts = async () => {
    const [c] = await queryRows<{ members: number; entries: number; pending: number; export_rows: number }>(
      rt.database.db,
      sql`select (select count(*)::int from members where tenant_id = ${street.tenantId}) as members,
        (select count(*)::int from point_entries where tenant_id = ${street.tenantId}) as entries,
        (select count(*)::int from work_claims where tenant_id = ${street.tenantId} and state = 'pending') as pending,
        (select count(*)::int from point_entries where tenant_id = ${street.tenantId} and occurred_on between '2018-01-01' and '2018-02-06') as export_rows`,
    );
    return c;
  };
  const c = await counts();
  const pendingIds = (await queryRows<{ id: string }>(rt.database.db, sql`select id from work_claims where tenant_id = ${street.tenantId} and state = 'pending' order by id limit 2000`)).map((r) => r.id);
  const [anchor] = await queryRows<{ category: string; lat: number; lng: number; grid_id: string }>(
    rt.database.db,
    sql`select category, lat, lng, grid_id from hazards where tenant_id = ${street.tenantId} and grid_id is not null and lat is not null order by id limit 1`,
  );
  await rt.database.close();

  const out = [
    `### ${label}: one street with ${Number(c.members).toLocaleString('en')} members and ${Number(c.entries).toLocaleString('en')} ledger entries`,
    '',
    `Generated in ${(gen.ms / 1000).toFixed(0)} s (${gen.rows.toLocaleString('en')} rows) by the city generator, then served by a spawned Gongjian server.`,
    '',
    tableHead,
  ];
  const server = await spawnServer(env);
  try {
    const cookie = await loginAs(server.url, street.adminUsername, CITY_PASSWORD);
    const get = getter(server.url, cookie);
    const n = Number(process.env.GONGJIAN_BENCH_RANKING_N ?? 50);
    // An audited write (a grid worker's hazard report, untimed) moves the street's stamp, so the next ranking finds
    // nothing cached, as after any write in the street (decision 0012).
    const write = (i: number) =>
      fetch(`${server.url}/api/hazards`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ category: anchor!.category, severity: 'general', description: `排名压测 #${i}：楼道堆放杂物`, lat: anchor!.lat + i * 0.0003, lng: anchor!.lng, gridId: anchor!.grid_id }),
      }).then(async (r) => {
        if (!r.ok) throw new Error(`hazard report → ${r.status} ${(await r.text()).slice(0, 200)}`);
      });
    // Rankings are cached until the street writes (decision 0012). "after a write": nothing is cached. "a new page
    // each time": the page is computed, the period's stats (summary and the totals that give ranks, decision 0014)
    // come from the first page's computation. "repeated": the same first page again, as members reopening it get it.
    for (const [label, level] of [['member', 'member'], ['branch', 'branch'], ['village/community', 'unit']] as const) {
      const many = level === 'member';
      let page = 2;
      if (many) out.push(row(`${label} ranking, 2018-Q3, first page after a write (nothing cached)`, await measure(n, () => get(`/api/points/rankings?${Q3}&level=${level}&pageSize=20`), 1, write), '< 50 ms'));
      if (many) out.push(row(`${label} ranking, 2018-Q3, a new page each time (page computed)`, await measure(n, () => get(`/api/points/rankings?${Q3}&level=${level}&pageSize=20&page=${page++}`), 1), '< 50 ms'));
      out.push(row(`${label} ranking, 2018-Q3, ${many ? 'first page repeated (cached)' : 'repeated (cached)'}`, await measure(n, () => get(`/api/points/rankings?${Q3}&level=${level}&pageSize=20`), 1), '< 50 ms'));
    }
    out.push('');
    const approve = async (ids: string[]) => {
      const t = performance.now();
      const r = await fetch(`${server.url}/api/points/claims/decide`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ ids, decision: 'approve' }) });
      const body = (await r.json()) as { decided?: number; posted?: number; message?: string };
      if (!r.ok) throw new Error(`decide → ${r.status} ${body.message ?? ''}`);
      return { ms: performance.now() - t, decided: body.decided ?? 0, posted: body.posted ?? 0 };
    };
    for (const [i, batch] of [pendingIds.slice(0, 1000), pendingIds.slice(1000, 2000)].entries()) {
      if (batch.length < 1000) continue;
      const a = await approve(batch);
      out.push(`- bulk approval of 1,000 pending claims (run ${i + 1}, one request, audit and ledger posting included): **${(a.ms / 1000).toFixed(2)} s** — ${a.decided} decided, ${a.posted} entries posted (aim < 2 s)`);
    }
    const watch = watchRss(server.pid);
    const t = performance.now();
    const r = await fetch(`${server.url}/api/points/export/ledger.xlsx?from=2018-01-01&to=2018-02-06`, { headers: { cookie } });
    const bytes = (await r.arrayBuffer()).byteLength;
    const exportMs = performance.now() - t;
    const peak = watch.stop();
    out.push(
      `- ledger export (\`/api/points/export/ledger.xlsx\`, ${Number(c.export_rows).toLocaleString('en')} entries, ${r.status}, ${(bytes / 2 ** 20).toFixed(1)} MB .xlsx): ` +
        `**${(exportMs / 1000).toFixed(1)} s**, server peak RSS **${peak.toFixed(0)} MB** (aims < 10 s, < 256 MB)`,
      '',
    );
  } finally {
    await server.stop();
  }
  return out;
}

export async function benchRanking(pgAdminUrl: string): Promise<string[]> {
  const out = ['## Points at street scale (issue #3) and the 100,000-row ledger export (issue #7)', ''];
  const url = await createDatabase(pgAdminUrl, 'gj_bench_rank');
  const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-bench-rank-pg-'));
  out.push(...(await oneEngine('PostgreSQL 15', { DATABASE_URL: url, GONGJIAN_DATA_DIR: pgDir }, { GONGJIAN_DATA_DIR: pgDir }, url, 1_000_000)));
  fs.rmSync(pgDir, { recursive: true, force: true });
  const c = new pg.Client({ connectionString: pgAdminUrl });
  await c.connect();
  await c.query('drop database if exists gj_bench_rank with (force)');
  await c.end();
  if (process.env.GONGJIAN_BENCH_SKIP_PGLITE !== '1') {
    const liteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-bench-rank-lite-'));
    const entries = Number(process.env.GONGJIAN_BENCH_PGLITE_ENTRIES ?? 1_000_000);
    out.push(...(await oneEngine('Embedded PGlite', { GONGJIAN_DATA_DIR: liteDir }, { GONGJIAN_DATA_DIR: liteDir }, undefined, entries)));
    fs.rmSync(liteDir, { recursive: true, force: true });
  }
  return out;
}
