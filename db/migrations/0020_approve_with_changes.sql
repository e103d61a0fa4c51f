ALTER TABLE "invitation_acceptances" ADD COLUMN "granted_roles" text[];--> statement-breakpoint
ALTER TABLE "invitation_acceptances" ADD COLUMN "ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitation_acceptances" ADD COLUMN "auto_extend" boolean;--> statement-breakpoint
ALTER TABLE "invitation_acceptances" ADD COLUMN "changes" jsonb;