-- Keeps partner_search in step with partner_profiles, whoever writes the profiles.
CREATE OR REPLACE FUNCTION partner_search_sync() RETURNS trigger AS $$
BEGIN
  INSERT INTO partner_search (profile_id, name, rating_tenths, countries, cities, sizes_served, search_vector)
  VALUES (NEW.id, NEW.name, NEW.rating_tenths, NEW.countries, NEW.cities, NEW.sizes_served, NEW.search_vector)
  ON CONFLICT (profile_id) DO UPDATE SET
    name = EXCLUDED.name,
    rating_tenths = EXCLUDED.rating_tenths,
    countries = EXCLUDED.countries,
    cities = EXCLUDED.cities,
    sizes_served = EXCLUDED.sizes_served,
    search_vector = EXCLUDED.search_vector;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER partner_profiles_search_sync
  AFTER INSERT OR UPDATE ON partner_profiles
  FOR EACH ROW EXECUTE FUNCTION partner_search_sync();
--> statement-breakpoint
INSERT INTO partner_search (profile_id, name, rating_tenths, countries, cities, sizes_served, search_vector)
SELECT id, name, rating_tenths, countries, cities, sizes_served, search_vector FROM partner_profiles
ON CONFLICT (profile_id) DO NOTHING;
