import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db.js';
import { createTestApp, type TestApp } from '../test-app.js';
import { casesFor, sampleCases, databaseFingerprint, fetchOpenApi, operationsOf, problemWith, send, type FuzzCase, type Finding } from './fuzz.js';

/**
 * `npm test` runs a deterministic sample: every operation gets one case of up to 8 kinds of malformation
 * (rotating, so the run covers every kind), as one role (rotating through the nine demo roles and anonymous). `npm run fuzz` (GONGJIAN_FUZZ=full) runs every operation as
 * every role. Either way the counts are printed.
 */
const full = process.env.GONGJIAN_FUZZ === 'full';
const roles = ['admin', 'zhidaoyuan', 'shuji', 'wanggeyuan', 'dangyuan', 'danwei', 'jumin', 'jijian', 'platform', null] as const;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ template: 'demo' });
});
afterAll(async () => {
  await t.close();
});

describe('API fuzzer', () => {
  it('answers every malformed request without a 5xx, leak or change to the database', { timeout: full ? 3_600_000 : 600_000 }, async () => {
    const doc = await fetchOpenApi(t);
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(100);
    const [other] = await queryRows<{ id: string }>(t.db, sql`select id::text as id from users where tenant_id = 0 limit 1`);
    const otherTenantId = other?.id ?? '00000000-0000-4000-8000-000000000001';

    const cookies = new Map<string, string>();
    const cookieFor = async (role: string | null) => {
      if (!role) return undefined;
      const known = cookies.get(role);
      if (known) return known;
      const c = await t.login(role);
      cookies.set(role, c);
      return c;
    };
    const findings: Finding[] = [];
    let requests = 0;
    let accepted = 0;
    const statusCounts = new Map<number, number>();

    for (const [i, op] of ops.entries()) {
      const all = casesFor(op, doc, otherTenantId, !full);
      const cases = full ? all : sampleCases(all, i);
      const opRoles = full ? roles : [roles[i % roles.length] ?? null];
      for (const role of opRoles) {
        const label = `${op.method} ${op.path}`;
        let cookie = await cookieFor(role);
        const before = await databaseFingerprint(t);
        const rejected: FuzzCase[] = [];
        for (const c of cases) {
          const res = await send(t, c, cookie);
          requests++;
          statusCounts.set(res.statusCode, (statusCounts.get(res.statusCode) ?? 0) + 1);
          const problem = problemWith(res, op.path.startsWith('/open311/'));
          if (problem) findings.push({ operation: label, role: role ?? 'anonymous', label: c.label, status: res.statusCode, problem, body: res.body.slice(0, 300) });
          if (res.statusCode >= 400 && res.statusCode < 500) rejected.push(c);
          else accepted++;
        }
        let after = await databaseFingerprint(t);
        if (after !== before && rejected.length < cases.length) {
          // Some input was accepted and wrote: replay only the rejected ones, fenced by fingerprints.
          const fence = after;
          for (const c of rejected) {
            const res = await send(t, c, cookie);
            requests++;
            if (res.statusCode < 400 || res.statusCode >= 500) continue;
            const now = await databaseFingerprint(t);
            if (now !== fence) {
              findings.push({ operation: label, role: role ?? 'anonymous', label: c.label, status: res.statusCode, problem: 'rejected request changed the database', body: diff(fence, now) });
              break;
            }
          }
          after = await databaseFingerprint(t);
        } else if (after !== before) {
          findings.push({ operation: label, role: role ?? 'anonymous', label: 'batch', status: 400, problem: 'rejected requests changed the database', body: diff(before, after) });
        }
        // A case may have ended the session (logout): log in again for the next operation.
        if (cookie && (await t.request({ method: 'GET', url: '/api/auth/me', cookie })).statusCode === 401 && role) {
          cookies.delete(role);
          cookie = await cookieFor(role);
        }
      }
    }
    const summary = `fuzz (${full ? 'full matrix' : 'sample'}): ${requests} requests, ${ops.length} operations, ${full ? roles.length : 1} role(s) per operation, ${accepted} accepted; statuses ${[...statusCounts.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([s, n]) => `${s}×${n}`)
      .join(' ')}`;
    console.log(summary);
    for (const f of findings.slice(0, 80)) console.log(`FINDING ${f.operation} as ${f.role} [${f.label}] ${f.status}: ${f.problem} — ${f.body}`);
    expect(findings, summary).toEqual([]);
  });
});

function diff(a: string, b: string): string {
  const left = new Set(a.split(';'));
  return b
    .split(';')
    .filter((x) => !left.has(x))
    .join(';')
    .slice(0, 300);
}
