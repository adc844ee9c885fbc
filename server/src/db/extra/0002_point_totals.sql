-- 积分月汇总 (docs/decisions/0010): point_totals_monthly follows point_entries, which is append-only
-- (mistakes are reversing entries), so only INSERTs need following. One statement-level trigger with a
-- transition table: a bulk approval or the generator's INSERT ... SELECT of millions of rows upserts once per
-- statement, one row per (member, branch, month, category), not once per entry.
CREATE OR REPLACE FUNCTION gongjian_point_totals_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO point_totals_monthly AS t (tenant_id, month, org_id, member_id, category, points, entries)
  SELECT n.tenant_id, date_trunc('month', n.occurred_on)::date, n.org_id, n.member_id, n.category, sum(n.points)::int, count(*)::int
    FROM new_rows n
   GROUP BY 1, 2, 3, 4, 5
   -- A fixed order, so two concurrent statements lock shared rollup rows in the same order (no deadlock).
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (tenant_id, month, org_id, member_id, category)
  DO UPDATE SET points = t.points + excluded.points, entries = t.entries + excluded.entries;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER point_entries_follow_totals AFTER INSERT ON point_entries
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gongjian_point_totals_follow();
--> statement-breakpoint
-- The ledger is append-only; a change to it would leave the rollup wrong, so it is refused.
CREATE TRIGGER point_entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON point_entries
  FOR EACH STATEMENT EXECUTE FUNCTION gongjian_refuse_change();
