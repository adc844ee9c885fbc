import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActorContext } from '../../platform/request-context.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { recordAudit } from '../audit/index.js';
import { cachedByStamp, FRESH_WAIT_MS } from './dashboards.compute.js';

/** A computation the test finishes by hand. */
function deferred<V>() {
  let resolve!: (v: V) => void;
  const promise = new Promise<V>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the overview cache under writes', () => {
  let t: TestApp;
  let admin: ActorContext;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.contextFor('admin');
  });
  afterAll(async () => t.close());

  const write = () => recordAudit(admin.db, admin, { action: 'test.write', entityType: 'test', entityId: 'x' });
  const ask = (compute: () => Promise<number>) => cachedByStamp(admin.services, admin.db, admin.tenantId, 'cache-test', compute);

  it('computes once while nothing is written, recomputes for the first caller after a write, and answers others from the old figures meanwhile', async () => {
    let calls = 0;
    const first = await ask(async () => ++calls);
    expect(first).toBe(1);
    expect(await ask(async () => ++calls)).toBe(1);
    expect(calls).toBe(1);

    await write();
    const slow = deferred<number>();
    const started = deferred<void>();
    const fresh = ask(() => {
      calls++;
      started.resolve();
      return slow.promise;
    });
    // While the recomputation runs, a second caller (even after another write) neither waits nor computes.
    await started.promise;
    await write();
    expect(await ask(async () => ++calls)).toBe(1);
    expect(calls).toBe(2);
    slow.resolve(2);
    expect(await fresh).toBe(2);
    // The new figures replace the old; the write made during the recomputation is picked up next.
    expect(await ask(async () => ++calls)).toBe(3);
    expect(await ask(async () => ++calls)).toBe(3);
  });

  it('a failed recomputation keeps the old figures and the next caller tries again', async () => {
    const key = 'cache-test-failure';
    const askK = (compute: () => Promise<number>) => cachedByStamp(admin.services, admin.db, admin.tenantId, key, compute);
    expect(await askK(async () => 10)).toBe(10);
    await write();
    await expect(askK(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await askK(async () => 11)).toBe(11);
  });

  it('on PostgreSQL the first caller after a write waits at most FRESH_WAIT_MS, then gets the previous figures', { timeout: 30_000 }, async (c) => {
    if (admin.services.dbKind !== 'postgres') c.skip();
    const key = 'cache-test-bounded';
    const askK = (compute: () => Promise<number>) => cachedByStamp(admin.services, admin.db, admin.tenantId, key, compute);
    expect(await askK(async () => 20)).toBe(20);
    await write();
    const slow = deferred<number>();
    const t0 = Date.now();
    expect(await askK(() => slow.promise)).toBe(20);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(FRESH_WAIT_MS - 50);
    slow.resolve(21);
    await slow.promise;
    expect(await askK(async () => 22)).toBe(21);
  });
});

