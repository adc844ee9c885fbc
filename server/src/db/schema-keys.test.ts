import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

/**
 * Decision 0002: tenant_id leads every primary key, foreign key and unique key, so the database can be
 * distributed by tenant (Citus) without changing a table. This reads the migrated catalogue, not the code.
 * The one exception is `tenants` itself: the registry of streets, a small reference table (replicated to
 * every node under Citus) that tenant-scoped tables may reference by their tenant_id.
 */
const REFERENCE_TABLES = new Set(['tenants']);
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ template: 'empty' });
});
afterAll(async () => {
  await t.close();
});

interface KeyRow {
  table_name: string;
  constraint_name: string;
  kind: string;
  first_column: string | null;
  ref_first_column: string | null;
  ref_table: string | null;
}

describe('schema keys lead with tenant_id', () => {
  it('every table has a tenant_id column first and a primary key', async () => {
    const tables = await queryRows<{ table_name: string; first_column: string; has_pk: boolean }>(
      t.db,
      sql.raw(`select c.relname as table_name,
              (select a.attname from pg_attribute a where a.attrelid = c.oid and a.attnum = 1) as first_column,
              exists (select 1 from pg_constraint k where k.conrelid = c.oid and k.contype = 'p') as has_pk
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname not like '\\_\\_%'
        order by 1`),
    );
    expect(tables.length).toBeGreaterThan(40);
    const offenders = tables.filter((r) => !REFERENCE_TABLES.has(r.table_name)).filter((r) => r.first_column !== 'tenant_id' || !r.has_pk).map((r) => `${r.table_name} (${r.first_column}, pk: ${r.has_pk})`);
    expect(offenders).toEqual([]);
  });

  it('every primary, unique and foreign key starts with tenant_id (and references a tenant-leading key)', async () => {
    const keys = await queryRows<KeyRow>(
      t.db,
      sql.raw(`select c.relname as table_name, k.conname as constraint_name, k.contype as kind,
              (select a.attname from pg_attribute a where a.attrelid = k.conrelid and a.attnum = k.conkey[1]) as first_column,
              (select a.attname from pg_attribute a where a.attrelid = k.confrelid and a.attnum = k.confkey[1]) as ref_first_column,
              (select r.relname from pg_class r where r.oid = k.confrelid) as ref_table
         from pg_constraint k
         join pg_class c on c.oid = k.conrelid
         join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and k.contype in ('p', 'u', 'f')
        order by 1, 2`),
    );
    expect(keys.some((k) => k.kind === 'f')).toBe(true);
    const offenders = keys
      .filter((k) => !REFERENCE_TABLES.has(k.table_name))
      .filter((k) => k.first_column !== 'tenant_id' || (k.kind === 'f' && k.ref_first_column !== 'tenant_id' && !(k.ref_table && REFERENCE_TABLES.has(k.ref_table))))
      .map((k) => `${k.table_name}.${k.constraint_name} (${k.kind}: ${k.first_column} → ${k.ref_first_column ?? '-'})`);
    expect(offenders).toEqual([]);
  });

  it('every unique index leads with tenant_id', async () => {
    const idx = await queryRows<{ index_name: string; table_name: string; first_column: string | null }>(
      t.db,
      sql.raw(`select i.relname as index_name, c.relname as table_name,
              (select a.attname from pg_attribute a where a.attrelid = c.oid and a.attnum = x.indkey[0]) as first_column
         from pg_index x
         join pg_class i on i.oid = x.indexrelid
         join pg_class c on c.oid = x.indrelid
         join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and x.indisunique and c.relname not like '\\_\\_%'`),
    );
    const offenders = idx.filter((r) => !REFERENCE_TABLES.has(r.table_name)).filter((r) => r.first_column !== 'tenant_id').map((r) => `${r.table_name}.${r.index_name} (${r.first_column})`);
    expect(offenders).toEqual([]);
  });
});
