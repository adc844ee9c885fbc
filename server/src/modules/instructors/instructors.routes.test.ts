import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../audit/audit.table.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

describe('instructors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
  });
  afterAll(async () => t.close());

  it('lists the 16 instructors with training, and the demo instructor sees their orgs at a glance', async () => {
    const admin = await t.login('admin');
    const list = await t.request({ method: 'GET', url: '/api/instructors', cookie: admin });
    const items = list.json().items as Array<{ trainingHours: number; orgCount: number }>;
    expect(items).toHaveLength(16);
    expect(items.every((i) => i.trainingHours === 120 && i.orgCount >= 1)).toBe(true);
    const me = await t.request({ method: 'GET', url: '/api/instructors/me', cookie: await t.login('zhidaoyuan') });
    expect(me.statusCode).toBe(200);
    const orgs = me.json().orgs as Array<{ orgName: string; memberCount: number; centreMeetsStandard: boolean | null; lastTourScore: number | null }>;
    const shizhai = orgs.find((o) => o.orgName === '石寨村党总支');
    expect(shizhai?.memberCount).toBeGreaterThan(0);
    expect(shizhai?.centreMeetsStandard).toBe(true);
    expect(shizhai?.lastTourScore).not.toBeNull();
  });

  it('only street admins assign orgs, and only village, community, non-public or social orgs', async () => {
    const admin = await t.login('admin');
    const created = await t.request({ method: 'POST', url: '/api/instructors', cookie: admin, payload: { name: '测试指导员' } });
    expect(created.statusCode).toBe(201);
    const tree = (await t.request({ method: 'GET', url: '/api/orgs/tree', cookie: admin })).json().items as Array<{ id: string; kind: string }>;
    const branch = tree.find((o) => o.kind === 'branch');
    const bad = await t.request({ method: 'POST', url: `/api/instructors/${created.json().id}/orgs`, cookie: admin, payload: { orgId: branch?.id } });
    expect(bad.statusCode).toBe(400);
    const village = tree.find((o) => o.kind === 'village');
    const ok = await t.request({ method: 'POST', url: `/api/instructors/${created.json().id}/orgs`, cookie: admin, payload: { orgId: village?.id } });
    expect(ok.json().orgs).toHaveLength(1);
    const again = await t.request({ method: 'POST', url: `/api/instructors/${created.json().id}/orgs`, cookie: admin, payload: { orgId: village?.id } });
    expect(again.statusCode).toBe(409);
    const asInstructor = await t.request({ method: 'POST', url: '/api/instructors', cookie: await t.login('zhidaoyuan'), payload: { name: 'x' } });
    expect(asInstructor.statusCode).toBe(403);
  });

  it('a street admin corrects an instructor and marks them as left; the change is audited; others cannot', async () => {
    const admin = await t.login('admin');
    const created = await t.request({ method: 'POST', url: '/api/instructors', cookie: admin, payload: { name: '待更正指导员' } });
    const id = created.json().id as string;
    const patched = await t.request({ method: 'PATCH', url: `/api/instructors/${id}`, cookie: admin, payload: { name: '更正后指导员', hiredOn: '2018-03-01', status: 'left' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ name: '更正后指导员', hiredOn: '2018-03-01', status: 'left' });
    const blank = await t.request({ method: 'PATCH', url: `/api/instructors/${id}`, cookie: admin, payload: { name: ' ' } });
    expect(blank.statusCode).toBe(400);
    const missing = await t.request({ method: 'PATCH', url: '/api/instructors/00000000-0000-4000-8000-000000000000', cookie: admin, payload: { name: 'x' } });
    expect(missing.statusCode).toBe(404);
    const asInstructor = await t.request({ method: 'PATCH', url: `/api/instructors/${id}`, cookie: await t.login('zhidaoyuan'), payload: { name: 'x' } });
    expect(asInstructor.statusCode).toBe(403);
    const audit = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'instructor.update'), eq(auditEvents.entityId, id)));
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ name: '更正后指导员', status: 'left' });
  });
});
