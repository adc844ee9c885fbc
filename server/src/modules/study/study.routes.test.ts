import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { members } from '../members/members.table.js';

interface Draw {
  id: string;
  orgId: string;
  orgName: string;
  sampleSize: number;
  poolSize: number;
  cycle: number;
  picks: Array<{ id: string; memberId: string; cycle: number; result: string; notesInQuarter: number }>;
}

describe('study and the quarterly spot check', () => {
  let t: TestApp;
  let admin: string;
  let shuji: string;
  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    admin = await t.login('admin');
    shuji = await t.login('shuji');
  });
  afterAll(async () => t.close());

  const orgByName = async (name: string) => {
    const tree = (await t.request({ method: 'GET', url: '/api/orgs/tree', cookie: admin })).json().items as Array<{ id: string; name: string; kind: string }>;
    const o = tree.find((x) => x.name === name);
    if (!o) throw new Error(name);
    return o;
  };

  it('the Q3 2018 draw stands for every branch: ceil(n/3) drawn, reproducible from its stored seed', async () => {
    const res = await t.request({ method: 'GET', url: '/api/study/spot-checks?year=2018&quarter=3', cookie: admin });
    expect(res.statusCode).toBe(200);
    const rows = res.json().items as Array<{ drawId: string; orgName: string; sampleSize: number; checked: number }>;
    expect(rows.length).toBeGreaterThan(30);
    const row = rows.find((r) => r.orgName === '石寨村第一党支部');
    const draw = (await t.request({ method: 'GET', url: `/api/study/spot-checks/draws/${row?.drawId}`, cookie: shuji })).json() as Draw;
    expect(draw.sampleSize).toBe(Math.ceil(draw.poolSize / 3));
    expect(draw.picks).toHaveLength(draw.sampleSize);
    const verify = (await t.request({ method: 'GET', url: `/api/study/spot-checks/draws/${draw.id}/verify`, cookie: await t.login('jijian') })).json();
    expect(verify.matches).toBe(true);

    const again = await t.request({ method: 'POST', url: '/api/study/spot-checks/draws', cookie: shuji, payload: { year: 2018, quarter: 3, orgId: draw.orgId } });
    expect(again.statusCode).toBe(409);
    expect(again.json().details.drawId).toBe(draw.id);
  });

  it("a secretary cannot read another branch's results (404) and sees only their own branches", async () => {
    const all = (await t.request({ method: 'GET', url: '/api/study/spot-checks?year=2018&quarter=3', cookie: admin })).json().items as Array<{ drawId: string; orgName: string }>;
    const other = all.find((r) => r.orgName.startsWith('铁龙'));
    expect((await t.request({ method: 'GET', url: `/api/study/spot-checks/draws/${other?.drawId}`, cookie: shuji })).statusCode).toBe(404);
    const mine = (await t.request({ method: 'GET', url: '/api/study/spot-checks?year=2018&quarter=3', cookie: shuji })).json().items as Array<{ orgName: string }>;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.orgName.startsWith('石寨村'))).toBe(true);
  });

  it('across three quarters every member of a branch is drawn once before anyone twice', async () => {
    const branch = await orgByName('石寨村第二党支部');
    const q3 = (await t.request({ method: 'GET', url: '/api/study/spot-checks?year=2018&quarter=3', cookie: admin })).json().items.find((r: { orgName: string }) => r.orgName === branch.name);
    const first = (await t.request({ method: 'GET', url: `/api/study/spot-checks/draws/${q3.drawId}`, cookie: admin })).json() as Draw;
    const q4 = await t.request({ method: 'POST', url: '/api/study/spot-checks/draws', cookie: shuji, payload: { year: 2018, quarter: 4, orgId: branch.id } });
    expect(q4.statusCode).toBe(201);
    const q1 = await t.request({ method: 'POST', url: '/api/study/spot-checks/draws', cookie: shuji, payload: { year: 2019, quarter: 1, orgId: branch.id } });
    const draws = [first, q4.json().items[0] as Draw, q1.json().items[0] as Draw];
    const cycleOne = draws.flatMap((d) => d.picks.filter((p) => p.cycle === 1).map((p) => p.memberId));
    expect(new Set(cycleOne).size).toBe(cycleOne.length);
    const roster = await t.db.select({ id: members.id }).from(members).where(and(eq(members.orgId, branch.id), eq(members.state, 'active')));
    expect(new Set(cycleOne)).toEqual(new Set(roster.map((r) => r.id)));
    for (const d of draws.slice(1)) {
      expect((await t.request({ method: 'GET', url: `/api/study/spot-checks/draws/${d.id}/verify`, cookie: admin })).json().matches).toBe(true);
    }
  });

  it('refuses a draw for a branch with no members, and a quarter that has not reached its last month', async () => {
    const shizhai = await orgByName('石寨村党总支');
    const created = await t.request({ method: 'POST', url: '/api/orgs', cookie: admin, payload: { parentId: shizhai.id, kind: 'branch', name: '石寨村新建党支部' } });
    const empty = await t.request({ method: 'POST', url: '/api/study/spot-checks/draws', cookie: shuji, payload: { year: 2018, quarter: 4, orgId: created.json().id } });
    expect(empty.statusCode).toBe(409);
    expect(empty.json().code).toBe('INVALID_STATE');
    const future = await t.request({ method: 'POST', url: '/api/study/spot-checks/draws', cookie: shuji, payload: { year: 2099, quarter: 1, orgId: created.json().id } });
    expect(future.json().code).toBe('INVALID_STATE');
  });

  it('the secretary records pass or fail; a member uploads notes and sees only their own', async () => {
    const rows = (await t.request({ method: 'GET', url: '/api/study/spot-checks?year=2018&quarter=3', cookie: shuji })).json().items as Array<{ drawId: string; orgName: string }>;
    const row = rows.find((r) => r.orgName === '石寨村第一党支部');
    const draw = (await t.request({ method: 'GET', url: `/api/study/spot-checks/draws/${row?.drawId}`, cookie: shuji })).json() as Draw;
    const pending = draw.picks.find((p) => p.result === 'pending');
    const res = await t.request({ method: 'PUT', url: `/api/study/spot-checks/draws/${draw.id}/picks/${pending?.id}`, cookie: shuji, payload: { result: 'fail', comment: '笔记过少' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().picks.find((p: { id: string }) => p.id === pending?.id).result).toBe('fail');

    const member = await t.login('dangyuan');
    expect((await t.request({ method: 'POST', url: '/api/study/notes', cookie: member, payload: {} })).statusCode).toBe(400);
    const note = await t.request({ method: 'POST', url: '/api/study/notes', cookie: member, payload: { content: '学习十九大报告心得' } });
    expect(note.statusCode).toBe(201);
    const mine = (await t.request({ method: 'GET', url: '/api/study/notes', cookie: member })).json().items as Array<{ memberName: string }>;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((n) => n.memberName === '张荣耀')).toBe(true);
    expect((await t.request({ method: 'GET', url: '/api/study/spot-checks?year=2018&quarter=3', cookie: member })).statusCode).toBe(403);
  });

  it('sessions carry attendance against the branch roll', async () => {
    const res = (await t.request({ method: 'GET', url: '/api/study/sessions', cookie: shuji })).json() as { items: Array<{ attendedCount: number; expectedCount: number }>; totals: { attended: number; expected: number } };
    expect(res.items.length).toBeGreaterThan(0);
    expect(res.totals.attended).toBe(res.items.reduce((a, s) => a + s.attendedCount, 0));
    expect(res.items.every((s) => s.attendedCount <= s.expectedCount)).toBe(true);
  });
});
