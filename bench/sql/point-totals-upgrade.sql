-- Upgrade an EXISTING database (e.g. the benchmark city) to the points rollup point_totals (积分汇总: one row per
-- member, branch and month, quarter and year; docs/decisions/0010, 0012 and 0013). New databases get the same objects
-- from the migration (server/src/modules/points/points.table.ts + server/src/db/extra/0002_point_totals.sql) and start empty.
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

-- The earlier rollups (decisions 0010 and 0012) kept months only, in point_totals_monthly; 0013 replaced it.
DROP TABLE IF EXISTS point_totals_monthly;
CREATE TABLE IF NOT EXISTS point_totals (
  tenant_id integer NOT NULL,
  span smallint NOT NULL,
  start date NOT NULL,
  org_id uuid NOT NULL,
  member_id uuid NOT NULL,
  points integer NOT NULL,
  entries integer NOT NULL,
  visit integer DEFAULT 0 NOT NULL,
  pairing integer DEFAULT 0 NOT NULL,
  dispute integer DEFAULT 0 NOT NULL,
  difficulty integer DEFAULT 0 NOT NULL,
  duty integer DEFAULT 0 NOT NULL,
  volunteer integer DEFAULT 0 NOT NULL,
  CONSTRAINT point_totals_tenant_id_span_start_org_id_member_id_pk PRIMARY KEY (tenant_id, span, start, org_id, member_id)
);
CREATE INDEX IF NOT EXISTS point_totals_org_idx ON point_totals USING btree (tenant_id, org_id, span, start);
CREATE INDEX IF NOT EXISTS point_totals_member_order_idx ON point_totals USING btree (tenant_id, span, start, member_id, org_id, points, visit, pairing, dispute, difficulty, duty, volunteer);

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

-- The ledger grouped as the rollup keeps it: each entry counts in its month, its quarter and its year.
CREATE TEMP VIEW ledger_totals AS
SELECT tenant_id, s.span,
       (CASE s.span WHEN 1 THEN date_trunc('month', occurred_on) WHEN 3 THEN date_trunc('quarter', occurred_on) ELSE date_trunc('year', occurred_on) END)::date AS start,
       org_id, member_id, sum(points)::int AS points, count(*)::int AS entries,
       coalesce(sum(points) FILTER (WHERE category = 'visit'), 0)::int AS visit, coalesce(sum(points) FILTER (WHERE category = 'pairing'), 0)::int AS pairing,
       coalesce(sum(points) FILTER (WHERE category = 'dispute'), 0)::int AS dispute, coalesce(sum(points) FILTER (WHERE category = 'difficulty'), 0)::int AS difficulty,
       coalesce(sum(points) FILTER (WHERE category = 'duty'), 0)::int AS duty, coalesce(sum(points) FILTER (WHERE category = 'volunteer'), 0)::int AS volunteer
  FROM point_entries CROSS JOIN (VALUES (1::smallint), (3::smallint), (12::smallint)) AS s(span)
 GROUP BY 1, 2, 3, 4, 5;

-- Backfill: the whole rollup from the ledger (no insert can interleave: the lock above).
TRUNCATE point_totals;
INSERT INTO point_totals (tenant_id, span, start, org_id, member_id, points, entries, visit, pairing, dispute, difficulty, duty, volunteer)
SELECT * FROM ledger_totals;
COMMIT;

VACUUM (ANALYZE) point_totals;
-- Sets the visibility map so the edge-day reads are index-only.
VACUUM (ANALYZE) point_entries;

-- Consistency check (both directions): must print 0.
WITH rollup AS (
  SELECT tenant_id, span, start, org_id, member_id, points, entries, visit, pairing, dispute, difficulty, duty, volunteer FROM point_totals)
SELECT (SELECT count(*) FROM (SELECT * FROM rollup EXCEPT ALL SELECT * FROM ledger_totals) a)
     + (SELECT count(*) FROM (SELECT * FROM ledger_totals EXCEPT ALL SELECT * FROM rollup) b) AS mismatches;
