-- 积分汇总 (docs/decisions/0010, 0012, 0013): point_totals follows point_entries, which is append-only (mistakes are
-- reversing entries), so only INSERTs need following. One statement-level trigger with a transition table: a bulk
-- approval or the generator's INSERT ... SELECT of millions of rows upserts once per statement, one row per
-- (span, start, member, branch) for each of the three spans — the month, the quarter and the year of the entry — with a
-- column per category, not once per entry.
CREATE OR REPLACE FUNCTION gongjian_point_totals_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO point_totals AS t (tenant_id, span, start, org_id, member_id, points, entries, visit, pairing, dispute, difficulty, duty, volunteer)
  SELECT n.tenant_id, s.span,
         CASE s.span WHEN 1 THEN date_trunc('month', n.occurred_on) WHEN 3 THEN date_trunc('quarter', n.occurred_on) ELSE date_trunc('year', n.occurred_on) END::date,
         n.org_id, n.member_id, sum(n.points)::int, count(*)::int,
         coalesce(sum(n.points) FILTER (WHERE n.category = 'visit'), 0)::int,
         coalesce(sum(n.points) FILTER (WHERE n.category = 'pairing'), 0)::int,
         coalesce(sum(n.points) FILTER (WHERE n.category = 'dispute'), 0)::int,
         coalesce(sum(n.points) FILTER (WHERE n.category = 'difficulty'), 0)::int,
         coalesce(sum(n.points) FILTER (WHERE n.category = 'duty'), 0)::int,
         coalesce(sum(n.points) FILTER (WHERE n.category = 'volunteer'), 0)::int
    FROM new_rows n CROSS JOIN (VALUES (1::smallint), (3::smallint), (12::smallint)) AS s(span)
   GROUP BY 1, 2, 3, 4, 5
   -- A fixed order, so two concurrent statements lock shared rollup rows in the same order (no deadlock).
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (tenant_id, span, start, org_id, member_id)
  DO UPDATE SET points = t.points + excluded.points, entries = t.entries + excluded.entries,
    visit = t.visit + excluded.visit, pairing = t.pairing + excluded.pairing, dispute = t.dispute + excluded.dispute,
    difficulty = t.difficulty + excluded.difficulty, duty = t.duty + excluded.duty, volunteer = t.volunteer + excluded.volunteer;
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
