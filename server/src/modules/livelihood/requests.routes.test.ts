import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { orgUnits } from '../org-units/index.js';
import { publicCounters, residentRequests } from './requests.table.js';

let t: TestApp;
let tielongId = '';
const base = '/api/livelihood/public/410182002';

function solve(question: string): number {
  const m = /^(\d+) \+ (\d+) = \?$/.exec(question);
  if (!m) throw new Error(question);
  return Number(m[1]) + Number(m[2]);
}

async function challenge(ip: string) {
  const res = await t.request({ method: 'GET', url: `${base}/challenge`, remoteAddress: ip });
  const body = res.json<{ question: string; token: string }>();
  return { token: body.token, answer: solve(body.question) };
}

async function submit(ip: string, extra: Record<string, unknown> = {}) {
  const c = await challenge(ip);
  return t.request({
    method: 'POST',
    url: `${base}/requests`,
    remoteAddress: ip,
    payload: { orgId: tielongId, kind: 'wish', title: '想要一个书包', content: '孩子上学需要一个新书包。', contactName: '陈女士', phone: '13800001234', challengeToken: c.token, challengeAnswer: c.answer, ...extra },
  });
}

beforeAll(async () => {
  t = await createTestApp({ template: 'demo' });
  const [o] = await t.db.select().from(orgUnits).where(eq(orgUnits.name, '铁龙社区党总支'));
  tielongId = o.id;
});
afterAll(async () => t.close());

