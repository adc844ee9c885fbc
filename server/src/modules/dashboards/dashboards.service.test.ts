import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.js';
import type { ActorContext } from '../../platform/request-context.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { parsePeriod, monthsOf } from './dashboards.period.js';
import { computeSummary, effectiveMetricId, listMetricRecords, metricByOrg, registeredMetrics, resolveOrg, scopeFor } from './dashboards.service.js';

describe('periods', () => {
  it('parses year, quarter, month and from/to forms', () => {
    expect(parsePeriod({ period: '2018' })).toEqual({ label: '2018年', from: '2018-01-01', to: '2018-12-31' });
    expect(parsePeriod({ period: '2018-Q3' })).toMatchObject({ from: '2018-07-01', to: '2018-09-30' });
    expect(parsePeriod({ period: '2016-02' })).toMatchObject({ from: '2016-02-01', to: '2016-02-29' });
    expect(parsePeriod({ from: '2018-06-01', to: '2018-07-15' })).toMatchObject({ from: '2018-06-01', to: '2018-07-15' });
    expect(() => parsePeriod({ period: '2018-13' })).toThrow(/统计期/);
    expect(() => parsePeriod({ from: '2018-07-01', to: '2018-06-01' })).toThrow(/结束日期/);
    expect(monthsOf(parsePeriod({ period: '2018-Q2' })).map((m) => m.label)).toEqual(['2018-04', '2018-05', '2018-06']);
  });
});

