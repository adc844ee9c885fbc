import { and, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.js';
import { users } from './accounts.table.js';
import { disableDormantAccounts } from './users.service.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ template: 'demo' });
});
afterAll(async () => t?.close());

const cookieOf = (res: { cookies: Array<{ name: string; value: string }> }, name: string) => {
  const c = res.cookies.find((x) => x.name === name);
  return c ? `${name}=${c.value}` : '';
};
const userId = async (username: string) => {
  const [u] = await t.db.select().from(users).where(eq(users.username, username));
  if (!u) throw new Error(`no user ${username}`);
  return u;
};
const passwordLogin = (username: string, password = TEST_PASSWORD) => t.request({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('separate administrators (等保 level 3)', () => {
  test('the audit administrator reads and exports the audit log and nothing else; the others cannot read it', async () => {
    const shenji = await t.login('shenji');
    expect((await t.request({ method: 'GET', url: '/api/audit', cookie: shenji })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/audit/export.xlsx?from=2030-01-01T00:00:00Z', cookie: shenji })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/members', cookie: shenji })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/auth/users', cookie: shenji })).statusCode).toBe(403);
    const anquan = await t.login('anquan');
    const xitong = await t.login('xitong');
    expect((await t.request({ method: 'GET', url: '/api/audit', cookie: anquan })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/audit', cookie: xitong })).statusCode).toBe(403);
    // The system administrator cannot grant roles; the security administrator cannot disable accounts.
    const jumin = await userId('jumin');
    expect((await t.request({ method: 'PUT', url: `/api/auth/users/${jumin.id}/roles`, cookie: xitong, payload: { roles: ['street_admin'] } })).statusCode).toBe(403);
    expect((await t.request({ method: 'PATCH', url: `/api/auth/users/${jumin.id}/status`, cookie: anquan, payload: { status: 'disabled' } })).statusCode).toBe(403);
    // Nobody may grant platform_admin, or change their own roles.
    expect((await t.request({ method: 'PUT', url: `/api/auth/users/${jumin.id}/roles`, cookie: anquan, payload: { roles: ['platform_admin'] } })).statusCode).toBe(400);
    const self = await userId('anquan');
    expect((await t.request({ method: 'PUT', url: `/api/auth/users/${self.id}/roles`, cookie: anquan, payload: { roles: ['street_admin'] } })).statusCode).toBe(409);
  });
});

describe('two-factor login', () => {
  test('enrol, confirm, then log in with the password and a recovery code (each code works once)', async () => {
    const cookie = await t.login('anquan');
    const enrol = await t.request({ method: 'POST', url: '/api/auth/2fa/enrol', cookie });
    expect(enrol.statusCode).toBe(200);
    const { secret, qrDataUrl, otpauthUrl } = enrol.json() as { secret: string; qrDataUrl: string; otpauthUrl: string };
    expect(qrDataUrl.startsWith('data:image/png;base64,')).toBe(true);
    expect(otpauthUrl).toContain('otpauth://totp/');
    expect((await t.request({ method: 'POST', url: '/api/auth/2fa/confirm', cookie, payload: { code: '000000' } })).statusCode).toBe(400);
    const confirm = await t.request({ method: 'POST', url: '/api/auth/2fa/confirm', cookie, payload: { code: await generate({ secret }) } });
    expect(confirm.statusCode).toBe(200);
    const codes = (confirm.json() as { recoveryCodes: string[] }).recoveryCodes;
    expect(codes).toHaveLength(10);
    // The secret is stored encrypted and recovery codes only as hashes.
    const stored = await userId('anquan');
    expect(stored.totpSecret).not.toContain(secret);
    expect(JSON.stringify(await t.db.execute('select code_hash from recovery_codes'))).not.toContain(codes[0]);

    const first = await passwordLogin('anquan');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ step: 'totp', mustEnrol: false });
    expect(cookieOf(first, 'gj_session')).toBe('');
    const pending = cookieOf(first, 'gj_pending');
    // A pending login is not a session.
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: pending.replace('gj_pending', 'gj_session') })).statusCode).toBe(401);
    expect((await t.request({ method: 'POST', url: '/api/auth/login/totp', cookie: pending, payload: { code: '123456' } })).statusCode).toBe(400);
    const ok = await t.request({ method: 'POST', url: '/api/auth/login/totp', cookie: pending, payload: { code: codes[0] } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ step: 'done', user: { username: 'anquan' } });
    const session = cookieOf(ok, 'gj_session');
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: session })).statusCode).toBe(200);

    const again = await passwordLogin('anquan');
    const reuse = await t.request({ method: 'POST', url: '/api/auth/login/totp', cookie: cookieOf(again, 'gj_pending'), payload: { code: codes[0] } });
    expect(reuse.statusCode).toBe(400);
    const status = await t.request({ method: 'GET', url: '/api/auth/2fa', cookie: session });
    expect(status.json()).toMatchObject({ enabled: true, recoveryCodesLeft: 9 });
  });

  test('a street can require two-factor for administrators: the first login enrols', async () => {
    const [anquan] = await t.db.select().from(users).where(eq(users.username, 'anquan'));
    // The security administrator (already enrolled above) turns the requirement on through a fresh session.
    await t.db.update(users).set({ totpSecret: null, totpEnabledAt: null }).where(and(eq(users.tenantId, anquan.tenantId), eq(users.id, anquan.id)));
    const anquanCookie = await t.login('anquan');
    const put = await t.request({ method: 'PUT', url: '/api/auth/security-settings', cookie: anquanCookie, payload: { requireTotpForAdmins: true, adminPasswordMaxDays: 90, dormantDays: 90 } });
    expect(put.statusCode).toBe(200);
    const first = await passwordLogin('admin');
    expect(first.json()).toMatchObject({ step: 'totp', mustEnrol: true });
    const pending = cookieOf(first, 'gj_pending');
    const enrol = await t.request({ method: 'POST', url: '/api/auth/login/enrol', cookie: pending });
    expect(enrol.statusCode).toBe(200);
    const done = await t.request({ method: 'POST', url: '/api/auth/login/totp', cookie: pending, payload: { code: await generate({ secret: (enrol.json() as { secret: string }).secret }) } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ step: 'done' });
    expect((done.json() as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(10);
    // Members are not administrators: still password only.
    expect((await passwordLogin('dangyuan')).json()).toMatchObject({ step: 'done' });
    await t.request({ method: 'PUT', url: '/api/auth/security-settings', cookie: anquanCookie, payload: { requireTotpForAdmins: false, adminPasswordMaxDays: 90, dormantDays: 90 } });
  });
});

