/**
 * The `/partners` search mix the benchmark cycles through: ~60 distinct searches a customer would type,
 * weighted towards the big markets (US, GB, DE), with typos, multi-word queries, searches without
 * keywords (location and/or size only) and second pages.
 */

export interface BenchSearch {
  /** What kind of search this is, for the per-kind breakdown. */
  kind: "keyword" | "multi-word" | "typo" | "no-keyword" | "page-2";
  location?: string;
  city?: string;
  size?: string;
  q?: string;
  page?: number;
}

const S = (kind: BenchSearch["kind"], q: string | undefined, location?: string, size?: string, extra: Partial<BenchSearch> = {}): BenchSearch => ({
  kind,
  q,
  location,
  size,
  ...extra,
});

export const SEARCHES: BenchSearch[] = [
  // Common single service keywords, with a location and usually a size.
  S("keyword", "security", "US", "50-249"),
  S("keyword", "security", "GB"),
  S("keyword", "licensing", "US", "10-49"),
  S("keyword", "licensing", "DE", "250-999"),
  S("keyword", "training", "GB", "50-249"),
  S("keyword", "training", "AU"),
  S("keyword", "backup", "US", "1-9"),
  S("keyword", "backup", "FR", "50-249"),
  S("keyword", "compliance", "DE", "1000-9999"),
  S("keyword", "compliance", "US"),
  S("keyword", "sharepoint", "NL", "50-249"),
  S("keyword", "copilot", "US", "250-999"),
  S("keyword", "networking", "CA", "10-49"),
  S("keyword", "identity", "GB", "1000-9999"),
  S("keyword", "security", "US", "10000+", { city: "Seattle" }),
  S("keyword", "training", "DE", undefined, { city: "Munich" }),
  S("keyword", "backup", "GB", "50-249", { city: "London" }),
  // Multi-word: every word must match (as a prefix).
  S("multi-word", "cloud migration", "US", "250-999"),
  S("multi-word", "cloud migration", "DE"),
  S("multi-word", "teams voice", "US", "50-249"),
  S("multi-word", "teams voice", "GB", "10-49"),
  S("multi-word", "device management", "US", "1000-9999"),
  S("multi-word", "device management", "CA"),
  S("multi-word", "email migration", "AU", "50-249"),
  S("multi-word", "help desk", "US", "1-9"),
  S("multi-word", "managed it services", "GB", "10-49"),
  S("multi-word", "azure virtual desktop", "DE", "250-999"),
  S("multi-word", "power platform", "IN"),
  S("multi-word", "data governance healthcare", "US"),
  S("multi-word", "security financial services", "GB", "1000-9999"),
  S("multi-word", "cloud migration manufacturing", "DE", "250-999"),
  S("multi-word", "teams voice", "US", undefined, { city: "Chicago" }),
  // Typos: an unknown word also accepts its nearest known word (trigram similarity on the vocabulary).
  S("typo", "secruity", "US", "50-249"),
  S("typo", "secruity", "DE"),
  S("typo", "migraton", "GB", "250-999"),
  S("typo", "cloud migraton", "US"),
  S("typo", "licencing", "GB", "10-49"),
  S("typo", "licencing", "US"),
  S("typo", "complaince", "DE", "1000-9999"),
  S("typo", "complaince", "FR"),
  S("typo", "sharepiont", "US", "50-249"),
  S("typo", "trainning", "CA"),
  S("typo", "devise managment", "US", "250-999"),
  // No keywords: location and/or size only (ranked by rating, then name).
  S("no-keyword", undefined, "US"),
  S("no-keyword", undefined, "US", "50-249"),
  S("no-keyword", undefined, "GB", "10-49"),
  S("no-keyword", undefined, "DE"),
  S("no-keyword", undefined, "DE", "1000-9999"),
  S("no-keyword", undefined, "FR", "250-999"),
  S("no-keyword", undefined, "JP"),
  S("no-keyword", undefined, "AU", "1-9"),
  S("no-keyword", undefined, "US", undefined, { city: "Boston" }),
  S("no-keyword", undefined, undefined, "10000+"),
  S("no-keyword", undefined),
  // Second pages.
  S("page-2", "security", "US", undefined, { page: 2 }),
  S("page-2", "cloud migration", "GB", undefined, { page: 2 }),
  S("page-2", "licensing", "US", "50-249", { page: 2 }),
  S("page-2", undefined, "US", undefined, { page: 2 }),
  S("page-2", undefined, "DE", "50-249", { page: 2 }),
  S("page-2", "secruity", "GB", undefined, { page: 2 }),
];

/** The URL of a search, in the format the search form produces (`directoryHref`). */
export function searchPath(search: BenchSearch): string {
  const params = new URLSearchParams();
  if (search.location) params.set("location", search.location);
  if (search.city) params.set("city", search.city);
  if (search.size) params.set("size", search.size);
  if (search.q) params.set("q", search.q);
  if (search.page && search.page > 1) params.set("page", String(search.page));
  const text = params.toString();
  return text ? `/partners?${text}` : "/partners";
}

/** The searches in a fixed shuffled order, so neighbouring requests are different kinds of search. */
export function searchPaths(): string[] {
  const paths = SEARCHES.map(searchPath);
  let seed = 20240611;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = paths.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [paths[i], paths[j]] = [paths[j] as string, paths[i] as string];
  }
  return paths;
}

/** The EXPLAIN ANALYZE set: a typical keyword search, a typo across two words, a keyword-less listing, a broad keyword. */
export const EXPLAIN_SEARCHES: { label: string; search: BenchSearch }[] = [
  { label: "keyword + location + size (q=security, US, 50-249)", search: S("keyword", "security", "US", "50-249") },
  { label: "typo, two words + location (q=cloud migraton, US)", search: S("typo", "cloud migraton", "US") },
  { label: "no keyword, location only (US)", search: S("no-keyword", undefined, "US") },
  { label: "broad keyword, no filters (q=security)", search: S("keyword", "security") },
  { label: "three words + location + size (q=security financial services, GB, 1000-9999)", search: S("multi-word", "security financial services", "GB", "1000-9999") },
];
