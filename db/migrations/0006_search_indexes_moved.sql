DROP INDEX "partner_profiles_search_idx";--> statement-breakpoint
DROP INDEX "partner_profiles_keywords_trgm_idx";--> statement-breakpoint
DROP INDEX "partner_profiles_name_trgm_idx";--> statement-breakpoint
DROP INDEX "partner_profiles_countries_idx";--> statement-breakpoint
DROP INDEX "partner_profiles_cities_idx";--> statement-breakpoint
DROP INDEX "partner_profiles_sizes_idx";