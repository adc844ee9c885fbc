import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { isExportRoute } from './web-defences.js';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp({ template: 'demo' });
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

describe('web defences', () => {
  test('security headers and a strict CSP on every answer', async () => {
    const res = await t.request({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });

  test('API answers are never cached (they may carry personal data)', async () => {
    const me = await t.request({ method: 'GET', url: '/api/auth/me', cookie: admin });
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const members = await t.request({ method: 'GET', url: '/api/members?pageSize=1', cookie: admin });
    expect(members.statusCode).toBe(200);
    expect(members.headers['cache-control']).toBe('no-store');
    const denied = await t.request({ method: 'GET', url: '/api/members' });
    expect(denied.statusCode).toBe(401);
    expect(denied.headers['cache-control']).toBe('no-store');
  });

  test('state-changing calls from another site are refused; same-origin and non-browser calls pass', async () => {
    const body = { currentPassword: 'wrong-password', newPassword: 'Another#2026pass' };
    const crossSite = await t.request({ method: 'POST', url: '/api/auth/password', cookie: admin, payload: body, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().code).toBe('FORBIDDEN');
    const sameSite = await t.request({ method: 'POST', url: '/api/auth/password', cookie: admin, payload: body, headers: { 'sec-fetch-site': 'same-site' } });
    expect(sameSite.statusCode).toBe(403);
    const foreignOrigin = await t.request({ method: 'POST', url: '/api/auth/password', cookie: admin, payload: body, headers: { origin: 'https://evil.example', host: 'gongjian.local' } });
    expect(foreignOrigin.statusCode).toBe(403);
    const loginFromElsewhere = await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'x' }, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(loginFromElsewhere.statusCode).toBe(403);
    // The SPA's own calls: same-origin fetch metadata and a matching Origin reach the handler (400: wrong current password).
    const own = await t.request({
      method: 'POST',
      url: '/api/auth/password',
      cookie: admin,
      payload: body,
      headers: { 'sec-fetch-site': 'same-origin', origin: 'http://gongjian.local', host: 'gongjian.local' },
    });
    expect(own.statusCode).toBe(400);
    const script = await t.request({ method: 'POST', url: '/api/auth/password', cookie: admin, payload: body });
    expect(script.statusCode).toBe(400);
    // Reads are not affected.
    const read = await t.request({ method: 'GET', url: '/api/auth/me', cookie: admin, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(read.statusCode).toBe(200);
  });

  test('exports are rate-limited per user', async () => {
    expect(isExportRoute('GET', '/api/members/export.xlsx')).toBe(true);
    expect(isExportRoute('POST', '/api/dashboard/ledgers/exports')).toBe(true);
    expect(isExportRoute('GET', '/api/dashboard/ledgers/exports')).toBe(false);
    expect(isExportRoute('GET', '/api/members')).toBe(false);
    const limit = t.services.config.exportsPerMinute;
    const url = '/api/audit/export.xlsx?from=2030-01-01T00:00:00Z';
    let last = 0;
    for (let i = 0; i <= limit; i++) {
      const res = await t.request({ method: 'GET', url, cookie: admin });
      last = res.statusCode;
      if (i < limit) expect(res.statusCode).toBe(200);
    }
    expect(last).toBe(429);
    // Another user has an allowance of their own.
    const auditor = await t.login('jijian');
    const other = await t.request({ method: 'GET', url, cookie: auditor });
    expect(other.statusCode).toBe(200);
  });
});
