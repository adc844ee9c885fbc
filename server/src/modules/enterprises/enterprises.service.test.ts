import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricScope } from '../../platform/metrics.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { enterpriseMetrics } from './enterprises.metrics.js';
import { DEMO_DRILLS, DEMO_KEY_UNITS, DEMO_TRAINING_INSTITUTIONS, DEMO_WORKSHOPS_BANNED } from './enterprises.seed.js';
import { recordDrill } from './enterprises.drills.service.js';
import { listEnterprises } from './enterprises.service.js';

function metric(id: string) {
  const m = enterpriseMetrics.find((x) => x.id === id);
  if (!m) throw new Error(`no metric ${id}`);
  return m;
}

describe('enterprise figures', () => {
  let t: TestApp;
  let year: MetricScope;
  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    const ctx = await t.contextFor('admin');
    year = { db: t.db, tenantId: ctx.tenantId, orgPath: ctx.actor.scopePath, from: '2018-01-01', to: '2018-12-31' };
  });
  afterAll(async () => t.close());

  it('2018 figures match the report and each drill-down lists exactly the rows counted', async () => {
    const cases: Array<[string, number]> = [
      ['enterprises.key_units_inspected', DEMO_KEY_UNITS],
      ['enterprises.training_institutions_inspected', DEMO_TRAINING_INSTITUTIONS],
      ['enterprises.drills_held', DEMO_DRILLS],
      ['enterprises.workshops_banned', DEMO_WORKSHOPS_BANNED],
    ];
    for (const [id, expected] of cases) {
      const m = metric(id);
      expect((await m.compute(year)).value, id).toBe(expected);
      const recs = await m.records(year, { page: 1, pageSize: 200 });
      expect(recs.total, id).toBe(expected);
      expect(recs.items.length, id).toBe(expected);
      expect(m.reported?.value).toBeLessThanOrEqual(expected);
    }
    // Another year counts nothing.
    expect((await metric('enterprises.drills_held').compute({ ...year, from: '2017-01-01', to: '2017-12-31' })).value).toBe(0);
  });

  it('a village’s figure counts only its own units', async () => {
    const ctx = await t.contextFor('shuji');
    const village = { ...year, orgPath: ctx.actor.scopePath };
    const m = metric('enterprises.training_institutions_inspected');
    const value = (await m.compute(village)).value;
    const listed = await listEnterprises(ctx, { page: 1, pageSize: 200, category: 'training_institution' });
    expect(value).toBe(listed.total);
    expect(value).toBeLessThan(DEMO_TRAINING_INSTITUTIONS);
  });

  it('a drill outside the actor’s scope is not found and nothing is written', async () => {
    const admin = await t.contextFor('admin');
    const grid = await t.contextFor('wanggeyuan');
    const other = await listEnterprises(admin, { page: 1, pageSize: 200, category: 'key_unit' });
    const foreign = other.items.find((e) => e.orgName !== '石寨村党总支');
    await expect(recordDrill(grid, { orgId: foreign?.orgId ?? '', heldOn: '2018-05-01', title: '演练', location: 'x', participants: 10 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await metric('enterprises.drills_held').compute(year)).value).toBe(DEMO_DRILLS);
  });
});
