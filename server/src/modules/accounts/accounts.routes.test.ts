import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.js';

describe('accounts: login, sessions, lockout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('logs in, reads /me with role and permissions, logs out', async () => {
    const cookie = await t.login('shuji');
    const me = await t.request({ method: 'GET', url: '/api/auth/me', cookie });
    expect(me.statusCode).toBe(200);
    const body = me.json();
    expect(body.user.roles).toEqual(['secretary']);
    expect(body.user.scopeOrgName).toBe('石寨村党总支');
    expect(body.user.tenant).toMatchObject({ code: '410182002', name: '京城路街道' });
    expect(body.permissions).toContain('org.write');
    expect(body.permissions).not.toContain('audit.read');
    const out = await t.request({ method: 'POST', url: '/api/auth/logout', cookie });
    expect(out.statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie })).statusCode).toBe(401);
  });

  it('answers an unknown user and a wrong password with the same message', async () => {
    const a = await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } });
    const b = await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'jumin', password: 'wrong-Password1' } });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
    expect(a.json()).toMatchObject({ code: 'UNAUTHENTICATED', message: '用户名或密码错误' });
  });

  it('locks an account for 15 minutes after 5 failed logins, even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'danwei', password: `bad-${i}` }, remoteAddress: `10.0.0.${i}` });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'danwei', password: TEST_PASSWORD } });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    const audit = await t.db.execute(sql`select count(*)::int as n from audit_events where action = 'auth.locked'`);
    expect((audit as unknown as { rows: Array<{ n: number }> }).rows[0].n).toBe(1);
  });

  it('throttles failed logins per source address', async () => {
    let last = 0;
    for (let i = 0; i < 21; i++) {
      const r = await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: `ghost${i}`, password: 'x' }, remoteAddress: '10.9.9.9' });
      last = r.statusCode;
    }
    expect(last).toBe(429);
    // another address is not affected
    const other = await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'ghost', password: 'x' }, remoteAddress: '10.9.9.10' });
    expect(other.statusCode).toBe(401);
  });

  it('ends a session after the idle timeout', async () => {
    const cookie = await t.login('jijian');
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie })).statusCode).toBe(200);
    await t.db.execute(sql`update sessions set last_seen_at = now() - interval '31 minutes'`);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie })).statusCode).toBe(401);
  });

  it('enforces the password policy when changing a password', async () => {
    const cookie = await t.login('zhidaoyuan');
    const weak = await t.request({ method: 'POST', url: '/api/auth/password', cookie, payload: { currentPassword: TEST_PASSWORD, newPassword: 'abcdefgh' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details[0].path).toBe('newPassword');
    const common = await t.request({ method: 'POST', url: '/api/auth/password', cookie, payload: { currentPassword: TEST_PASSWORD, newPassword: 'P@ssw0rd' } });
    expect(common.statusCode).toBe(400);
    const ok = await t.request({ method: 'POST', url: '/api/auth/password', cookie, payload: { currentPassword: TEST_PASSWORD, newPassword: 'Xingyang-2026' } });
    expect(ok.statusCode).toBe(204);
    expect((await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'zhidaoyuan', password: 'Xingyang-2026' } })).statusCode).toBe(200);
  });

  it('stores only argon2id hashes and session token hashes', async () => {
    const r = await t.db.execute(sql`select password_hash from users where username = 'admin'`);
    expect((r as unknown as { rows: Array<{ password_hash: string }> }).rows[0].password_hash).toMatch(/^\$argon2id\$/);
    const cookie = await t.login('admin');
    const token = cookie.split('.')[1];
    const s = await t.db.execute(sql`select count(*)::int as n from sessions where token_hash = ${token}`);
    expect((s as unknown as { rows: Array<{ n: number }> }).rows[0].n).toBe(0);
  });
});
