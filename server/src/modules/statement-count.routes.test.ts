import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements } from '../platform/db.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

/**
 * No N+1: every list and detail endpoint issues a bounded number of SQL statements whatever the page
 * size. Walks the app's route table as the street admin on the demo street: each parameterless GET is
 * asked for a page of 2 and a page of 50; a page of 50 must not cost more statements than a page of 2
 * (when it returned more rows), and neither may pass the bound. Detail routes `/x/:id` are asked for
 * the first item their list returned. Dashboards (one statement per metric by design) and file exports
 * are measured elsewhere (npm run bench).
 */
const MAX_STATEMENTS = 25;
const skip = [/^\/api\/dashboard/, /^\/api\/ledgers/, /^\/api\/inbox/, /export|template|\.xlsx|\/print|\/qr/];

describe('SQL statements per request stay bounded', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    cookie = await t.login('admin');
  });
  afterAll(async () => t.close());

  async function measure(url: string) {
    const { result, statements } = await countStatements(() => t.request({ method: 'GET', url, cookie }));
    let items: Array<Record<string, unknown>> | undefined;
    if (result.statusCode === 200 && (result.headers['content-type'] ?? '').toString().includes('json')) {
      const body: unknown = result.json();
      if (body && typeof body === 'object' && 'items' in body && Array.isArray(body.items)) items = body.items as Array<Record<string, unknown>>;
      else if (Array.isArray(body)) items = body as Array<Record<string, unknown>>;
    }
    return { status: result.statusCode, statements, items };
  }

  it('lists: a page of 50 costs no more statements than a page of 2, details are bounded', async () => {
    const gets = t.app.routeTable.filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && !r.public && !skip.some((s) => s.test(r.url)));
    const lists = gets.filter((r) => !r.url.includes(':'));
    const details = gets.filter((r) => /\/:id$/.test(r.url) && r.url.split(':').length === 2);
    expect(lists.length).toBeGreaterThan(30);
    const problems: string[] = [];
    const firstIds = new Map<string, string>();
    let measured = 0;
  let most = 0;
    for (const route of lists) {
      const small = await measure(`${route.url}?pageSize=2`);
      const large = await measure(`${route.url}?pageSize=50`);
      if (small.status !== 200 || large.status !== 200) continue;
      measured++;
      most = Math.max(most, large.statements);
      const id = large.items?.[0]?.id;
      if (typeof id === 'string') firstIds.set(route.url, id);
      if (large.statements > MAX_STATEMENTS) problems.push(`${route.url}: ${large.statements} statements for a page of 50`);
      if ((large.items?.length ?? 0) > (small.items?.length ?? 0) && large.statements > small.statements) {
        problems.push(`${route.url}: ${small.statements} statements for ${small.items?.length} rows, ${large.statements} for ${large.items?.length}`);
      }
    }
    let detailsMeasured = 0;
    for (const route of details) {
      const id = firstIds.get(route.url.replace(/\/:id$/, ''));
      if (!id) continue;
      const res = await measure(route.url.replace(':id', id));
      if (res.status !== 200) continue;
      detailsMeasured++;
      if (res.statements > MAX_STATEMENTS) problems.push(`${route.url}: ${res.statements} statements for one record`);
    }
    console.log(`statement counts: ${measured} lists and ${detailsMeasured} details measured, at most ${most} statements per list`);
    // The counter itself works: a list reads its session, its scope and its rows.
    expect(most).toBeGreaterThan(2);
    expect(measured).toBeGreaterThan(25);
    expect(detailsMeasured).toBeGreaterThan(5);
    expect(problems).toEqual([]);
  }, 300_000);
});