describe('public requests', () => {
  it('files a wish without an account; the phone is stored encrypted and masked', async () => {
    const res = await submit('10.0.0.1');
    expect(res.statusCode).toBe(201);
    const { trackingCode, phoneMasked } = res.json<{ trackingCode: string; phoneMasked: string }>();
    expect(phoneMasked).toBe('138****1234');
    const [row] = await t.db.select().from(residentRequests).where(eq(residentRequests.trackingCode, trackingCode));
    expect(row.phoneEnc).not.toContain('13800001234');
    expect(t.services.cipher.decrypt(row.phoneEnc)).toBe('13800001234');
    const track = await t.request({ method: 'GET', url: `${base}/requests/${trackingCode}?last4=1234`, remoteAddress: '10.0.0.1' });
    expect(track.statusCode).toBe(200);
    expect(track.json()).toMatchObject({ state: 'submitted', kind: 'wish' });
    expect(track.body).not.toContain('13800001234');
    const wrong = await t.request({ method: 'GET', url: `${base}/requests/${trackingCode}?last4=9999`, remoteAddress: '10.0.0.1' });
    expect(wrong.statusCode).toBe(404);
  });

  it('refuses a wrong answer, a forged token and a reused token', async () => {
    const c = await challenge('10.0.0.2');
    const payload = { orgId: tielongId, kind: 'request', title: '路灯不亮', content: '小区路灯已坏三天。', contactName: '王先生', phone: '13900005678' };
    const wrong = await t.request({ method: 'POST', url: `${base}/requests`, remoteAddress: '10.0.0.2', payload: { ...payload, challengeToken: c.token, challengeAnswer: c.answer + 1 } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'VALIDATION', details: [{ path: 'challengeAnswer' }] });
    const [p] = c.token.split('.');
    const forged = await t.request({ method: 'POST', url: `${base}/requests`, remoteAddress: '10.0.0.2', payload: { ...payload, challengeToken: `${p}.${'A'.repeat(43)}`, challengeAnswer: c.answer } });
    expect(forged.statusCode).toBe(400);
    const ok = await t.request({ method: 'POST', url: `${base}/requests`, remoteAddress: '10.0.0.2', payload: { ...payload, challengeToken: c.token, challengeAnswer: c.answer } });
    expect(ok.statusCode).toBe(201);
    const again = await t.request({ method: 'POST', url: `${base}/requests`, remoteAddress: '10.0.0.2', payload: { ...payload, challengeToken: c.token, challengeAnswer: c.answer } });
    expect(again.statusCode).toBe(400);
    const badPhone = await submit('10.0.0.2', { phone: '12345' });
    expect(badPhone.statusCode).toBe(400);
  });

  it('rate-limits a flood from one address with a database counter; other addresses still get through', async () => {
    const before = await t.db.select().from(residentRequests);
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await submit('10.0.0.3')).statusCode);
    expect(codes.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expect(codes.slice(5)).toEqual([429, 429]);
    const after = await t.db.select().from(residentRequests);
    expect(after.length - before.length).toBe(5);
    const counters = await t.db.select().from(publicCounters).where(eq(publicCounters.tenantId, 1));
    expect(counters.some((c) => c.key.startsWith('submit:') && c.count === 7)).toBe(true);
    expect((await submit('10.0.0.4')).statusCode).toBe(201);
  });

  it('a unit claims the wish and fulfils it; only the filer can rate, once answered', async () => {
    const res = await submit('10.0.0.5');
    const { trackingCode } = res.json<{ trackingCode: string }>();
    const [row] = await t.db.select().from(residentRequests).where(eq(residentRequests.trackingCode, trackingCode));
    const early = await t.request({ method: 'POST', url: `${base}/requests/${trackingCode}/rating`, remoteAddress: '10.0.0.5', payload: { last4: '1234', rating: 5 } });
    expect(early.statusCode).toBe(409);

    const danwei = await t.login('danwei');
    const pool = await t.request({ method: 'GET', url: '/api/livelihood/requests?pool=yes', cookie: danwei });
    expect(pool.statusCode).toBe(200);
    const item = pool.json<{ items: Array<{ id: string; canClaim: boolean }> }>().items.find((i) => i.id === row.id);
    expect(item?.canClaim).toBe(true);
    expect(pool.body).not.toContain(trackingCode); // the unit must not be able to rate in the resident's name
    const claim = await t.request({ method: 'POST', url: `/api/livelihood/requests/${row.id}/claim`, cookie: danwei });
    expect(claim.statusCode).toBe(200);
    expect(claim.json()).toMatchObject({ state: 'dispatched', assigneeName: '郑州中车', canFulfil: true });
    const dangyuan = await t.login('dangyuan');
    const second = await t.request({ method: 'POST', url: `/api/livelihood/requests/${row.id}/claim`, cookie: dangyuan });
    expect(second.statusCode).toBe(404); // no longer in the pool, not the member's
    const answer = await t.request({ method: 'POST', url: `/api/livelihood/requests/${row.id}/answer`, cookie: danwei, payload: { answer: '书包已送到家中。' } });
    expect(answer.statusCode).toBe(200);

    const stranger = await t.request({ method: 'POST', url: `${base}/requests/${trackingCode}/rating`, remoteAddress: '10.0.0.6', payload: { last4: '0000', rating: 1 } });
    expect(stranger.statusCode).toBe(403);
    const rated = await t.request({ method: 'POST', url: `${base}/requests/${trackingCode}/rating`, remoteAddress: '10.0.0.5', payload: { last4: '1234', rating: 5, comment: '谢谢' } });
    expect(rated.statusCode).toBe(200);
    expect(rated.json()).toMatchObject({ state: 'rated', rating: 5 });
    const twice = await t.request({ method: 'POST', url: `${base}/requests/${trackingCode}/rating`, remoteAddress: '10.0.0.5', payload: { last4: '1234', rating: 1 } });
    expect(twice.statusCode).toBe(409);
  });

  it('handling is the community’s: out of scope is not found; residents cannot handle', async () => {
    const res = await submit('10.0.0.7', { kind: 'request' });
    const { trackingCode } = res.json<{ trackingCode: string }>();
    const [row] = await t.db.select().from(residentRequests).where(eq(residentRequests.trackingCode, trackingCode));
    const shuji = await t.login('shuji'); // 石寨村: 铁龙社区 is outside the scope
    expect((await t.request({ method: 'POST', url: `/api/livelihood/requests/${row.id}/accept`, cookie: shuji })).statusCode).toBe(404);
    const jumin = await t.login('jumin');
    expect((await t.request({ method: 'POST', url: `/api/livelihood/requests/${row.id}/accept`, cookie: jumin })).statusCode).toBe(403);
    const admin = await t.login('admin');
    const accepted = await t.request({ method: 'POST', url: `/api/livelihood/requests/${row.id}/accept`, cookie: admin });
    expect(accepted.json()).toMatchObject({ state: 'accepted', phoneMasked: '138****1234' });
    const rejectAfter = await t.request({ method: 'POST', url: `/api/livelihood/requests/${row.id}/reject`, cookie: admin, payload: { reason: '重复提交' } });
    expect(rejectAfter.statusCode).toBe(409);
  });

  it('counts 响应率, 解决率 and 满意率 per community against the demo records', async () => {
    const admin = await t.login('admin');
    const res = await t.request({ method: 'GET', url: '/api/livelihood/requests/rates?from=2018-01-01&to=2018-12-31', cookie: admin });
    const items = res.json<{ items: Array<{ orgName: string; submitted: number; responded: number; resolved: number; rated: number; satisfied: number; satisfactionRate: number | null }> }>().items;
    // 繁荣街: 永丰巷路面 (rated 3) and 课外书 wish (dispatched): 2 filed, 2 responded, 1 answered, 1 rated, 0 satisfied.
    expect(items.find((i) => i.orgName === '繁荣街社区党总支')).toMatchObject({ submitted: 2, responded: 2, resolved: 1, rated: 1, satisfied: 0, satisfactionRate: 0 });
    // 铁龙 (2018 only): 楼道灯 (rated 5), 助听器 (rated 5), 垃圾清运 (answered).
    expect(items.find((i) => i.orgName === '铁龙社区党总支')).toMatchObject({ submitted: 3, responded: 3, resolved: 3, rated: 2, satisfied: 2 });
    const street = items.reduce((a, i) => ({ s: a.s + i.submitted, r: a.r + i.responded }), { s: 0, r: 0 });
    expect(street).toEqual({ s: 12, r: 10 });
  });
});

