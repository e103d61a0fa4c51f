ALTER TABLE "relationships" ADD COLUMN "partner_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "relationships" ADD COLUMN "customer_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "relationships" ADD COLUMN "types" "relationship_type"[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "relationships" ADD COLUMN "gdap_rank" smallint DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "relationships" ADD COLUMN "gdap_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "relationships" ADD COLUMN "gdap_terminated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "relationships" ADD COLUMN "role_count" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "relationships" ADD COLUMN "top_role_rank" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "relationships_customer_by_name_idx" ON "relationships" USING btree ("customer_organization_id",lower("partner_name"),"id");--> statement-breakpoint
CREATE INDEX "relationships_customer_by_since_idx" ON "relationships" USING btree ("customer_organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "relationships_customer_by_types_idx" ON "relationships" USING btree ("customer_organization_id","types",lower("partner_name"),"id");--> statement-breakpoint
CREATE INDEX "relationships_customer_by_roles_idx" ON "relationships" USING btree ("customer_organization_id","top_role_rank","role_count",lower("partner_name"),"id");--> statement-breakpoint
CREATE INDEX "relationships_customer_by_gdap_idx" ON "relationships" USING btree ("customer_organization_id","gdap_rank","gdap_ends_at",lower("partner_name"),"id");--> statement-breakpoint
CREATE INDEX "relationships_partner_name_trgm_idx" ON "relationships" USING gin (lower("partner_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "relationships_partner_by_name_idx" ON "relationships" USING btree ("partner_organization_id",lower("customer_name"),"id");--> statement-breakpoint
CREATE INDEX "relationships_partner_by_since_idx" ON "relationships" USING btree ("partner_organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "relationships_partner_by_gdap_idx" ON "relationships" USING btree ("partner_organization_id","gdap_rank","gdap_ends_at",lower("customer_name"),"id");--> statement-breakpoint
CREATE INDEX "relationships_customer_name_trgm_idx" ON "relationships" USING gin (lower("customer_name") gin_trgm_ops);--> statement-breakpoint
-- The rank of each built-in role (lib/roles.ts, where a test holds the two equal): the Partner
-- relationships list sorts by a partner's most privileged role.
CREATE OR REPLACE FUNCTION directory_role_rank(role_id text) RETURNS smallint AS $$
  SELECT (CASE role_id
    WHEN 'global_admin' THEN 100
    WHEN 'privileged_auth_admin' THEN 95
    WHEN 'security_admin' THEN 90
    WHEN 'application_admin' THEN 85
    WHEN 'exchange_admin' THEN 80
    WHEN 'sharepoint_admin' THEN 78
    WHEN 'user_admin' THEN 75
    WHEN 'intune_admin' THEN 72
    WHEN 'billing_admin' THEN 70
    WHEN 'compliance_admin' THEN 65
    WHEN 'teams_admin' THEN 60
    WHEN 'license_admin' THEN 55
    WHEN 'cloud_device_admin' THEN 50
    WHEN 'helpdesk_admin' THEN 45
    WHEN 'service_support_admin' THEN 40
    WHEN 'global_reader' THEN 30
    WHEN 'security_reader' THEN 25
    WHEN 'reports_reader' THEN 20
    WHEN 'directory_readers' THEN 10
    ELSE 0
  END)::smallint
$$ LANGUAGE sql IMMUTABLE PARALLEL SAFE;
--> statement-breakpoint
-- Recomputes one relationship's list summary from its types and role grants.
CREATE OR REPLACE FUNCTION relationship_summary_refresh(rel uuid) RETURNS void AS $$
  UPDATE relationships r SET
    types = coalesce((SELECT array_agg(t.type ORDER BY t.type) FROM relationship_types t WHERE t.relationship_id = rel AND t.terminated_at IS NULL), '{}'),
    gdap_rank = coalesce((SELECT CASE WHEN g.terminated_at IS NOT NULL THEN 0 WHEN g.ends_at IS NOT NULL THEN 1 ELSE 3 END FROM relationship_types g WHERE g.relationship_id = rel AND g.type = 'gdap'), 2),
    gdap_ends_at = (SELECT g.ends_at FROM relationship_types g WHERE g.relationship_id = rel AND g.type = 'gdap'),
    gdap_terminated_at = (SELECT g.terminated_at FROM relationship_types g WHERE g.relationship_id = rel AND g.type = 'gdap'),
    role_count = (SELECT count(DISTINCT rg.role_id) FROM role_grants rg WHERE rg.relationship_id = rel AND rg.ended_at IS NULL),
    top_role_rank = coalesce((SELECT max(directory_role_rank(rg.role_id)) FROM role_grants rg WHERE rg.relationship_id = rel AND rg.ended_at IS NULL), 0)
  WHERE r.id = rel;
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION relationship_summary_sync() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM relationship_summary_refresh(OLD.relationship_id);
  ELSE
    PERFORM relationship_summary_refresh(NEW.relationship_id);
    IF TG_OP = 'UPDATE' AND OLD.relationship_id IS DISTINCT FROM NEW.relationship_id THEN
      PERFORM relationship_summary_refresh(OLD.relationship_id);
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER relationship_types_summary_sync
  AFTER INSERT OR UPDATE OR DELETE ON relationship_types
  FOR EACH ROW EXECUTE FUNCTION relationship_summary_sync();
--> statement-breakpoint
CREATE TRIGGER role_grants_summary_sync
  AFTER INSERT OR UPDATE OR DELETE ON role_grants
  FOR EACH ROW EXECUTE FUNCTION relationship_summary_sync();
--> statement-breakpoint
-- The names of both organizations, copied when a relationship is written and whenever one is renamed.
CREATE OR REPLACE FUNCTION relationship_names_fill() RETURNS trigger AS $$
BEGIN
  NEW.partner_name := coalesce((SELECT o.name FROM organizations o WHERE o.id = NEW.partner_organization_id), '');
  NEW.customer_name := coalesce((SELECT o.name FROM organizations o WHERE o.id = NEW.customer_organization_id), '');
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER relationships_names_fill
  BEFORE INSERT OR UPDATE OF partner_organization_id, customer_organization_id, partner_name, customer_name ON relationships
  FOR EACH ROW EXECUTE FUNCTION relationship_names_fill();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION organization_name_sync() RETURNS trigger AS $$
BEGIN
  UPDATE relationships SET partner_name = NEW.name WHERE partner_organization_id = NEW.id;
  UPDATE relationships SET customer_name = NEW.name WHERE customer_organization_id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER organizations_name_sync
  AFTER UPDATE OF name ON organizations
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION organization_name_sync();
--> statement-breakpoint
-- Existing relationships: names, then the summary of each.
UPDATE relationships SET partner_name = partner_name;
--> statement-breakpoint
SELECT relationship_summary_refresh(id) FROM relationships;
