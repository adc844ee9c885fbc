import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.js';

/** Regressions the fuzzer found: inputs PostgreSQL cannot take used to answer 500. */
let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ template: 'demo' });
  admin = await t.login('admin');
});
afterAll(async () => {
  await t.close();
});

describe('input guards', () => {
  it('refuses calendar-impossible days in queries and bodies with a validation error', async () => {
    for (const url of ['/api/hazards/?from=2026-02-30', '/api/points/claims?to=9999-99-99', '/api/duty-rosters/?from=0000-01-01', '/api/inbox/digest?day=2026-13-01']) {
      const res = await t.request({ method: 'GET', url, cookie: admin });
      expect(res.statusCode, url).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION' });
    }
    expect((await t.request({ method: 'GET', url: '/api/hazards/?from=2026-02-28', cookie: admin })).statusCode).toBe(200);
  });

  it('refuses NUL characters instead of failing in the database', async () => {
    const login = await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'a\u0000b', password: 'x' } });
    expect(login.statusCode).toBe(400);
    expect(login.json()).toMatchObject({ code: 'VALIDATION' });
    const audit = await t.request({ method: 'GET', url: '/api/audit/?action=a%00b', cookie: admin });
    expect(audit.statusCode).toBe(400);
  });

  it('answers malformed Open311 input with a 400, not a serialisation 500', async () => {
    for (const payload of ['{"a": ', 'null', '[1]']) {
      const res = await t.request({ method: 'POST', url: '/open311/v2/requests.json', payload, headers: { 'content-type': 'application/json' } });
      expect(res.statusCode, payload).toBe(400);
    }
    const nul = await t.request({ method: 'GET', url: '/open311/v2/requests.json?service_code=a%00b' });
    expect(nul.statusCode).toBe(400);
  });
});
