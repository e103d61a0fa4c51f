CREATE TABLE "organization_domains" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"verification_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verified_at" timestamp with time zone,
	"verified_by_id" text,
	CONSTRAINT "organization_domains_domain_lowercase" CHECK ("organization_domains"."domain" = lower("organization_domains"."domain"))
);
--> statement-breakpoint
ALTER TABLE "organization_domains" ADD CONSTRAINT "organization_domains_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_domains" ADD CONSTRAINT "organization_domains_verified_by_id_users_id_fk" FOREIGN KEY ("verified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organization_domains_org_domain_unique" ON "organization_domains" USING btree ("organization_id",lower("domain"));--> statement-breakpoint
CREATE UNIQUE INDEX "organization_domains_verified_unique" ON "organization_domains" USING btree (lower("domain")) WHERE "organization_domains"."verified_at" is not null;--> statement-breakpoint
CREATE INDEX "invitations_email_domain_idx" ON "invitations" USING btree (lower(split_part("customer_email", '@', 2)));--> statement-breakpoint
-- Existing domains move to organization_domains. Partner organizations and customers set up by the
-- operator (the seed, provisioning) keep routing their addresses: verified. A customer created by
-- accepting an invitation only claimed its invitee's domain: unverified, so it routes nothing until
-- the organization proves it in DNS, and the claim leaves organizations.domain.
INSERT INTO "organization_domains" ("organization_id", "domain", "verification_token", "created_at", "verified_at")
SELECT o."id",
       lower(rtrim(o."domain", '.')),
       replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''),
       o."created_at",
       CASE WHEN claimed."organization_id" IS NULL THEN now() END
FROM "organizations" o
LEFT JOIN (
  SELECT DISTINCT "organization_id" FROM "audit_events"
  WHERE "action" = 'organization.created' AND "details"->>'from' = 'invitation'
) claimed ON claimed."organization_id" = o."id"
WHERE o."domain" IS NOT NULL AND rtrim(o."domain", '.') <> '';
--> statement-breakpoint
UPDATE "organizations" o SET "domain" = NULL
WHERE o."domain" IS NOT NULL AND EXISTS (
  SELECT 1 FROM "organization_domains" d WHERE d."organization_id" = o."id" AND d."verified_at" IS NULL
);
--> statement-breakpoint
-- A pending invitation bound to an organization only through a domain it never verified goes back
-- to its addressee: bound to nobody until someone entitled answers it.
UPDATE "invitations" i SET "customer_organization_id" = NULL
WHERE i."status" = 'pending'
  AND i."customer_organization_id" IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM "memberships" m JOIN "users" u ON u."id" = m."user_id"
    WHERE m."organization_id" = i."customer_organization_id" AND lower(u."email") = lower(i."customer_email")
  )
  AND NOT EXISTS (
    SELECT 1 FROM "organization_domains" d
    WHERE d."organization_id" = i."customer_organization_id" AND d."verified_at" IS NOT NULL
      AND lower(d."domain") = lower(split_part(i."customer_email", '@', 2))
  );
