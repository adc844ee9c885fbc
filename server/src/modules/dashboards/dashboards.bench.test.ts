import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { parsePeriod } from './dashboards.period.js';
import { registeredMetrics, resolveOrg, scopeFor } from './dashboards.service.js';

/**
 * Timing of the summary on the demo street: `GJ_BENCH=1 npx vitest run server/src/modules/dashboards/dashboards.bench.test.ts`
 * (add DATABASE_URL for PostgreSQL). Prints the figures; asserts only that the answers are right.
 */
describe.skipIf(!process.env.GJ_BENCH)('summary timing', { timeout: 900_000 }, () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    admin = await t.login('admin');
  });
  afterAll(async () => t.close());

  it('the old way: every metric one after another, no cache (3 runs)', async () => {
    const ctx = await t.contextFor('admin');
    const scope = scopeFor(ctx, await resolveOrg(ctx), parsePeriod({ period: '2018' }));
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      for (const m of await registeredMetrics()) await m.def.compute(scope).catch(() => null);
      times.push(performance.now() - started);
    }
    console.log(`[bench] ${t.database.kind} sequential: ${times.map((x) => x.toFixed(0)).join(' / ')} ms`);
  });

  it('20 calls of /api/dashboard/summary?period=2018', async () => {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      const res = await t.request({ method: 'GET', url: '/api/dashboard/summary?period=2018', cookie: admin });
      times.push(performance.now() - started);
      expect(res.statusCode).toBe(200);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const total = times.reduce((a, b) => a + b, 0);
    console.log(`[bench] ${t.database.kind}: first ${times[0].toFixed(0)} ms, median ${sorted[10].toFixed(0)} ms, total 20 calls ${total.toFixed(0)} ms`);
  });
});
