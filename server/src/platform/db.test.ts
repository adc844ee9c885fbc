import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from './db-lock.js';
import { queryRows } from './db.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

describe('embedded database lock', () => {
  it('refuses a second opener while the first holds the folder, and takes over a stale lock', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gj-lock-'));
    const first = acquireDataDirLock(dir);
    fs.writeFileSync(first.file, '1'); // pid 1 is alive (init) and is not us
    expect(() => acquireDataDirLock(dir)).toThrow(/正被进程 1 使用/);
    fs.writeFileSync(first.file, '999999'); // no such process: a lock left by a killed server
    const second = acquireDataDirLock(dir);
    expect(fs.readFileSync(second.file, 'utf8')).toBe(String(process.pid));
    second.release();
    expect(fs.existsSync(second.file)).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('transactions are isolated from each other', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ template: 'empty' });
    await t.db.execute(sql`create table tx_probe (id int primary key, who text)`);
  });
  afterAll(async () => t.close());

  it("one request's rollback never undoes another request's write", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const failing = t.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into tx_probe values (1, 'rolled back')`);
        await gate;
        throw new Error('boom');
      })
      .catch((e: Error) => e.message);
    // A second, independent write issued while the first transaction is open.
    const succeeding = t.db.execute(sql`insert into tx_probe values (2, 'kept')`);
    release();
    expect(await failing).toBe('boom');
    await succeeding;
    const rows = await queryRows(t.db, sql`select id, who from tx_probe order by id`);
    expect(rows).toEqual([{ id: 2, who: 'kept' }]);
  });

  it('a query through the main handle inside a transaction joins it (no deadlock, sees its own rows)', async () => {
    const seen = await t.db.transaction(async (tx) => {
      await tx.execute(sql`insert into tx_probe values (50, 'inside')`);
      // a service called with ctx (the main handle) from inside the transaction
      return queryRows<{ who: string }>(t.db, sql`select who from tx_probe where id = 50`);
    });
    expect(seen).toEqual([{ who: 'inside' }]);
    await t.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into tx_probe values (51, 'rolled back with its transaction')`);
        await t.db.execute(sql`insert into tx_probe values (52, 'written through the main handle')`);
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect(await queryRows(t.db, sql`select id from tx_probe where id in (51, 52)`)).toEqual([]);
  });

  it('concurrent transactions each commit their own rows', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.db.transaction(async (tx) => {
          await tx.execute(sql`insert into tx_probe values (${100 + i}, 'tx')`);
          if (i % 3 === 0) throw new Error('rollback');
        }).catch(() => undefined),
      ),
    );
    const rows = await queryRows(t.db, sql`select count(*)::int as n from tx_probe where id >= 100`);
    expect(rows[0]).toEqual({ n: 13 });
  });
});
