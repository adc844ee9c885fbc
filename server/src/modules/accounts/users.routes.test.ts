import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { auditEvents } from '../audit/audit.table.js';
import { users } from './accounts.table.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ template: 'demo' });
});
afterAll(async () => t?.close());

const newPassword = 'Fresh#Pass2026';

describe('accounts opened and reset by the system administrator', () => {
  test('creates a login with a one-time password that must be changed at the first login', async () => {
    const xitong = await t.login('xitong');
    const scopes = await t.request({ method: 'GET', url: '/api/auth/users/scopes', cookie: xitong });
    const shizhai = scopes.json<{ items: Array<{ id: string; name: string }> }>().items.find((o) => o.name === '石寨村党总支');
    expect(shizhai).toBeDefined();
    const res = await t.request({ method: 'POST', url: '/api/auth/users', cookie: xitong, payload: { username: 'wangge9', displayName: '网格员九', roles: ['grid_worker'], scopeOrgId: shizhai?.id } });
    expect(res.statusCode).toBe(201);
    const body = res.json<{ user: { id: string; scopeOrgName: string | null; mustChangePassword: boolean; roles: string[] }; temporaryPassword: string }>();
    expect(body.user.roles).toEqual(['grid_worker']);
    expect(body.user.mustChangePassword).toBe(true);
    expect(body.user.scopeOrgName).toBe('石寨村党总支');
    // The one-time password opens only the password-change step.
    const first = await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'wangge9', password: body.temporaryPassword } });
    expect(first.json<{ step: string }>().step).toBe('password');
    const pending = first.cookies.find((c) => c.name === 'gj_pending');
    const changed = await t.request({ method: 'POST', url: '/api/auth/login/password', cookie: `gj_pending=${pending?.value ?? ''}`, payload: { newPassword } });
    expect(changed.json<{ step: string }>().step).toBe('done');
    // The audit row names the account but never its password.
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, body.user.id));
    expect(audit.map((a) => a.action)).toContain('account.created');
    expect(JSON.stringify(audit)).not.toContain(body.temporaryPassword);
  });

  test('refuses administrator roles, a taken username and a scope outside the street, field by field', async () => {
    const xitong = await t.login('xitong');
    const admin = await t.request({ method: 'POST', url: '/api/auth/users', cookie: xitong, payload: { username: 'boss2', displayName: '管', roles: ['security_admin'] } });
    expect(admin.statusCode).toBe(400);
    expect(admin.json<{ details: Array<{ path: string }> }>().details[0]?.path).toBe('roles');
    const taken = await t.request({ method: 'POST', url: '/api/auth/users', cookie: xitong, payload: { username: 'anquan', displayName: '重名', roles: ['member'] } });
    expect(taken.statusCode).toBe(400);
    expect(taken.json<{ details: Array<{ path: string }> }>().details[0]?.path).toBe('username');
    const scope = await t.request({ method: 'POST', url: '/api/auth/users', cookie: xitong, payload: { username: 'nowhere', displayName: '无', roles: ['member'], scopeOrgId: '00000000-0000-4000-8000-000000000000' } });
    expect(scope.statusCode).toBe(404);
    const anquan = await t.login('anquan');
    expect((await t.request({ method: 'POST', url: '/api/auth/users', cookie: anquan, payload: { username: 'x1', displayName: 'x', roles: ['member'] } })).statusCode).toBe(403);
  });

  test('a password reset ends the sessions, lifts a lock and forces a change', async () => {
    const victim = await t.login('jumin');
    const [u] = await t.db.select().from(users).where(eq(users.username, 'jumin'));
    if (!u) throw new Error('no jumin');
    await t.db.update(users).set({ lockedUntil: new Date(Date.now() + 600_000) }).where(eq(users.id, u.id));
    const xitong = await t.login('xitong');
    const res = await t.request({ method: 'POST', url: `/api/auth/users/${u.id}/password/reset`, cookie: xitong });
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json<{ temporaryPassword: string }>();
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: victim })).statusCode).toBe(401);
    const next = await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'jumin', password: temporaryPassword } });
    expect(next.json<{ step: string }>().step).toBe('password');
    const self = (await t.db.select().from(users).where(eq(users.username, 'xitong')))[0];
    expect((await t.request({ method: 'POST', url: `/api/auth/users/${self?.id ?? ''}/password/reset`, cookie: xitong })).statusCode).toBe(409);
  });
});
