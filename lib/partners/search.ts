import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type DbOrTx } from "@/db/client";
import type { ProfileLocation } from "@/db/schema";
import { isCountryCode, isSizeBand } from "./catalog";

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
  for (const s of query.sel ?? []) params.append("sel", s);
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}

export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  const words = q.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").split(/[^a-z0-9]+/);
  return [...new Set(words.filter((w) => w.length >= 2 && w.length <= 40))].slice(0, MAX_TERMS);
}

/** How many known words a keyword that is not itself a known word may stand for ("micro" → microsoft, …). */
const MAX_COMPLETIONS = 5;

interface TermInfo {
  /** A stop word ("it", "the"): dropped from the query. */
  stop: boolean;
  /** Known words the keyword stands for besides itself (none for a known word). */
  alternatives: string[];
}

/**
 * What each keyword stands for, kept for a few minutes per process: the same words are searched
 * again and again, and the answer changes only when new words join the vocabulary. A stale entry
 * is harmless: every keyword always matches itself, so a word that has since become known still
 * finds its partners (with at most a few extra alternatives until the entry expires).
 */
const TERM_TTL_MS = 5 * 60_000;
const TERM_CACHE_LIMIT = 10_000;
const termCache = new Map<string, { info: TermInfo; expires: number }>();

/** Forgets what keywords stood for: after the vocabulary changes, and between tests. */
export function clearSearchTermCache(): void {
  termCache.clear();
}

async function lookUpTerms(db: DbOrTx, terms: string[]): Promise<Map<string, TermInfo>> {
  const now = Date.now();
  const found = new Map<string, TermInfo>();
  const missing: string[] = [];
  for (const term of terms) {
    const cached = termCache.get(term);
    if (cached && cached.expires > now) found.set(term, cached.info);
    else missing.push(term);
  }
  if (missing.length === 0) return found;
  const rows = await queryRows<{ term: string; stop: boolean; alternatives: string[] | null }>(
    db,
    sql`select t.term,
          numnode(to_tsquery('english', t.term)) = 0 as stop,
          case when not exists (select 1 from search_vocabulary v where v.word = t.term) then array(
            (select v.word from search_vocabulary v
              where v.word like t.term || '%' order by length(v.word), v.word limit ${MAX_COMPLETIONS})
            union
            (select v.word from search_vocabulary v
              where length(t.term) >= 4 and v.word % t.term
              order by similarity(v.word, t.term) desc, v.word limit 1)
          ) end as alternatives
        from unnest(string_to_array(${missing.join(" ")}, ' ')) as t(term)`,
  );
  if (termCache.size + rows.length > TERM_CACHE_LIMIT) termCache.clear();
  for (const row of rows) {
    const info: TermInfo = {
      stop: row.stop,
      alternatives: (row.alternatives ?? []).map((w) => w.replace(/[^a-z0-9]/g, "")).filter((w) => w && w !== row.term),
    };
    found.set(row.term, info);
    termCache.set(row.term, { info, expires: now + TERM_TTL_MS });
  }
  return found;
}

/**
 * Builds the full-text query: every keyword must match. A keyword the directory uses matches its
 * own stem; one it never uses stands for the known words it begins ("sharep" → sharepoint) and
 * its nearest known word by trigram similarity ("secruity" → security). Stop words ("it", "the")
 * are dropped, as Postgres would drop them, and never "corrected". Every alternative is an exact
 * lexeme: prefix lexemes (`:*`) make the GIN index gather whole ranges of posting lists, several
 * times the cost of looking up a few words.
 */
export async function buildTsQuery(db: DbOrTx, terms: string[]): Promise<string | null> {
  if (terms.length === 0) return null;
  const info = await lookUpTerms(db, terms);
  const parts = terms.flatMap((term) => {
    const known = info.get(term);
    if (known?.stop) return [];
    const unique = [...new Set([term, ...(known?.alternatives ?? [])])].sort();
    return [unique.length > 1 ? `(${unique.join(" | ")})` : term];
  });
  return parts.length > 0 ? parts.join(" & ") : null;
}

/** A lexeme in tsquery syntax: quoted, with quotes and backslashes doubled. */
function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/** The filter lexemes of a query (see partner_search_document in migration 0007), as one tsquery; null without filters. */
export function filterTsQuery(query: Pick<DirectoryQuery, "location" | "city" | "size">): string | null {
  const lexemes = [
    query.location && `c:${query.location}`,
    query.city && `t:${query.city.toLowerCase()}`,
    query.size && `s:${query.size}`,
  ].filter((l): l is string => Boolean(l));
  return lexemes.length > 0 ? lexemes.map(quoteLexeme).join(" & ") : null;
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
}