describe('password expiry', () => {
  test('an administrator with a password older than 90 days must change it before the session starts', async () => {
    const u = await userId('xitong');
    await t.db.update(users).set({ passwordChangedAt: new Date(Date.now() - 91 * 86_400_000) }).where(and(eq(users.tenantId, u.tenantId), eq(users.id, u.id)));
    const first = await passwordLogin('xitong');
    expect(first.json()).toMatchObject({ step: 'password' });
    const pending = cookieOf(first, 'gj_pending');
    expect((await t.request({ method: 'POST', url: '/api/auth/login/password', cookie: pending, payload: { newPassword: TEST_PASSWORD } })).statusCode).toBe(400);
    expect((await t.request({ method: 'POST', url: '/api/auth/login/password', cookie: pending, payload: { newPassword: 'short' } })).statusCode).toBe(400);
    const done = await t.request({ method: 'POST', url: '/api/auth/login/password', cookie: pending, payload: { newPassword: 'Xitong#2026new' } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ step: 'done' });
    expect((await passwordLogin('xitong', 'Xitong#2026new')).json()).toMatchObject({ step: 'done' });
    // A member's old password does not expire.
    const m = await userId('dangyuan');
    await t.db.update(users).set({ passwordChangedAt: new Date(Date.now() - 400 * 86_400_000) }).where(and(eq(users.tenantId, m.tenantId), eq(users.id, m.id)));
    expect((await passwordLogin('dangyuan')).json()).toMatchObject({ step: 'done' });
  });
});

describe('sessions', () => {
  test('a user lists and ends their own sessions; the security administrator ends anyone’s; disabling ends them', async () => {
    const a = await t.login('shuji');
    const b = await t.login('shuji');
    const list = await t.request({ method: 'GET', url: '/api/auth/sessions', cookie: a });
    const items = (list.json() as { items: Array<{ id: string; current: boolean }> }).items;
    expect(items.length).toBeGreaterThanOrEqual(2);
    const other = items.find((s) => !s.current);
    if (!other) throw new Error('no other session');
    expect((await t.request({ method: 'DELETE', url: `/api/auth/sessions/${other.id}`, cookie: a })).statusCode).toBe(204);
    // Another user's session id is not found from here.
    expect((await t.request({ method: 'DELETE', url: `/api/auth/sessions/${other.id}`, cookie: a })).statusCode).toBe(404);

    const anquan = await t.login('anquan');
    const shuji = await userId('shuji');
    const c = await t.login('shuji');
    const ended = await t.request({ method: 'DELETE', url: `/api/auth/users/${shuji.id}/sessions`, cookie: anquan });
    expect(ended.statusCode).toBe(200);
    expect((ended.json() as { ended: number }).ended).toBeGreaterThanOrEqual(2);
    for (const cookie of [a, b, c]) expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie })).statusCode).toBe(401);

    const d = await t.login('wanggeyuan');
    const xitong = await t.login('xitong', 'Xitong#2026new');
    const grid = await userId('wanggeyuan');
    const off = await t.request({ method: 'PATCH', url: `/api/auth/users/${grid.id}/status`, cookie: xitong, payload: { status: 'disabled', reason: '调离' } });
    expect(off.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: d })).statusCode).toBe(401);
    expect((await passwordLogin('wanggeyuan')).statusCode).toBe(401);
    expect((await t.request({ method: 'PATCH', url: `/api/auth/users/${grid.id}/status`, cookie: xitong, payload: { status: 'active' } })).statusCode).toBe(200);
    expect((await passwordLogin('wanggeyuan')).statusCode).toBe(200);
  });

  test('the daily job disables accounts with no login for 90 days', async () => {
    const u = await userId('jumin');
    await t.db.update(users).set({ lastLoginAt: new Date(Date.now() - 100 * 86_400_000) }).where(and(eq(users.tenantId, u.tenantId), eq(users.id, u.id)));
    const n = await disableDormantAccounts(t.db, t.services, u.tenantId);
    expect(n).toBe(1);
    const after = await userId('jumin');
    expect(after.status).toBe('disabled');
    expect(after.disabledReason).toContain('90');
    expect(await disableDormantAccounts(t.db, t.services, u.tenantId)).toBe(0);
  });
});
