import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ActorContext } from '../../platform/request-context.js';
import { shanghaiDate } from '../../platform/time.js';
import { claimNeed, createNeed, createResource, deliverProject, listCobuildProjects, listNeeds, listUnits, rateProject, unitYearReport } from './cobuild.service.js';

let t: TestApp;
let admin: ActorContext;
let danwei: ActorContext;

beforeAll(async () => {
  t = await createTestApp({ template: 'demo' });
  admin = await t.contextFor('admin');
  danwei = await t.contextFor('danwei');
});
afterAll(async () => t.close());

describe('共驻共建', () => {
  it('a unit contact sees its own unit; the street sees all three units with masked phones', async () => {
    expect((await listUnits(danwei)).items.map((u) => u.name)).toEqual(['郑州中车']);
    const all = (await listUnits(admin)).items;
    expect(all.map((u) => u.name).sort()).toEqual(['中原利达', '明泰铝业', '郑州中车'].sort());
    expect(all.every((u) => /^\d{3}\*{4}\d{4}$/.test(u.contactPhoneMasked ?? ''))).toBe(true);
  });

  it('need → claim → delivery → rating by the community; a second claim conflicts; the unit cannot rate itself', async () => {
    const tielong = (await listUnits(admin)).items.find((u) => u.name === '郑州中车')?.reportedOrgId ?? '';
    const needId = await createNeed(admin, { orgId: tielong, title: '社区图书角图书捐赠', description: '', category: '物资' });
    expect((await listNeeds(danwei, { state: 'open' })).items.some((n) => n.id === needId)).toBe(true);
    const resourceId = await createResource(danwei, { title: '职工捐书', description: '', category: '物资' });
    const projectId = await claimNeed(danwei, needId, { resourceId });
    await expect(claimNeed(danwei, needId, {})).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(rateProject(admin, projectId, { rating: 5 })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(deliverProject(danwei, projectId, { date: '2000-01-01', note: '已送达', evidenceFileIds: [], beneficiaries: 50 })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(deliverProject(danwei, projectId, { date: shanghaiDate(), note: '已送达', evidenceFileIds: ['00000000-0000-4000-8000-000000000000'], beneficiaries: 50 })).rejects.toMatchObject({ code: 'VALIDATION' });
    await deliverProject(danwei, projectId, { date: shanghaiDate(), note: '捐赠图书300册', evidenceFileIds: [], beneficiaries: 50 });
    await expect(rateProject(danwei, projectId, { rating: 5 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await rateProject(admin, projectId, { rating: 4 });
    const p = (await listCobuildProjects(danwei)).items.find((x) => x.id === projectId);
    expect(p).toMatchObject({ state: 'rated', rating: 4, beneficiaries: 50 });
    expect((await listNeeds(admin, {})).items.find((n) => n.id === needId)?.state).toBe('closed');
  });

  it("generates a unit's yearly report from its records", async () => {
    const crrc = (await listUnits(danwei)).items[0];
    const r = await unitYearReport(danwei, crrc.id, 2018);
    // Demo: 1 agreement, 2 resources offered, 2 projects claimed (楼道清理 rated 5, 科普 delivered), 380 served.
    expect(r).toMatchObject({ agreements: 1, resourcesOffered: 2, projectsClaimed: 2, projectsDelivered: 2, projectsRated: 1, averageRating: 5, beneficiaries: 380 });
    expect(r.summary).toContain('郑州中车');
  });
});
