-- Upgrade an EXISTING database (e.g. the benchmark city) to the monthly points rollup, point_totals_monthly
-- (积分月汇总, docs/decisions/0010 and 0012). New databases get the same objects from the migration
-- (server/src/modules/points/points.table.ts + server/src/db/extra/0002_point_totals.sql) and start empty.
--
--   psql -v ON_ERROR_STOP=1 -h HOST -p PORT -U postgres DBNAME -f bench/sql/point-totals-upgrade.sql
--
-- Idempotent: every object is created if missing (or replaced), and the backfill rebuilds the rollup from the
-- ledger inside one transaction that holds inserts into point_entries off (SHARE ROW EXCLUSIVE), so no entry is
-- counted twice or missed, however often it runs. Reads of point_entries go on meanwhile.
-- It does not touch drizzle.__drizzle_migrations: the squashed migration (decision 0003) is not incremental.
\timing on
BEGIN;
LOCK TABLE point_entries IN SHARE ROW EXCLUSIVE MODE;

-- Decision 0012 changed the rollup from one row per category to one row per member and month with a column per
-- category; an older rollup (it has a "category" column) is dropped and rebuilt below.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'point_totals_monthly' AND column_name = 'category') THEN
    DROP TABLE point_totals_monthly;
  END IF;
END;
$$;
CREATE TABLE IF NOT EXISTS point_totals_monthly (
  tenant_id integer NOT NULL,
  org_id uuid NOT NULL,
  member_id uuid NOT NULL,
  month date NOT NULL,
  points integer NOT NULL,
  entries integer NOT NULL,
  visit integer DEFAULT 0 NOT NULL,
  pairing integer DEFAULT 0 NOT NULL,
  dispute integer DEFAULT 0 NOT NULL,
  difficulty integer DEFAULT 0 NOT NULL,
  duty integer DEFAULT 0 NOT NULL,
  volunteer integer DEFAULT 0 NOT NULL,
  CONSTRAINT point_totals_monthly_tenant_id_month_org_id_member_id_pk PRIMARY KEY (tenant_id, month, org_id, member_id)
);
CREATE INDEX IF NOT EXISTS point_totals_monthly_org_idx ON point_totals_monthly USING btree (tenant_id, org_id, month);

-- The ledger days at a period's edges are read by an index-only scan; this index replaces point_entries_category_idx
-- (same leading columns, plus org_id and points).
CREATE INDEX IF NOT EXISTS point_entries_period_idx ON point_entries USING btree (tenant_id, occurred_on, category, member_id, org_id, points);
DROP INDEX IF EXISTS point_entries_category_idx;

CREATE OR REPLACE FUNCTION gongjian_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- The trigger function and the two triggers are the migration's own (one copy, in server/src/db/extra/).
DROP TRIGGER IF EXISTS point_entries_follow_totals ON point_entries;
DROP TRIGGER IF EXISTS point_entries_append_only ON point_entries;
\ir ../../server/src/db/extra/0002_point_totals.sql

-- Backfill: the whole rollup from the ledger (no insert can interleave: the lock above).
TRUNCATE point_totals_monthly;
INSERT INTO point_totals_monthly (tenant_id, month, org_id, member_id, points, entries, visit, pairing, dispute, difficulty, duty, volunteer)
SELECT tenant_id, date_trunc('month', occurred_on)::date, org_id, member_id, sum(points)::int, count(*)::int,
       coalesce(sum(points) FILTER (WHERE category = 'visit'), 0)::int, coalesce(sum(points) FILTER (WHERE category = 'pairing'), 0)::int,
       coalesce(sum(points) FILTER (WHERE category = 'dispute'), 0)::int, coalesce(sum(points) FILTER (WHERE category = 'difficulty'), 0)::int,
       coalesce(sum(points) FILTER (WHERE category = 'duty'), 0)::int, coalesce(sum(points) FILTER (WHERE category = 'volunteer'), 0)::int
  FROM point_entries
 GROUP BY 1, 2, 3, 4;
COMMIT;

VACUUM (ANALYZE) point_totals_monthly;
-- Sets the visibility map so the edge-day reads are index-only.
VACUUM (ANALYZE) point_entries;

-- Consistency check (both directions): must print 0.
WITH rollup AS (
  SELECT tenant_id, month, org_id, member_id, points, entries, visit, pairing, dispute, difficulty, duty, volunteer FROM point_totals_monthly),
ledger AS (
  SELECT tenant_id, date_trunc('month', occurred_on)::date AS month, org_id, member_id, sum(points)::int, count(*)::int,
       coalesce(sum(points) FILTER (WHERE category = 'visit'), 0)::int, coalesce(sum(points) FILTER (WHERE category = 'pairing'), 0)::int,
       coalesce(sum(points) FILTER (WHERE category = 'dispute'), 0)::int, coalesce(sum(points) FILTER (WHERE category = 'difficulty'), 0)::int,
       coalesce(sum(points) FILTER (WHERE category = 'duty'), 0)::int, coalesce(sum(points) FILTER (WHERE category = 'volunteer'), 0)::int
    FROM point_entries GROUP BY 1, 2, 3, 4)
SELECT (SELECT count(*) FROM (SELECT * FROM rollup EXCEPT ALL SELECT * FROM ledger) a)
     + (SELECT count(*) FROM (SELECT * FROM ledger EXCEPT ALL SELECT * FROM rollup) b) AS mismatches;
