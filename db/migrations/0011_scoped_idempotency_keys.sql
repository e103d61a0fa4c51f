ALTER TABLE "contact_requests" DROP CONSTRAINT "contact_requests_idempotency_key_unique";--> statement-breakpoint
ALTER TABLE "invitations" DROP CONSTRAINT "invitations_idempotency_key_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "contact_requests_idempotency_unique" ON "contact_requests" USING btree (lower("email"),"idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_idempotency_unique" ON "invitations" USING btree ("partner_organization_id","created_by_id","idempotency_key");