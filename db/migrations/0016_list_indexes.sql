-- Every invitation event names its invitation's type in its details since it was first recorded; older ones
-- take it from their invitation here, so the Activity type filter reads the details alone (audit_events_org_type_idx).
UPDATE "audit_events" AS "e" SET "details" = "e"."details" || jsonb_build_object('type', "i"."type"::text)
FROM "invitations" AS "i"
WHERE "e"."target_type" = 'invitation' AND "i"."id"::text = "e"."target_id" AND NOT ("e"."details" ? 'type');--> statement-breakpoint
DROP INDEX "audit_events_org_idx";--> statement-breakpoint
DROP INDEX "contact_recipients_partner_idx";--> statement-breakpoint
DROP INDEX "invitations_partner_idx";--> statement-breakpoint
CREATE INDEX "audit_events_org_type_idx" ON "audit_events" USING btree ("organization_id",(coalesce("details" ->> 'type', case when "action" like 'gdap.%' then 'gdap' when "action" like 'mpsa.%' then 'mpsa' end)),"occurred_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_org_kind_idx" ON "audit_events" USING btree ("organization_id",(split_part("action", '.', 1)),"occurred_at","id");--> statement-breakpoint
CREATE INDEX "contact_recipients_partner_status_idx" ON "contact_request_recipients" USING btree ("partner_organization_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "contact_recipients_id_text_idx" ON "contact_request_recipients" USING btree (("id"::text));--> statement-breakpoint
CREATE INDEX "contact_requests_search_trgm_idx" ON "contact_requests" USING gin (("company" || ' ' || "name" || ' ' || "email") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "invitations_partner_status_idx" ON "invitations" USING btree ("partner_organization_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "invitations_partner_expires_idx" ON "invitations" USING btree ("partner_organization_id","expires_at","id");--> statement-breakpoint
CREATE INDEX "invitations_email_trgm_idx" ON "invitations" USING gin ("customer_email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "invitations_contact_recipient_idx" ON "invitations" USING btree ("contact_recipient_id");--> statement-breakpoint
CREATE INDEX "invitations_id_text_idx" ON "invitations" USING btree (("id"::text));--> statement-breakpoint
CREATE INDEX "audit_events_org_idx" ON "audit_events" USING btree ("organization_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "contact_recipients_partner_idx" ON "contact_request_recipients" USING btree ("partner_organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "invitations_partner_idx" ON "invitations" USING btree ("partner_organization_id","created_at","id");