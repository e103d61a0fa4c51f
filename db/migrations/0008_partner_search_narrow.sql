-- The search document replaces the separate vector and filter columns (and their four indexes):
-- rows about a third the size, so more of the table stays in the database's cache.
CREATE OR REPLACE FUNCTION partner_search_sync() RETURNS trigger AS $$
BEGIN
  INSERT INTO partner_search (profile_id, name, rating_tenths, document)
  VALUES (NEW.id, NEW.name, NEW.rating_tenths,
    partner_search_document(NEW.search_vector, NEW.countries, NEW.cities, NEW.sizes_served))
  ON CONFLICT (profile_id) DO UPDATE SET
    name = EXCLUDED.name,
    rating_tenths = EXCLUDED.rating_tenths,
    document = EXCLUDED.document;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP INDEX "partner_search_vector_idx";--> statement-breakpoint
DROP INDEX "partner_search_countries_idx";--> statement-breakpoint
DROP INDEX "partner_search_cities_idx";--> statement-breakpoint
DROP INDEX "partner_search_sizes_idx";--> statement-breakpoint
ALTER TABLE "partner_search" DROP COLUMN "countries";--> statement-breakpoint
ALTER TABLE "partner_search" DROP COLUMN "cities";--> statement-breakpoint
ALTER TABLE "partner_search" DROP COLUMN "sizes_served";--> statement-breakpoint
ALTER TABLE "partner_search" DROP COLUMN "search_vector";
--> statement-breakpoint
-- Rewrites the table without the dropped columns (in rating order, as listings read it) and refreshes its statistics.
CLUSTER "partner_search" USING "partner_search_listing_idx";--> statement-breakpoint
ANALYZE "partner_search";
