import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { auditEvents } from '../audit/audit.table.js';

describe('discipline and inspection feedback', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp({ template: 'demo' });
    admin = await t.login('admin');
  });
  afterAll(async () => t.close());

  it('discipline records are for street admins and auditors only, and every read is audited', async () => {
    expect((await t.request({ method: 'GET', url: '/api/discipline/records', cookie: await t.login('shuji') })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/discipline/records', cookie: await t.login('zhidaoyuan') })).statusCode).toBe(403);
    const auditor = await t.login('jijian');
    const list = await t.request({ method: 'GET', url: '/api/discipline/records', cookie: auditor });
    expect(list.json().items).toHaveLength(7);
    const id = list.json().items[0].id as string;
    await t.request({ method: 'GET', url: `/api/discipline/records/${id}`, cookie: auditor });
    const reads = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'discipline.read'), eq(auditEvents.entityId, id)));
    expect(reads).toHaveLength(1);
    expect((await t.request({ method: 'POST', url: '/api/discipline/records', cookie: auditor, payload: { memberId: list.json().items[0].memberId, decidedOn: '2018-10-01', kind: 'warning', outcome: 'x' } })).statusCode).toBe(403);
  });

  it('feedback items sit in the rectification ledger; a 回头看 re-opens a closed one', async () => {
    const list = (await t.request({ method: 'GET', url: '/api/discipline/feedback', cookie: admin })).json() as { items: Array<{ id: string; state: string }>; summary: { total: number; closed: number } };
    expect(list.summary.total).toBe(12);
    expect(list.summary.closed).toBe(11);
    const closed = list.items.find((i) => i.state === 'closed');
    const rechecked = await t.request({ method: 'POST', url: `/api/discipline/feedback/${closed?.id}/recheck`, cookie: await t.login('jijian'), payload: { reopen: true, reason: '问题反弹，公开栏未更新' } });
    expect(rechecked.statusCode).toBe(200);
    expect(rechecked.json().items.find((i: { id: string }) => i.id === closed?.id).state).toBe('rectifying');
  });

  it('enters an inspection once; each problem opens a ledger item; a past deadline is refused', async () => {
    const tree = (await t.request({ method: 'GET', url: '/api/orgs/tree', cookie: admin })).json().items as Array<{ id: string; kind: string }>;
    const village = tree.find((o) => o.kind === 'village');
    const past = await t.request({ method: 'POST', url: '/api/discipline/feedback', cookie: admin, payload: { inspection: '测试巡察', items: [{ problem: 'a', measures: 'b', orgId: village?.id, responsibleName: '张三', deadline: '2018-01-01' }] } });
    expect(past.statusCode).toBe(400);
    const ok = await t.request({ method: 'POST', url: '/api/discipline/feedback', cookie: admin, payload: { inspection: '测试巡察', items: [{ problem: '台账不全', measures: '补齐', orgId: village?.id, responsibleName: '张三', deadline: '2099-12-31' }, { problem: '公开不及时', measures: '按月公开', orgId: village?.id, responsibleName: '李四', deadline: '2099-12-31' }] } });
    expect(ok.statusCode).toBe(201);
    const added = (ok.json().items as Array<{ inspection: string; state: string; rectificationItemId: string }>).filter((i) => i.inspection === '测试巡察');
    expect(added).toHaveLength(2);
    expect(added.every((i) => i.state === 'open' && i.rectificationItemId)).toBe(true);
  });

  it('supervision coverage lists every unit with its supervisor', async () => {
    const res = (await t.request({ method: 'GET', url: '/api/discipline/supervision', cookie: admin })).json() as { covered: number; total: number };
    expect(res.covered).toBe(22);
    expect(res.total).toBeGreaterThan(22);
  });
});
