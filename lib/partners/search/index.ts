import { queryNamedRows, queryRows, type DbOrTx } from "@/db/client";
import type { ProfileLocation } from "@/db/schema";
import { resolveCity, resolveKeywords } from "./keywords";
import { choosePlan, readLexemeStats } from "./plan";
import { correctedKeywords, filterLexemes, keywordTsQuery, MAX_RESULTS, PAGE_SIZE, searchTerms, type DirectoryPage, type DirectoryQuery } from "./query";
import { searchStatement } from "./statement";

export { clearSearchTermCache, fillEmptySearchVocabulary, refreshSearchVocabulary } from "./keywords";
export { estimateMatches, planCandidates } from "./plan";
export {
  directoryHref,
  MAX_RESULTS,
  MAX_SELECTED,
  PAGE_SIZE,
  parseDirectoryQuery,
  type DirectoryPage,
  type DirectoryQuery,
  type DirectoryResult,
  type SearchCorrection,
  type TextSegment,
} from "./query";

interface ResultRow {
  id: string;
  organization_id: string;
  slug: string;
  name: string;
  headline: string;
  locations: ProfileLocation[];
  sizes_served: string[];
  services: string[];
  certifications: string[];
  rating_tenths: number | null;
  review_count: number | null;
  found: number;
}

/**
 * One GIN index on partner_search.document answers keywords and filters together; the listing
 * b-trees (the whole directory's, and one per country and size band) give matches in rating order
 * (see planCandidates). Only the page of results shown joins back to the wide profile rows. A
 * search is one statement, the page with its count; before it, the typo lookup for keywords and the
 * lexeme statistics run when this process has not read them in the last five minutes.
 */
export async function searchDirectory(
  db: DbOrTx,
  query: DirectoryQuery,
  /** Tests and the bench compare the plans: `plan` overrides the choice. */
  options: { plan?: "walk" | "bitmap" } = {},
): Promise<DirectoryPage> {
  const [{ keywords, corrections }, city] = await Promise.all([
    resolveKeywords(db, searchTerms(query.q), query.exact),
    resolveCity(db, query.city, query.location, query.exact),
  ]);
  const filters = filterLexemes({ ...query, city: city.city });
  const stats = keywords.length > 0 || filters.length > 0 ? await readLexemeStats(db) : null;
  const plan = choosePlan(stats, keywords, filters, options.plan);
  const statement = searchStatement({ keywords: keywordTsQuery(keywords), filters, plan, page: query.page });
  const run = statement.named ? queryNamedRows : queryRows;
  const rows = statement.results ? await run<ResultRow>(db, statement.results) : [];
  const counted = rows[0]?.found ?? (await queryRows<{ n: number }>(db, statement.count))[0]?.n ?? 0;
  const total = Math.min(counted, MAX_RESULTS);
  const keywordCorrection = correctedKeywords(query.q, corrections);
  return {
    correction: keywordCorrection || city.corrected ? { keywords: keywordCorrection, city: city.corrected } : null,
    total,
    capped: counted > MAX_RESULTS,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    results: rows.map((r) => ({
      id: r.id,
      organizationId: r.organization_id,
      slug: r.slug,
      name: r.name,
      headline: r.headline,
      locations: r.locations,
      sizesServed: r.sizes_served,
      services: r.services,
      certifications: r.certifications,
      rating: r.rating_tenths === null ? null : r.rating_tenths / 10,
      reviewCount: r.review_count,
    })),
  };
}
