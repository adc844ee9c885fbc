import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

describe('inspection tours', () => {
  let t: TestApp;
  let instructor: string;
  let secretary: string;
  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    instructor = await t.login('zhidaoyuan');
    secretary = await t.login('shuji');
  });
  afterAll(async () => t.close());

  const orgId = async (name: string) => {
    const res = await t.request({ method: 'GET', url: '/api/orgs/tree', cookie: instructor });
    const org = (res.json() as { items: Array<{ id: string; name: string }> }).items.find((o) => o.name === name);
    if (!org) throw new Error(name);
    return org.id;
  };

  it('lists the demo 2018 tour with every village and community scored and ranked', async () => {
    const list = await t.request({ method: 'GET', url: '/api/tours', cookie: instructor });
    expect(list.statusCode).toBe(200);
    const done = (list.json() as { items: Array<{ id: string; state: string; stopCount: number; scoredCount: number }> }).items.find((x) => x.state === 'completed');
    expect(done?.stopCount).toBe(21);
    expect(done?.scoredCount).toBe(21);
    const detail = await t.request({ method: 'GET', url: `/api/tours/${done?.id}`, cookie: instructor });
    const body = detail.json() as { stops: Array<{ totalScore: number; rank: number }>; findings: Array<{ state: string | null }> };
    const best = Math.max(...body.stops.map((s) => s.totalScore));
    expect(body.stops.find((s) => s.rank === 1)?.totalScore).toBe(best);
    expect(body.findings.length).toBeGreaterThan(0);
    expect(body.findings.every((f) => f.state !== null)).toBe(true);
  });

  it('plans, scores on the checklist, refuses out-of-range scores, and turns a finding into a rectification item', async () => {
    const checklists = (await t.request({ method: 'GET', url: '/api/tours/checklists', cookie: instructor })).json() as { items: Array<{ id: string; items: Array<{ key: string; maxScore: number }> }> };
    const checklist = checklists.items[0];
    const shizhai = await orgId('石寨村党总支');
    const created = await t.request({ method: 'POST', url: '/api/tours', cookie: instructor, payload: { title: '测试观摩', plannedOn: '2026-12-01', checklistId: checklist.id, orgIds: [shizhai, await orgId('铁龙社区党总支')] } });
    expect(created.statusCode).toBe(201);
    const tour = created.json() as { id: string; state: string; stops: Array<{ id: string; orgId: string }> };
    expect(tour.state).toBe('planned');
    const stop = tour.stops[0];
    const scores = Object.fromEntries(checklist.items.map((i) => [i.key, i.maxScore]));

    const tooHigh = await t.request({ method: 'PUT', url: `/api/tours/${tour.id}/stops/${stop.id}/score`, cookie: instructor, payload: { scores: { ...scores, [checklist.items[0].key]: checklist.items[0].maxScore + 1 } } });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().details[0].path).toBe(`scores.${checklist.items[0].key}`);
    const missing = await t.request({ method: 'PUT', url: `/api/tours/${tour.id}/stops/${stop.id}/score`, cookie: instructor, payload: { scores: {} } });
    expect(missing.statusCode).toBe(400);

    const scored = await t.request({ method: 'PUT', url: `/api/tours/${tour.id}/stops/${stop.id}/score`, cookie: instructor, payload: { scores, comment: '很好' } });
    expect(scored.statusCode).toBe(200);
    expect(scored.json().state).toBe('in_progress');
    expect(scored.json().stops[0].totalScore).toBe(checklist.items.reduce((a, i) => a + i.maxScore, 0));

    const finding = await t.request({
      method: 'POST',
      url: `/api/tours/${tour.id}/stops/${stop.id}/findings`,
      cookie: instructor,
      payload: { title: '门牌缺失', responsibleName: '王建国', deadline: { workingDays: 10 } },
    });
    expect(finding.statusCode).toBe(201);
    const f = finding.json().findings[0] as { rectificationItemId: string; state: string; deadline: string };
    expect(f.rectificationItemId).toBeTruthy();
    expect(f.state).toBe('open');
    const ledger = await t.request({ method: 'GET', url: `/api/rectification/items/${f.rectificationItemId}`, cookie: secretary });
    expect(ledger.statusCode).toBe(200);

    // The secretary of the visited village reads the tour but cannot score it.
    expect((await t.request({ method: 'GET', url: `/api/tours/${tour.id}`, cookie: secretary })).statusCode).toBe(200);
    expect((await t.request({ method: 'PUT', url: `/api/tours/${tour.id}/stops/${stop.id}/score`, cookie: secretary, payload: { scores } })).statusCode).toBe(403);

    const early = await t.request({ method: 'POST', url: `/api/tours/${tour.id}/complete`, cookie: instructor });
    expect(early.statusCode).toBe(409);
    await t.request({ method: 'PUT', url: `/api/tours/${tour.id}/stops/${tour.stops[1].id}/score`, cookie: instructor, payload: { scores } });
    const done = await t.request({ method: 'POST', url: `/api/tours/${tour.id}/complete`, cookie: instructor });
    expect(done.json().state).toBe('completed');
    expect(done.json().stops.map((s: { rank: number }) => s.rank)).toEqual([1, 1]);

    const xlsx = await t.request({ method: 'GET', url: `/api/tours/${tour.id}/report.xlsx`, cookie: instructor });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('hides a tour of other villages from a secretary (404, not 403)', async () => {
    const checklists = (await t.request({ method: 'GET', url: '/api/tours/checklists', cookie: instructor })).json() as { items: Array<{ id: string }> };
    const created = await t.request({ method: 'POST', url: '/api/tours', cookie: instructor, payload: { title: '铁龙观摩', plannedOn: '2026-12-02', checklistId: checklists.items[0].id, orgIds: [await orgId('铁龙社区党总支')] } });
    expect((await t.request({ method: 'GET', url: `/api/tours/${created.json().id}`, cookie: secretary })).statusCode).toBe(404);
  });
});
