import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricScope } from '../../platform/metrics.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { rectificationItems } from '../rectification/index.js';
import { environmentMetrics } from './environment.metrics.js';
import { createPollutionEnterprise, getPollutionEnterprise, recordRecheck, signOffPollution, startRemediation, updateChecklist } from './environment.pollution.service.js';
import { DEMO_POLLUTION_ENTERPRISES, DEMO_SITES } from './environment.seed.js';
import { nextPollutionState, pollutionTransitions } from './environment.workflow.js';

function metric(id: string) {
  const m = environmentMetrics.find((x) => x.id === id);
  if (!m) throw new Error(`no metric ${id}`);
  return m;
}

describe('散乱污 workflow table', () => {
  it('allows only the listed moves', () => {
    expect(nextPollutionState('listed', 'start')).toBe('remediating');
    expect(() => nextPollutionState('listed', 'sign_off')).toThrow(/不能销号/);
    expect(() => nextPollutionState('remediating', 'recheck_fail')).toThrow();
    expect(Object.keys(pollutionTransitions.rebound)).toEqual(['start']);
  });
});

describe('environment figures', () => {
  let t: TestApp;
  let year: MetricScope;
  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    const ctx = await t.contextFor('admin');
    year = { db: t.db, tenantId: ctx.tenantId, orgPath: ctx.actor.scopePath, from: '2018-01-01', to: '2018-12-31' };
  });
  afterAll(async () => t.close());

  it('2018: 63 remediated, 0 % rebound, 7 sites stationed — each with its records', async () => {
    const remediated = metric('environment.pollution_remediated');
    expect((await remediated.compute(year)).value).toBe(DEMO_POLLUTION_ENTERPRISES);
    expect((await remediated.records(year, { page: 1, pageSize: 100 })).items).toHaveLength(DEMO_POLLUTION_ENTERPRISES);
    expect(await metric('environment.pollution_rebound_rate').compute(year)).toEqual({ value: 0, numerator: 0, denominator: DEMO_POLLUTION_ENTERPRISES });
    const sites = metric('environment.sites_stationed');
    expect((await sites.compute(year)).value).toBe(DEMO_SITES);
    expect((await sites.records(year, { page: 1, pageSize: 20 })).total).toBe(DEMO_SITES);
  });

  it('a failed re-check counts in the rebound rate and its drill-down lists exactly that enterprise', async () => {
    const grid = await t.contextFor('wanggeyuan');
    const admin = await t.contextFor('admin');
    const p = await createPollutionEnterprise(grid, { orgId: grid.actor.scopeOrgId, name: '反弹测试企业', address: '石寨村', problem: '粉尘', treatment: 'shutdown', listedOn: '2018-02-01', recheckIntervalDays: 30 });
    await startRemediation(grid, p.id, { responsibleName: '李某', deadlineWorkingDays: 10 });
    await updateChecklist(grid, p.id, { waterCut: true, powerCut: true, materialsCleared: true, equipmentCleared: true, productsCleared: true });
    await signOffPollution(admin, p.id, { signedOffOn: '2018-03-01' });
    await recordRecheck(grid, p.id, { checkedOn: '2018-04-01', passed: false, note: '恢复生产' });
    const rate = await metric('environment.pollution_rebound_rate').compute(year);
    expect(rate.numerator).toBe(1);
    expect(rate.denominator).toBe(DEMO_POLLUTION_ENTERPRISES + 1);
    const recs = await metric('environment.pollution_rebound_rate').records(year, { page: 1, pageSize: 10 });
    expect(recs.items.map((r) => r.name)).toEqual(['反弹测试企业']);
    // A recheck on an enterprise that is not signed off is refused by the workflow table.
    await expect(recordRecheck(grid, p.id, { checkedOn: '2018-04-02', passed: true })).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('a failed re-check re-opens the enterprise’s closed rectification item', async () => {
    const grid = await t.contextFor('wanggeyuan');
    const admin = await t.contextFor('admin');
    const p = await createPollutionEnterprise(grid, { orgId: grid.actor.scopeOrgId, name: '复开测试企业', address: '石寨村', problem: '废气', treatment: 'upgrade', listedOn: '2018-02-01', recheckIntervalDays: 30 });
    const started = await startRemediation(grid, p.id, { responsibleName: '李某', deadlineWorkingDays: 10 });
    const itemId = started.rectification?.itemId ?? '';
    // Given the item was verified and closed in the rectification ledger:
    await t.db.update(rectificationItems).set({ state: 'closed', closedAt: new Date() }).where(and(eq(rectificationItems.tenantId, grid.tenantId), eq(rectificationItems.id, itemId)));
    await signOffPollution(admin, p.id, { signedOffOn: '2018-03-01' });
    expect((await getPollutionEnterprise(grid, p.id)).rectification?.state).toBe('closed');
    const after = await recordRecheck(grid, p.id, { checkedOn: '2018-04-01', passed: false, note: '夜间偷偷生产' });
    expect(after.state).toBe('rebound');
    expect(after.rectification?.itemId).toBe(itemId);
    expect(after.rectification?.state).toBe('rectifying');
  });
});
