-- The list summary is refreshed once per statement, for every relationship the statement touched
-- (transition tables), instead of once per row: a bulk insert of 100,000 grants is one update of
-- the relationships it names, and a change that leaves a summary as it was writes nothing.
DROP TRIGGER relationship_types_summary_sync ON relationship_types;
--> statement-breakpoint
DROP TRIGGER role_grants_summary_sync ON role_grants;
--> statement-breakpoint
DROP FUNCTION relationship_summary_sync();
--> statement-breakpoint
DROP FUNCTION relationship_summary_refresh(uuid);
--> statement-breakpoint
CREATE FUNCTION relationship_summary_refresh(rels uuid[]) RETURNS void AS $$
  UPDATE relationships r SET
    types = s.types,
    gdap_rank = s.gdap_rank,
    gdap_ends_at = s.gdap_ends_at,
    gdap_terminated_at = s.gdap_terminated_at,
    role_count = s.role_count,
    top_role_rank = s.top_role_rank
  FROM (
    SELECT x.id,
      coalesce((SELECT array_agg(t.type ORDER BY t.type) FROM relationship_types t WHERE t.relationship_id = x.id AND t.terminated_at IS NULL), '{}') AS types,
      coalesce((SELECT CASE WHEN g.terminated_at IS NOT NULL THEN 0 WHEN g.ends_at IS NOT NULL THEN 1 ELSE 3 END FROM relationship_types g WHERE g.relationship_id = x.id AND g.type = 'gdap'), 2)::smallint AS gdap_rank,
      (SELECT g.ends_at FROM relationship_types g WHERE g.relationship_id = x.id AND g.type = 'gdap') AS gdap_ends_at,
      (SELECT g.terminated_at FROM relationship_types g WHERE g.relationship_id = x.id AND g.type = 'gdap') AS gdap_terminated_at,
      (SELECT count(DISTINCT rg.role_id) FROM role_grants rg WHERE rg.relationship_id = x.id AND rg.ended_at IS NULL)::smallint AS role_count,
      coalesce((SELECT max(directory_role_rank(rg.role_id)) FROM role_grants rg WHERE rg.relationship_id = x.id AND rg.ended_at IS NULL), 0)::smallint AS top_role_rank
    FROM (SELECT DISTINCT unnest(rels) AS id) x
  ) s
  WHERE r.id = s.id
    AND (r.types, r.gdap_rank, r.gdap_ends_at, r.gdap_terminated_at, r.role_count, r.top_role_rank)
      IS DISTINCT FROM (s.types, s.gdap_rank, s.gdap_ends_at, s.gdap_terminated_at, s.role_count, s.top_role_rank);
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE FUNCTION relationship_summary_after_insert() RETURNS trigger AS $$
BEGIN
  PERFORM relationship_summary_refresh(ARRAY(SELECT DISTINCT relationship_id FROM new_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE FUNCTION relationship_summary_after_update() RETURNS trigger AS $$
BEGIN
  PERFORM relationship_summary_refresh(ARRAY(SELECT relationship_id FROM new_rows UNION SELECT relationship_id FROM old_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE FUNCTION relationship_summary_after_delete() RETURNS trigger AS $$
BEGIN
  PERFORM relationship_summary_refresh(ARRAY(SELECT DISTINCT relationship_id FROM old_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER relationship_types_summary_insert AFTER INSERT ON relationship_types
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION relationship_summary_after_insert();
--> statement-breakpoint
CREATE TRIGGER relationship_types_summary_update AFTER UPDATE ON relationship_types
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION relationship_summary_after_update();
--> statement-breakpoint
CREATE TRIGGER relationship_types_summary_delete AFTER DELETE ON relationship_types
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION relationship_summary_after_delete();
--> statement-breakpoint
CREATE TRIGGER role_grants_summary_insert AFTER INSERT ON role_grants
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION relationship_summary_after_insert();
--> statement-breakpoint
CREATE TRIGGER role_grants_summary_update AFTER UPDATE ON role_grants
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION relationship_summary_after_update();
--> statement-breakpoint
CREATE TRIGGER role_grants_summary_delete AFTER DELETE ON role_grants
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION relationship_summary_after_delete();
