import { z } from "zod";
import type { ProfileLocation } from "@/db/schema";
import { isCountryCode, isSizeBand } from "@/lib/partners/catalog";

/** Ten partners a page: enough to compare, and a page that renders (and reads) quickly. */
export const PAGE_SIZE = 10;
/**
 * A search ranks and pages through at most this many of its matches (the best-rated first) and
 * counts up to it ("200+ partners"): someone choosing up to ten partners to contact is better
 * served by a location, size or another keyword than by page 21, and the cost of a search stays
 * small however broad it is (a broad keyword can match a quarter of the directory).
 */
export const MAX_RESULTS = 200;
export const MAX_SELECTED = 10;
const MAX_TERMS = 8;

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,119}$/);

/** The directory query as it lives in the URL; anything unusable is dropped rather than failing the page. */
export const directoryQuerySchema = z.object({
  location: z.string().trim().toUpperCase().refine(isCountryCode).optional().catch(undefined),
  city: z.string().trim().max(80).optional().catch(undefined),
  size: z.string().refine(isSizeBand).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100).catch(1).default(1),
  /** "Search instead for …": the keywords and city exactly as typed, no typo corrected (`exact=1`). */
  exact: z.preprocess((v) => v === "1" || v === true, z.boolean()).catch(false),
  sel: z
    .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()))
    .transform((values) => [...new Set(values.filter((v) => slug.safeParse(v).success))].slice(0, 50))
    .catch([]),
});

export type DirectoryQuery = z.infer<typeof directoryQuerySchema>;

export function parseDirectoryQuery(params: Record<string, string | string[] | undefined>): DirectoryQuery {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return directoryQuerySchema.parse({
    location: first(params.location),
    city: first(params.city),
    size: first(params.size),
    q: first(params.q),
    page: first(params.page),
    exact: first(params.exact),
    sel: params.sel,
  });
}

/** The URL of a directory query; `sel` keeps the chosen partners across searches and pages. */
export function directoryHref(query: Partial<DirectoryQuery>, base = "/partners"): string {
  const params = new URLSearchParams();
  if (query.location) params.set("location", query.location);
  if (query.city) params.set("city", query.city);
  if (query.size) params.set("size", query.size);
  if (query.q) params.set("q", query.q);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  if (query.exact) params.set("exact", "1");
  for (const s of query.sel ?? []) params.append("sel", s);
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}

/** Lower case without accents, as keywords are searched. */
const normalizeWord = (word: string) => word.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");

export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  const words = normalizeWord(q).split(/[^a-z0-9]+/);
  return [...new Set(words.filter((w) => w.length >= 2 && w.length <= 40))].slice(0, MAX_TERMS);
}

/**
 * What a keyword matches: any one of its options, each a set of lexemes that must all be present
 * (in practice one stem). The first option is the keyword's own stem; the others are known words it
 * may stand for. No options: a stop word ("it", "the"), dropped from the query as Postgres would.
 */
export type TermOptions = string[][];

/** The filter lexemes of a query (see partner_search_document in migration 0007). */
export function filterLexemes(query: Pick<DirectoryQuery, "location" | "city" | "size">): string[] {
  return [
    query.location && `c:${query.location}`,
    query.city && `t:${query.city.toLowerCase()}`,
    query.size && `s:${query.size}`,
  ].filter((l): l is string => Boolean(l));
}

/** A lexeme in tsquery syntax: quoted, with quotes and backslashes doubled. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/** Every keyword must match one of its options, as tsquery text; null without keywords. */
export function keywordTsQuery(keywords: TermOptions[]): string | null {
  const parts = keywords.map((options) => {
    const alternatives = options.map((lexemes) => {
      const all = lexemes.map(quoteLexeme).join(" & ");
      return lexemes.length > 1 && options.length > 1 ? `(${all})` : all;
    });
    return alternatives.length > 1 ? `(${alternatives.join(" | ")})` : (alternatives[0] as string);
  });
  return parts.length > 0 ? parts.join(" & ") : null;
}

export interface DirectoryResult {
  id: string;
  organizationId: string;
  slug: string;
  name: string;
  headline: string;
  locations: ProfileLocation[];
  sizesServed: string[];
  services: string[];
  certifications: string[];
  rating: number | null;
  reviewCount: number | null;
}

/** A run of the keywords as shown in "Showing results for …": `corrected` marks a word put in for a typo. */
export interface TextSegment {
  text: string;
  corrected: boolean;
}

/**
 * The keywords as typed with each corrected word replaced by the word searched for
 * ("cloud migraton" → "cloud " + **migration**); null when nothing was corrected.
 */
export function correctedKeywords(q: string | undefined, corrections: ReadonlyMap<string, string>): TextSegment[] | null {
  if (!q || corrections.size === 0) return null;
  const segments: TextSegment[] = [];
  let changed = false;
  const push = (text: string, corrected: boolean) => {
    const last = segments.at(-1);
    if (last && last.corrected === corrected) last.text += text;
    else segments.push({ text, corrected });
  };
  for (const [token] of q.matchAll(/[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu)) {
    const word = corrections.get(normalizeWord(token));
    if (word !== undefined) changed = true;
    push(word ?? token, word !== undefined);
  }
  return changed ? segments : null;
}

/** What a search corrected: its keywords (see correctedKeywords) and its city ("Seatle" → "Seattle"). */
export interface SearchCorrection {
  keywords: TextSegment[] | null;
  city: string | null;
}

export interface DirectoryPage {
  /** Matches, counted up to MAX_RESULTS + 1; `capped` says there are more than MAX_RESULTS. */
  total: number;
  capped: boolean;
  page: number;
  pageCount: number;
  results: DirectoryResult[];
  /** Null when the search ran as typed. */
  correction: SearchCorrection | null;
}