describe('metrics over the demo street', { timeout: 300_000 }, () => {
  let t: TestApp;
  let admin: ActorContext;
  let shuji: ActorContext;
  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    admin = await t.contextFor('admin');
    shuji = await t.contextFor('shuji');
  });
  afterAll(async () => t.close());

  it("every registered metric's drill-down returns exactly the records it counts", async () => {
    const period = parsePeriod({ period: '2018' });
    // Every broken contract is listed at once, so the owning modules see all of theirs.
    const mismatches: string[] = [];
    for (const ctx of [admin, shuji]) {
      const scope = scopeFor(ctx, await resolveOrg(ctx), period);
      for (const { def } of await registeredMetrics()) {
        const v = await def.compute(scope);
        const r = await def.records(scope, { page: 1, pageSize: 5 });
        // A ratio's drill-down lists its denominator's records (marking those in the numerator), or the numerator's;
        // a grouped drill-down's columns sum to the numerator and the denominator.
        let ok = def.kind === 'ratio' ? r.total === v.denominator || r.total === v.numerator : r.total === v.value;
        if (def.recordsGrouped) {
          const { numeratorKey, denominatorKey } = def.recordsGrouped;
          const all = await def.records(scope, { page: 1, pageSize: Math.max(1, r.total) });
          const sum = (k: string) => all.items.reduce((n, i) => n + Number(i[k] ?? 0), 0);
          ok = sum(numeratorKey) === v.numerator && sum(denominatorKey) === v.denominator;
        }
        if (def.kind !== 'sum' && !ok) mismatches.push(`${def.id} for ${ctx.actor.username}: records ${r.total}, counted ${v.value} (${v.numerator ?? '-'}/${v.denominator ?? '-'})`);
        expect(r.items.length).toBeLessThanOrEqual(5);
        expect(r.columns.length).toBeGreaterThan(0);
        // Paging through the records meets every row exactly once.
        if (def.kind === 'count' && r.total > 0 && r.total <= 400) {
          const all = await def.records(scope, { page: 1, pageSize: 400 });
          if (all.items.length !== r.total) mismatches.push(`${def.id}: paging gave ${all.items.length} of ${r.total}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('the summary agrees with counts made directly in SQL', async () => {
    const s = await computeSummary(admin, { period: '2018' });
    const villages = await effectiveMetricId('org.villages');
    const communities = await effectiveMetricId('org.communities');
    const grassrootsId = await effectiveMetricId('org.grassroots');
    const tenantId = admin.tenantId;
    const [m] = await queryRows<{ total: number; formal: number; probationary: number }>(
      t.db,
      sql`select count(*)::int as total, count(*) filter (where category = 'formal')::int as formal, count(*) filter (where category = 'probationary')::int as probationary
          from members where tenant_id = ${tenantId} and state = 'active' and (join_date is null or join_date <= '2018-12-31')`,
    );
    expect((s.metrics['members.formal'].value ?? 0) + (s.metrics['members.probationary'].value ?? 0)).toBe(m.total);
    expect(s.metrics['members.formal'].value).toBe(m.formal);
    expect(s.metrics['members.probationary'].value).toBe(m.probationary);
    const kinds = await queryRows<{ kind: string; n: number }>(t.db, sql`select kind, count(*)::int as n from org_units where tenant_id = ${tenantId} and status = 'active' group by kind`);
    const byKind = new Map(kinds.map((k) => [k.kind, k.n]));
    expect(s.metrics[villages].value).toBe(byKind.get('village'));
    expect(s.metrics[communities].value).toBe(byKind.get('community'));
    expect(s.metrics[villages].value).toBe(8);
    expect(s.metrics[communities].value).toBe(13);
    const grassroots = [...byKind.entries()].filter(([k]) => k !== 'street_committee').reduce((a, [, n]) => a + n, 0);
    expect(s.metrics[grassrootsId].value).toBe(grassroots);
    const [h] = await queryRows<{ n: number; g: number }>(t.db, sql`select (select count(*)::int from households where tenant_id = ${tenantId}) as n, (select count(*)::int from grids where tenant_id = ${tenantId}) as g`);
    expect(s.metrics['households.total'].value).toBe(h.n);
    expect(s.metrics['places.grids'].value).toBe(h.g);
    expect(s.metrics['members.formal'].version).toBe(1);
    expect(s.metrics['members.formal'].unit).toBe('名');
  });

  it("a secretary's figures cover only their subtree", async () => {
    const street = await computeSummary(admin, { period: '2018' });
    const village = await computeSummary(shuji, { period: '2018' });
    expect(village.org.name).toBe('石寨村党总支');
    expect(village.metrics[await effectiveMetricId('org.villages')].value).toBe(1);
    expect(village.metrics[await effectiveMetricId('org.communities')].value).toBe(0);
    const [m] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from members m join org_units o on o.tenant_id = m.tenant_id and o.id = m.org_id
          where m.tenant_id = ${shuji.tenantId} and m.state = 'active' and o.path like ${shuji.actor.scopePath + '%'}`,
    );
    const both = (x: typeof village) => (x.metrics['members.formal'].value ?? 0) + (x.metrics['members.probationary'].value ?? 0);
    expect(both(village)).toBe(m.n);
    expect(both(village)).toBeLessThan(both(street));
    // The street admin may open the village; the secretary may not open the street.
    const opened = await computeSummary(admin, { period: '2018', orgId: shuji.actor.scopeOrgId });
    expect(both(opened)).toBe(m.n);
    await expect(computeSummary(shuji, { period: '2018', orgId: admin.actor.scopeOrgId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('ranks units per 100 members, and the shares add up to the street', async () => {
    const r = await metricByOrg(admin, 'members.formal', { period: '2018', per: 'member' });
    const total = r.items.reduce((a, i) => a + i.value, 0);
    const street = await computeSummary(admin, { period: '2018' });
    expect(total).toBe(street.metrics['members.formal'].value);
    for (let i = 1; i < r.items.length; i++) expect(r.items[i - 1].normalised).toBeGreaterThanOrEqual(r.items[i].normalised);
    const rec = await listMetricRecords(admin, 'members.probationary', { period: '2018', page: 1, pageSize: 10 });
    expect(rec.items.every((i) => i.category === '预备党员')).toBe(true);
  });
});
