CREATE TYPE "public"."change_request_status" AS ENUM('pending', 'approved', 'approved_with_changes', 'declined', 'expired', 'withdrawn');--> statement-breakpoint
CREATE TABLE "change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"add_roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"ends_at" timestamp with time zone,
	"roles_before" text[] NOT NULL,
	"ends_at_before" timestamp with time zone,
	"message" text,
	"status" "change_request_status" DEFAULT 'pending' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_by_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_id" text,
	"granted_roles" text[],
	"granted_ends_at" timestamp with time zone,
	"changes" jsonb,
	"decline_reason" text
);
--> statement-breakpoint
CREATE TABLE "relationship_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"roles" text[] NOT NULL,
	"ends_at" timestamp with time zone,
	"auto_extend" boolean NOT NULL,
	"cause" text NOT NULL,
	"change_request_id" uuid,
	"created_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_versions" ADD CONSTRAINT "relationship_versions_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_versions" ADD CONSTRAINT "relationship_versions_change_request_id_change_requests_id_fk" FOREIGN KEY ("change_request_id") REFERENCES "public"."change_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_versions" ADD CONSTRAINT "relationship_versions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "change_requests_one_open_idx" ON "change_requests" USING btree ("relationship_id") WHERE "change_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "change_requests_relationship_idx" ON "change_requests" USING btree ("relationship_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "relationship_versions_relationship_version_unique" ON "relationship_versions" USING btree ("relationship_id","version");