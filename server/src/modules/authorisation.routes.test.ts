import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '../platform/roles.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { demoLoginList } from './demo/index.js';

/**
 * Walks every API route for every role: without a session → 401; a role without the route's
 * permission → 403; a role with it is never refused (any other status). New routes are covered
 * automatically because the walk reads the app's route table.
 */
describe('authorisation walk: every route × every role', () => {
  let t: TestApp;
  const cookies = new Map<Role, string>();
  beforeAll(async () => {
    t = await createTestApp();
    for (const l of demoLoginList) cookies.set(l.role, await t.login(l.username));
  });
  afterAll(async () => t.close());

  const fill = (url: string) => url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');

  it('covers every role', () => {
    expect([...cookies.keys()].sort()).toEqual([...roles].sort());
  });

  it('answers each protected route according to the permission table', async () => {
    const routes = t.app.routeTable.filter((r) => !r.public && r.url.startsWith('/api/'));
    expect(routes.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const route of routes) {
      const url = fill(route.url);
      const anonymous = await t.request({ method: route.method as 'GET', url, payload: route.method === 'GET' ? undefined : {} });
      if (anonymous.statusCode !== 401) problems.push(`${route.method} ${route.url} anonymous → ${anonymous.statusCode}`);
      // Denied roles are refused before any handler runs, so they can be asked at once; allowed roles one by one.
      const allowedRoles = roles.filter((role) => route.permission === 'authenticated' || (t.services.permissions.table[route.permission ?? '']?.includes(role) ?? false));
      const deniedRoles = roles.filter((role) => !allowedRoles.includes(role));
      const denied = await Promise.all(deniedRoles.map((role) => t.request({ method: route.method as 'GET', url, cookie: cookies.get(role), payload: route.method === 'GET' ? undefined : {} })));
      denied.forEach((res, i) => {
        if (res.statusCode !== 403) problems.push(`${route.method} ${route.url} ${deniedRoles[i]} (denied) → ${res.statusCode}`);
      });
      for (const role of allowedRoles) {
        const res = await t.request({ method: route.method as 'GET', url, cookie: cookies.get(role), payload: route.method === 'GET' ? undefined : {} });
        if (res.statusCode === 403 || res.statusCode === 401 || res.statusCode >= 500) problems.push(`${route.method} ${route.url} ${role} (allowed) → ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
