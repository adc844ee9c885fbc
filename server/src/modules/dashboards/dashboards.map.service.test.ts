import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.js';
import type { ActorContext } from '../../platform/request-context.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { recordAudit } from '../audit/index.js';
import { households } from '../households/households.table.js';
import { collectInbox } from './dashboards.inbox.js';
import { defaultPeriod } from './dashboards.default-period.js';
import { gridMap } from './dashboards.grid-map.js';
import { buildReport, computeOverview, computeSummary, effectiveMetricId } from './dashboards.service.js';

/** Open hazards counted straight in SQL: undecided, or a deadline fix whose item is not closed. */
async function openHazardsUnder(t: TestApp, tenantId: number, path: string): Promise<number> {
  const [r] = await queryRows<{ n: number }>(
    t.db,
    sql`select count(*)::int as n from hazards h
        join org_units o on o.tenant_id = h.tenant_id and o.id = h.org_id
        left join rectification_items r on r.tenant_id = h.tenant_id and r.id = h.rectification_item_id
        where h.tenant_id = ${tenantId} and o.path like ${path + '%'}
          and (h.resolution is null or (h.resolution = 'deadline' and (r.state is null or r.state <> 'closed')))`,
  );
  return r.n;
}

describe('grid map, opening period, escalation and the overview cache', { timeout: 300_000 }, () => {
  let t: TestApp;
  let admin: ActorContext;
  let shuji: ActorContext;
  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    admin = await t.contextFor('admin');
    shuji = await t.contextFor('shuji');
  });
  afterAll(async () => t.close());

  it('the grid map draws every grid outline with its open hazards, within scope', async () => {
    const street = await gridMap(admin);
    const [g] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from grids where tenant_id = ${admin.tenantId}`);
    expect(street.items).toHaveLength(g.n);
    expect(street.items.every((i) => i.polygons.length > 0 && i.polygons[0].length >= 4)).toBe(true);
    const open = await openHazardsUnder(t, admin.tenantId, admin.actor.scopePath);
    expect(open).toBeGreaterThan(0);
    expect(street.openHazards).toBe(open);
    // Hazards without a grid count toward the total but toward no grid.
    expect(street.items.reduce((a, i) => a + i.openHazards, 0)).toBeLessThanOrEqual(open);
    expect(street.hazards.length).toBeLessThanOrEqual(open);
    expect(street.hazards.length).toBeGreaterThan(0);

    const village = await gridMap(shuji);
    expect(village.items.length).toBeGreaterThan(0);
    expect(village.items.length).toBeLessThan(street.items.length);
    expect(village.items.every((i) => i.orgName.startsWith('石寨村'))).toBe(true);
    expect(village.openHazards).toBe(await openHazardsUnder(t, shuji.tenantId, shuji.actor.scopePath));
    const villageIds = new Set(village.items.map((i) => i.id));
    expect(village.hazards.every((h) => h.gridId === null || villageIds.has(h.gridId))).toBe(true);
    await expect(gridMap(shuji, admin.actor.scopeOrgId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('opens on the latest year every activity register covers, not on a year with a few stray entries', async () => {
    // The demo street's registers are full for 2018; only a dozen hazards fall in the current year.
    const p = await defaultPeriod(admin, undefined, '2026-11-28');
    expect(p.period).toBe('2018');
    expect(p.latestRecordDate).not.toBeNull();
    // Before anything was recorded the current year is the default.
    expect((await defaultPeriod(admin, undefined, '2016-03-01')).period).toBe('2016');
  });

  it("an overdue item more than three working days late reaches the street's inbox, named after its owner", async () => {
    // A tour finding in 石寨村 whose rectification, due 2018-08-17 (a Friday), is still open.
    const [f] = await queryRows<{ item: string }>(
      t.db,
      sql`select f.rectification_item_id as item from tour_findings f join org_units o on o.tenant_id = f.tenant_id and o.id = f.org_id
          where f.tenant_id = ${shuji.tenantId} and o.path like ${shuji.actor.scopePath + '%'} and f.rectification_item_id is not null limit 1`,
    );
    expect(f).toBeDefined();
    await t.db.execute(sql`update rectification_items set state = 'rectifying', deadline = '2018-08-17', closed_at = null, closed_on_time = null where tenant_id = ${shuji.tenantId} and id = ${f.item}`);

    const own = await collectInbox(shuji, '2018-08-27');
    const mine = own.find((i) => i.kind === 'tours.finding.due');
    expect(mine).toMatchObject({ severity: 'overdue', dueAt: '2018-08-17', escalated: false });

    const fromShuji = (items: Awaited<ReturnType<typeof collectInbox>>) => items.filter((i) => i.escalated && i.ownerName === shuji.actor.displayName && i.kind === 'tours.finding.due');
    // Monday 08-20 is one working day late, Wednesday 08-22 three: not yet.
    expect(fromShuji(await collectInbox(admin, '2018-08-20'))).toHaveLength(0);
    expect(fromShuji(await collectInbox(admin, '2018-08-22'))).toHaveLength(0);
    // Thursday 08-23, four working days late: the street sees it, marked as escalated from the secretary.
    const up = fromShuji(await collectInbox(admin, '2018-08-23'));
    expect(up).toHaveLength(1);
    expect(up[0].title).toContain(`【上报】${shuji.actor.displayName}`);
    expect(up[0].severity).toBe('overdue');
    // The escalated list is cached per actor and day until the street next writes: a deadline extended (an audited
    // write) takes the item off the street's inbox at once.
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`update rectification_items set deadline = '2018-08-30' where tenant_id = ${shuji.tenantId} and id = ${f.item}`);
      await recordAudit(tx, admin, { action: 'rectification.extend', entityType: 'rectification_item', entityId: f.item });
    });
    expect(fromShuji(await collectInbox(admin, '2018-08-23'))).toHaveLength(0);
    // Escalation goes up, never sideways or down: the secretary gets nothing escalated from the street or her own level.
    expect((await collectInbox(shuji, '2018-08-27')).filter((i) => i.escalated)).toHaveLength(0);
  });

  it('a cached summary is recomputed as soon as the street writes', async () => {
    const before = await computeSummary(admin, { period: '2018' });
    const again = await computeSummary(admin, { period: '2018' });
    expect(again.metrics['households.total'].value).toBe(before.metrics['households.total'].value);
    const [org] = await queryRows<{ id: string }>(t.db, sql`select org_id as id from grids where tenant_id = ${admin.tenantId} limit 1`);
    await admin.db.transaction(async (tx) => {
      const [row] = await tx.insert(households).values({ tenantId: admin.tenantId, orgId: org.id, address: '测试路1号', headName: '测试户' }).returning();
      await recordAudit(tx, admin, { action: 'household.create', entityType: 'household', entityId: row.id });
    });
    const after = await computeSummary(admin, { period: '2018' });
    expect(after.metrics['households.total'].value).toBe((before.metrics['households.total'].value ?? 0) + 1);
  });

  it('each figure shows once, and the report keeps the 2018 numbers of figures an owning module took over', async () => {
    const o = await computeOverview(admin, { period: '2018' });
    const ids = o.metrics.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    const labels = o.metrics.map((m) => `${m.group}/${m.name}`);
    expect(new Set(labels).size).toBe(labels.length);
    // The org-kind figures appear once each, whichever module publishes them.
    const orgFigures = o.metrics.filter((m) => m.group === '组织体系');
    expect(new Set(orgFigures.map((m) => m.value)).size).toBeGreaterThan(1);
    const report = await buildReport(admin, { period: '2018' });
    const villages = report.items.find((i) => i.id === 'org.villages' || i.id === 'party.orgs.village');
    expect(villages).toMatchObject({ id: await effectiveMetricId('org.villages'), reportedValue: 8, computed: 8 });
    const communitiesId = await effectiveMetricId('org.communities');
    expect(report.items.find((i) => i.id === communitiesId)).toMatchObject({ reportedValue: 13, computed: 13 });
  });
});
