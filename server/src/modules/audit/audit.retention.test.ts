import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { purgeAuditEvents, recordAudit, verifyAuditChain } from './audit.service.js';
import { auditEvents } from './audit.table.js';

const DAY = 86_400_000;

describe('audit retention', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ template: 'empty' });
    await t.db.execute(sql`insert into tenants (id, code, name) values (8, '888888888', 'retention')`);
    const write = (n: number) => recordAudit(t.db, { tenantId: 8, system: 'test' }, { action: 'x.write', entityType: 'x', entityId: String(n) });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(Date.now() - 300 * DAY));
      for (let i = 1; i <= 5; i++) await write(i);
      vi.setSystemTime(new Date(Date.now() + 200 * DAY));
      for (let i = 6; i <= 8; i++) await write(i);
    } finally {
      vi.useRealTimers();
    }
    for (let i = 9; i <= 10; i++) await write(i);
  });
  afterAll(async () => t.close());

  const causeOf = (p: Promise<unknown>) => p.then(() => 'no error', (e: { cause?: { message?: string } }) => e.cause?.message ?? String(e));

  it('still refuses ad-hoc deletes, and the purge setting never reaches events younger than 184 days', async () => {
    expect(await causeOf(t.db.execute(sql`delete from audit_events where tenant_id = 8 and seq = 1`))).toMatch(/append-only/);
    const young = t.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('gongjian.audit_purge', 'on', true)`);
      await tx.execute(sql`delete from audit_events where tenant_id = 8 and seq = 7`);
    });
    expect(await causeOf(young)).toMatch(/append-only/);
  });

  it('purges events past the retention period, keeps a checkpoint, and the chain still verifies', async () => {
    expect(await verifyAuditChain(t.db, 8)).toEqual({ ok: true, checked: 10, brokenAtSeq: null });
    // Asking for less than the legal minimum still keeps 184 days: the 100-day-old events stay.
    const r = await purgeAuditEvents(t.db, 8, 30);
    expect(r).toEqual({ purged: 5, throughSeq: 5 });
    const left = await t.db.select({ seq: auditEvents.seq }).from(auditEvents).where(eq(auditEvents.tenantId, 8)).orderBy(asc(auditEvents.seq));
    expect(left.map((x) => x.seq)).toEqual([6, 7, 8, 9, 10, 11]);
    // 5 retained + the purge's own event, verified from the checkpoint.
    expect(await verifyAuditChain(t.db, 8)).toEqual({ ok: true, checked: 6, brokenAtSeq: null });
    expect(await purgeAuditEvents(t.db, 8, 184)).toEqual({ purged: 0, throughSeq: null });
    // Checkpoints are append-only too.
    expect(await causeOf(t.db.execute(sql`delete from audit_checkpoints where tenant_id = 8`))).toMatch(/append-only/);
    expect(await causeOf(t.db.execute(sql`update audit_checkpoints set hash = 'x' where tenant_id = 8`))).toMatch(/append-only/);
  });
});
