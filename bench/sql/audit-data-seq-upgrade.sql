-- Upgrade an EXISTING database (e.g. the benchmark city) to the data-change stamp audit_heads.data_seq
-- (docs/decisions/0011, amendment). New databases get the column from the migration.
--
--   psql -v ON_ERROR_STOP=1 -h HOST -p PORT -U postgres DBNAME -f bench/sql/audit-data-seq-upgrade.sql
--
-- Idempotent. Starts the stamp at the head's seq, so every cached figure is recomputed once.
-- After it, set drizzle.__drizzle_migrations.created_at to the journal's `when` (the migration is squashed, 0003).
ALTER TABLE audit_heads ADD COLUMN IF NOT EXISTS data_seq bigint DEFAULT 0 NOT NULL;
UPDATE audit_heads SET data_seq = seq WHERE data_seq = 0;
