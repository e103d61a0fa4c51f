-- The search document: a profile's weighted search vector plus one lexeme per filter value
-- (c:<country code>, t:<lower-cased city>, s:<size band>), so that one GIN index answers the
-- keywords, the location and the size of a search together. Lexemes of words never contain ":".
CREATE OR REPLACE FUNCTION partner_search_document(vector tsvector, countries text[], cities text[], sizes text[])
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT vector || array_to_tsvector(
    array(SELECT 'c:' || x FROM unnest(countries) AS x WHERE x <> '')
    || array(SELECT 't:' || x FROM unnest(cities) AS x WHERE x <> '')
    || array(SELECT 's:' || x FROM unnest(sizes) AS x WHERE x <> ''))
$$;
--> statement-breakpoint
ALTER TABLE "partner_search" ADD COLUMN "document" "tsvector";
--> statement-breakpoint
CREATE OR REPLACE FUNCTION partner_search_sync() RETURNS trigger AS $$
BEGIN
  INSERT INTO partner_search (profile_id, name, rating_tenths, countries, cities, sizes_served, search_vector, document)
  VALUES (NEW.id, NEW.name, NEW.rating_tenths, NEW.countries, NEW.cities, NEW.sizes_served, NEW.search_vector,
    partner_search_document(NEW.search_vector, NEW.countries, NEW.cities, NEW.sizes_served))
  ON CONFLICT (profile_id) DO UPDATE SET
    name = EXCLUDED.name,
    rating_tenths = EXCLUDED.rating_tenths,
    countries = EXCLUDED.countries,
    cities = EXCLUDED.cities,
    sizes_served = EXCLUDED.sizes_served,
    search_vector = EXCLUDED.search_vector,
    document = EXCLUDED.document;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
UPDATE "partner_search" s
SET "document" = partner_search_document(p.search_vector, p.countries, p.cities, p.sizes_served)
FROM "partner_profiles" p
WHERE p.id = s.profile_id;
--> statement-breakpoint
ALTER TABLE "partner_search" ALTER COLUMN "document" SET NOT NULL;
--> statement-breakpoint
CREATE INDEX "partner_search_document_idx" ON "partner_search" USING gin ("document");