export interface DirectoryPage {
  /** Matches, counted up to MAX_RESULTS + 1; `capped` says there are more than MAX_RESULTS. */
  total: number;
  capped: boolean;
  page: number;
  pageCount: number;
  results: DirectoryResult[];
}

/**
 * One GIN index on partner_search.document answers keywords and filters together; the listing
 * b-tree serves searches without keywords in rating order. Only the page of results shown joins
 * back to the wide profile rows. A keyword search is two statements (the typo lookup, then the
 * page with its count); a listing is one.
 */
export async function searchDirectory(db: DbOrTx, query: DirectoryQuery): Promise<DirectoryPage> {
  const keywords = await buildTsQuery(db, searchTerms(query.q));
  const filters = filterTsQuery(query);
  const match =
    keywords && filters
      ? sql`s.document @@ (to_tsquery('english', ${keywords}) && ${filters}::tsquery)`
      : keywords
        ? sql`s.document @@ to_tsquery('english', ${keywords})`
        : filters
          ? sql`s.document @@ ${filters}::tsquery`
          : null;
  const where = match ? sql`where ${match}` : sql``;
  const offset = (query.page - 1) * PAGE_SIZE;
  const countMatches = sql`select count(*)::int from (select 1 from partner_search s ${where} limit ${MAX_RESULTS + 1}) m`;

  // With keywords, the best-rated MAX_RESULTS + 1 matches are the candidates: they are counted
  // (which also says whether there are more) and ranked by relevance. Without keywords the order
  // is the listing index's own: the page is read straight from it, and counted in the same statement.
  const hits = keywords
    ? sql`select c.profile_id, ts_rank(d.document, to_tsquery('english', ${keywords})) as rank, c.rating_tenths, c.name,
            count(*) over ()::int as found
          from (
            select s.ctid as row_id, s.profile_id, s.rating_tenths, s.name
            from partner_search s
            ${where}
            order by s.rating_tenths desc nulls last, s.name, s.profile_id
            limit ${MAX_RESULTS + 1}
          ) c
          join partner_search d on d.ctid = c.row_id
          order by rank desc, c.rating_tenths desc nulls last, c.name, c.profile_id
          limit ${PAGE_SIZE} offset ${offset}`
    : sql`select s.profile_id, 0::real as rank, s.rating_tenths, s.name, (${countMatches}) as found
          from partner_search s
          ${where}
          order by s.rating_tenths desc nulls last, s.name, s.profile_id
          limit ${PAGE_SIZE} offset ${offset}`;
  const rows = await queryRows<{
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
    found: number;
  }>(
    db,
    sql`select p.id, p.organization_id, p.slug, p.name, p.headline, p.locations, p.sizes_served, p.services,
          p.certifications, p.rating_tenths, hit.found
        from (${hits}) hit
        join partner_profiles p on p.id = hit.profile_id
        order by hit.rank desc, hit.rating_tenths desc nulls last, hit.name, hit.profile_id`,
  );
  // A page past the end has no rows to carry the count: count apart.
  const counted = rows[0]?.found ?? (await queryRows<{ n: number }>(db, sql`select (${countMatches}) as n`))[0]?.n ?? 0;
  const capped = counted > MAX_RESULTS;
  const total = Math.min(counted, MAX_RESULTS);
  return {
    total,
    capped,
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
    })),
  };
}

/** Adds the words of every profile to the vocabulary that typo tolerance draws on. */
export async function refreshSearchVocabulary(db: DbOrTx): Promise<void> {
  clearSearchTermCache();
  await db.execute(sql`
    insert into search_vocabulary (word)
    select distinct w
    from partner_profiles p,
      regexp_split_to_table(lower(p.name || ' ' || p.keywords || ' ' || p.headline), '[^a-z0-9]+') as w
    where length(w) >= 3
    on conflict do nothing`);
}

/** A database seeded before the vocabulary existed gets it once, at start. */
export async function fillEmptySearchVocabulary(db: DbOrTx): Promise<void> {
  const [row] = await queryRows<{ empty: boolean }>(db, sql`select not exists (select 1 from search_vocabulary) as empty`);
  if (row?.empty) await refreshSearchVocabulary(db);
}
