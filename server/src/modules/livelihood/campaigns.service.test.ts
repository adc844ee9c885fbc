import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ActorContext } from '../../platform/request-context.js';
import { orgUnits } from '../org-units/index.js';
import { rectificationItems } from '../rectification/index.js';
import { campaignTotals, createCampaign, createFinding, listCampaigns, recordQuantity } from './campaigns.service.js';

let t: TestApp;
let admin: ActorContext;

async function orgId(name: string) {
  const [o] = await t.db.select().from(orgUnits).where(and(eq(orgUnits.tenantId, admin.tenantId), eq(orgUnits.name, name)));
  return o.id;
}

beforeAll(async () => {
  t = await createTestApp({ template: 'demo' });
  admin = await t.contextFor('admin');
});
afterAll(async () => t.close());

describe('创文创卫 campaigns', () => {
  it('the demo campaign totals are the report figures, summed from ledger lines', async () => {
    const [c] = (await listCampaigns(admin)).items;
    const totals = await campaignTotals(admin, c.id, { period: 'all' });
    const by = new Map(totals.items.map((r) => [r.item, r]));
    expect(by.get('person_times')).toMatchObject({ quantity: 13000, unit: '人次' });
    expect(by.get('rubbish_m3')).toMatchObject({ quantity: 26419, unit: '立方米' });
    expect(by.get('ads_removed')?.quantity).toBe(586);
    expect(by.get('painted_m2')?.quantity).toBe(1_300_000);
    expect(by.get('bins')).toMatchObject({ quantity: 339, kind: 'equipment' });
    expect(by.get('trucks')?.quantity).toBe(1);
    const monthly = await campaignTotals(admin, c.id, { period: 'month' });
    expect(monthly.items.filter((r) => r.item === 'rubbish_m3').reduce((s, r) => s + r.quantity, 0)).toBe(26419);
  });

  it('a village secretary sees the street campaign and records for the village only', async () => {
    const shuji = await t.contextFor('shuji');
    const [c] = (await listCampaigns(shuji)).items;
    expect(c?.name).toBe('2018年创文创卫集中整治');
    const shizhai = await orgId('石寨村党总支');
    const before = (await campaignTotals(shuji, c.id, { period: 'all' })).items.find((r) => r.item === 'ads_removed')?.quantity ?? 0;
    await recordQuantity(shuji, c.id, { orgId: shizhai, day: '2018-06-01', item: 'ads_removed', quantity: 12, note: '' });
    const after = (await campaignTotals(shuji, c.id, { period: 'all' })).items.find((r) => r.item === 'ads_removed')?.quantity ?? 0;
    expect(after - before).toBe(12);
    await expect(recordQuantity(shuji, c.id, { orgId: await orgId('冯寨村党总支'), day: '2018-06-01', item: 'ads_removed', quantity: 1, note: '' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a negative quantity, a day outside the campaign and a day in the future', async () => {
    const id = await createCampaign(admin, { orgId: await orgId('京城路街道党工委'), name: '测试整治', startsOn: '2018-01-01', endsOn: '2018-12-31', goal: '' });
    const org = await orgId('铁龙社区党总支');
    await expect(recordQuantity(admin, id, { orgId: org, day: '2018-03-01', item: 'rubbish_m3', quantity: -5, note: '' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(recordQuantity(admin, id, { orgId: org, day: '2019-03-01', item: 'rubbish_m3', quantity: 5, note: '' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(createCampaign(admin, { orgId: org, name: 'x', startsOn: '2018-05-01', endsOn: '2018-01-01', goal: '' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await recordQuantity(admin, id, { orgId: org, day: '2018-03-01', item: 'rubbish_m3', quantity: 5, note: '' });
    await recordQuantity(admin, id, { orgId: org, day: '2018-04-02', item: 'rubbish_m3', quantity: 7, note: '' });
    const monthly = await campaignTotals(admin, id, { period: 'month' });
    expect(monthly.items.map((r) => [r.period, r.quantity])).toEqual([
      ['2018-03', 5],
      ['2018-04', 7],
    ]);
    expect((await campaignTotals(admin, id, { from: '2018-04-01', period: 'all' })).items[0].quantity).toBe(7);
  });

  it('a check finding opens a rectification item in the same transaction', async () => {
    const [c] = (await listCampaigns(admin)).items;
    const jijian = await t.contextFor('jijian');
    const res = await createFinding(jijian, c.id, { orgId: await orgId('平庄村党总支'), title: '背街小巷垃圾未清运', responsibleName: '王书记', checkedOn: '2018-06-02', rectifyWithinWorkingDays: 5 });
    expect(res.rectificationItemId).not.toBeNull();
    const [item] = await t.db.select().from(rectificationItems).where(eq(rectificationItems.id, res.rectificationItemId ?? ''));
    expect(item).toMatchObject({ sourceKind: 'campaign_check', sourceId: res.id, title: '背街小巷垃圾未清运' });
  });
});
