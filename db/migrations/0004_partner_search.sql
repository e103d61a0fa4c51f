CREATE TABLE "partner_search" (
	"profile_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"rating_tenths" integer,
	"countries" text[] NOT NULL,
	"cities" text[] NOT NULL,
	"sizes_served" text[] NOT NULL,
	"search_vector" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partner_search" ADD CONSTRAINT "partner_search_profile_id_partner_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."partner_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_search_vector_idx" ON "partner_search" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "partner_search_countries_idx" ON "partner_search" USING gin ("countries");--> statement-breakpoint
CREATE INDEX "partner_search_cities_idx" ON "partner_search" USING gin ("cities");--> statement-breakpoint
CREATE INDEX "partner_search_sizes_idx" ON "partner_search" USING gin ("sizes_served");--> statement-breakpoint
CREATE INDEX "partner_search_listing_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id");