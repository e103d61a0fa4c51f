-- The listing index again for each country/region of the catalog and each size band, each holding only
-- the rows with that filter lexeme: a search in one country walks that country's rows in rating order
-- instead of the whole directory's (see planCandidates in lib/partners/search.ts).
CREATE INDEX "partner_search_listing_c_us_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:US'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_gb_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:GB'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_de_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:DE'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_fr_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:FR'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_nl_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:NL'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_ca_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:CA'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_au_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:AU'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_in_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:IN'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_jp_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:JP'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_br_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:BR'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_mx_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:MX'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_es_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:ES'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_it_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:IT'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_se_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:SE'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_pl_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:PL'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_ie_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:IE'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_sg_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:SG'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_za_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:ZA'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_nz_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:NZ'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_ch_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:CH'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_at_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:AT'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_be_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:BE'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_dk_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:DK'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_no_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:NO'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_fi_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:FI'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_pt_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:PT'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_ae_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:AE'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_c_cz_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''c:CZ'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_s_1_9_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''s:1-9'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_s_10_49_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''s:10-49'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_s_50_249_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''s:50-249'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_s_250_999_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''s:250-999'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_s_1000_9999_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''s:1000-9999'''::tsquery;--> statement-breakpoint
CREATE INDEX "partner_search_listing_s_10000_idx" ON "partner_search" USING btree ("rating_tenths" desc nulls last,"name","profile_id") WHERE "document" @@ '''s:10000+'''::tsquery;