ALTER TABLE "invitations" ADD COLUMN "token_salt" text NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_idempotency_key_unique" UNIQUE("idempotency_key");