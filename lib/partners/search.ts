import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { queryNamedRows, queryRows, type DbOrTx } from "@/db/client";
import { listingPredicate, type ProfileLocation } from "@/db/schema";
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
/** Pages of results whose statements stay prepared (see searchDirectory). */
const NAMED_PAGES = 5;
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

/**
 * What a keyword matches: any one of its options, each a set of lexemes that must all be present
 * (in practice one stem). The first option is the keyword's own stem; the others are known words it
 * may stand for. No options: a stop word ("it", "the"), dropped from the query as Postgres would.
 */
type TermOptions = string[][];

/**
 * What each keyword stands for, kept for a few minutes per process: the same words are searched
 * again and again, and the answer changes only when new words join the vocabulary. A stale entry
 * is harmless: every keyword always matches itself, so a word that has since become known still
 * finds its partners (with at most a few extra alternatives until the entry expires).
 */
const TERM_TTL_MS = 5 * 60_000;
const TERM_CACHE_LIMIT = 10_000;
const termCache = new Map<string, { options: TermOptions; expires: number }>();

/** Forgets what keywords stood for and how common words are: after the vocabulary changes, and between tests. */
export function clearSearchTermCache(): void {
  termCache.clear();
  lexemeStats = null;
}

/** Space-separated lexemes as a list (the lexemes of one word never contain spaces). */
const lexemesOf = (text: string | null): string[] => (text ? text.split(" ").filter(Boolean) : []);

async function lookUpTerms(db: DbOrTx, terms: string[]): Promise<Map<string, TermOptions>> {
  const now = Date.now();
  const found = new Map<string, TermOptions>();
  const missing: string[] = [];
  for (const term of terms) {
    const cached = termCache.get(term);
    if (cached && cached.expires > now) found.set(term, cached.options);
    else missing.push(term);
  }
  if (missing.length === 0) return found;
  // Stems come from the configuration the profiles' search vectors use ('english').
  const rows = await queryRows<{ term: string; stem: string | null; alternatives: string[] | null }>(
    db,
    sql`select t.term,
          array_to_string(tsvector_to_array(to_tsvector('english', t.term)), ' ') as stem,
          case when not exists (select 1 from search_vocabulary v where v.word = t.term) then array(
            select array_to_string(tsvector_to_array(to_tsvector('english', a.word)), ' ')
            from (
              (select v.word from search_vocabulary v
                where v.word like t.term || '%' order by length(v.word), v.word limit ${MAX_COMPLETIONS})
              union
              (select v.word from search_vocabulary v
                where length(t.term) >= 4 and v.word % t.term
                order by similarity(v.word, t.term) desc, v.word limit 1)
            ) a
          ) end as alternatives
        from unnest(string_to_array(${missing.join(" ")}, ' ')) as t(term)`,
  );
  if (termCache.size + rows.length > TERM_CACHE_LIMIT) termCache.clear();
  for (const row of rows) {
    const own = lexemesOf(row.stem);
    const options: TermOptions = [];
    if (own.length > 0) {
      const seen = new Set([own.join(" ")]);
      options.push(own);
      for (const alternative of row.alternatives ?? []) {
        const lexemes = lexemesOf(alternative);
        const key = lexemes.join(" ");
        if (lexemes.length > 0 && !seen.has(key)) {
          seen.add(key);
          options.push(lexemes);
        }
      }
    }
    found.set(row.term, options);
    termCache.set(row.term, { options, expires: now + TERM_TTL_MS });
  }
  return found;
}

/**
 * What the keywords stand for, in order: each keyword the directory uses matches its own stem; one
 * it never uses also matches the known words it begins ("sharep" → sharepoint) and its nearest known
 * word by trigram similarity ("secruity" → security). Stop words are dropped and never "corrected".
 * Every alternative is an exact lexeme: prefix lexemes (`:*`) make the GIN index gather whole ranges
 * of posting lists, several times the cost of looking up a few words.
 */
export async function resolveKeywords(db: DbOrTx, terms: string[]): Promise<TermOptions[]> {
  if (terms.length === 0) return [];
  const info = await lookUpTerms(db, terms);
  return terms.map((term) => info.get(term) ?? [[term]]).filter((options) => options.length > 0);
}

/** A lexeme in tsquery syntax: quoted, with quotes and backslashes doubled. */
function quoteLexeme(lexeme: string): string {
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

/** The filter lexemes of a query (see partner_search_document in migration 0007). */
export function filterLexemes(query: Pick<DirectoryQuery, "location" | "city" | "size">): string[] {
  return [
    query.location && `c:${query.location}`,
    query.city && `t:${query.city.toLowerCase()}`,
    query.size && `s:${query.size}`,
  ].filter((l): l is string => Boolean(l));
}

/**
 * How common lexemes are in partner_search.document, from the database's own statistics
 * (pg_stats, most common elements), read once every few minutes per process. Null until the
 * table has been analyzed.
 */
export interface LexemeStats {
  rows: number;
  frequency: Map<string, number>;
  /** For a lexeme the statistics do not list: half the least common listed one's, as Postgres assumes. */
  rare: number;
}
/** The share of profiles whose document holds a lexeme. */
const lexemeShare = (stats: LexemeStats, lexeme: string) => stats.frequency.get(lexeme) ?? stats.rare;

const STATS_TTL_MS = 5 * 60_000;
/** The statistics last read, or their absence (a table never analyzed), until `expires`. */
let lexemeStats: { stats: LexemeStats | null; expires: number } | null = null;

async function readLexemeStats(db: DbOrTx): Promise<LexemeStats | null> {
  const now = Date.now();
  if (lexemeStats && lexemeStats.expires > now) return lexemeStats.stats;
  const [row] = await queryRows<{ elems: string[] | null; freqs: number[] | null; rows: number | null }>(
    db,
    sql`select s.most_common_elems::text::text[] as elems, s.most_common_elem_freqs::float8[] as freqs,
          (select c.reltuples::float8 from pg_class c where c.oid = 'partner_search'::regclass) as rows
        from pg_stats s
        where s.schemaname = current_schema() and s.tablename = 'partner_search' and s.attname = 'document'`,
  );
  const elems = row?.elems ?? [];
  const freqs = row?.freqs ?? [];
  const rows = Number(row?.rows ?? 0);
  if (elems.length === 0 || freqs.length < elems.length || !(rows > 0)) {
    lexemeStats = { stats: null, expires: now + STATS_TTL_MS };
    return null;
  }
  const frequency = new Map(elems.map((lexeme, i) => [lexeme, freqs[i] as number]));
  const rare = Math.min(...freqs.slice(0, elems.length)) / 2;
  lexemeStats = { stats: { rows, frequency, rare }, expires: now + STATS_TTL_MS };
  return lexemeStats.stats;
}

/**
 * The expected number of matches of keywords and filters; null without statistics. Neither the
 * keywords nor the filters are independent: partners offering "cloud" often offer "migration" too,
 * and a city lies in one country. So, from the rarest up, each further keyword counts with half the
 * weight of the one before (its frequency's square root, fourth root, …), a city stands in for its
 * country, and the size band multiplies.
 */
export function estimateMatches(stats: LexemeStats | null, keywords: TermOptions[], filters: string[]): number | null {
  if (!stats) return null;
  const p = (lexeme: string) => lexemeShare(stats, lexeme);
  const keyword = (options: TermOptions) => 1 - options.reduce((none, lexemes) => none * (1 - lexemes.reduce((all, lexeme) => all * p(lexeme), 1)), 1);
  const words = keywords
    .map(keyword)
    .sort((a, b) => a - b)
    .reduce((acc, share, i) => acc * share ** (1 / 2 ** i), 1);
  const city = filters.find((lexeme) => lexeme.startsWith("t:"));
  const places = filters.filter((lexeme) => lexeme.startsWith("t:") || lexeme.startsWith("c:"));
  const place = city ? Math.min(...places.map(p)) : places.reduce((acc, lexeme) => acc * p(lexeme), 1);
  const others = filters.filter((lexeme) => !places.includes(lexeme)).reduce((acc, lexeme) => acc * p(lexeme), 1);
  return words * place * others * stats.rows;
}

/**
 * How a search finds its best-rated candidates.
 * - `walk`: in rating order down a listing index until enough match. Every country and size band
 *   has its own partial listing index (migration 0009), so a search in one walks only that
 *   filter's rows (`via`, the rarer of its country and size); without either it walks them all.
 * - `bitmap`: every match read from the GIN index, then sorted.
 * - `planner`: no statistics to decide with; Postgres chooses.
 */
export type CandidatePlan = { kind: "walk"; via: string | null } | { kind: "bitmap" } | { kind: "planner" };

/**
 * Chooses between the walk and the bitmap. The walk reads rows / matches × MAX_RESULTS rows of its
 * index; the bitmap reads every match, each costing about 2.5 rows of the walk (measured at 100,000
 * profiles). Postgres's own costing prefers the walk far too long (the table is stored in listing
 * order, so the walk looks sequential) and does not see that a country's partial index holds only
 * that country's rows, so the app decides whenever the table has statistics.
 */
export function planCandidates(stats: LexemeStats | null, keywords: TermOptions[], filters: string[]): CandidatePlan {
  const estimated = estimateMatches(stats, keywords, filters);
  if (!stats || estimated === null) return { kind: "planner" };
  const p = (lexeme: string) => lexemeShare(stats, lexeme);
  const via = filters.filter(hasListingIndex).sort((a, b) => p(a) - p(b))[0] ?? null;
  const indexRows = via ? p(via) * stats.rows : stats.rows;
  const matches = Math.max(estimated, 1);
  return 2.5 * matches < (indexRows / matches) * (MAX_RESULTS + 1) ? { kind: "bitmap" } : { kind: "walk", via };
}

/** Country and size lexemes have partial listing indexes (every catalog country and band has one). */
const hasListingIndex = (lexeme: string) => lexeme.startsWith("c:") || lexeme.startsWith("s:");

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
  const resolved = await resolveKeywords(db, searchTerms(query.q));
  const keywords = keywordTsQuery(resolved);
  const filters = filterLexemes(query);
  const parts = [keywords, ...filters.map(quoteLexeme)].filter((part): part is string => Boolean(part));
  const tsquery = parts.join(" & ");
  const stats = tsquery ? await readLexemeStats(db) : null;
  const chosen: CandidatePlan = tsquery ? planCandidates(stats, resolved, filters) : { kind: "walk", via: null };
  const plan: CandidatePlan =
    options.plan === "bitmap" && tsquery
      ? { kind: "bitmap" }
      : options.plan === "walk" && chosen.kind !== "walk"
        ? { kind: "walk", via: filters.filter(hasListingIndex)[0] ?? null }
        : chosen;
  const match = (text: string) => sql`s.document @@ ${text}::tsquery`;
  let where = sql``;
  if (plan.kind === "bitmap") {
    where = sql`where ${match(tsquery)}`;
  } else if (plan.kind === "planner") {
    // Each filter apart, so that Postgres can prove a partial listing index applies.
    where = sql`where ${sql.join(parts.map(match), sql` and `)}`;
  } else if (tsquery) {
    // The walk: the clause of its partial index written as the index's predicate reads (a constant, so
    // that a statement's reused plan still uses it), the rest as a function call, which no index
    // serves, so that Postgres walks rather than reading matches from GIN.
    const rest = parts.filter((part) => !plan.via || part !== quoteLexeme(plan.via)).join(" & ");
    const clauses = [plan.via && sql`s.document @@ ${sql.raw(listingPredicate(plan.via))}`, rest && sql`ts_match_vq(s.document, ${rest}::tsquery)`].filter(
      (clause): clause is SQL => Boolean(clause),
    );
    where = sql`where ${sql.join(clauses, sql` and `)}`;
  }
  // The statement's text depends only on the search's shape (its words are parameters), so it runs
  // as a named statement that Postgres parses once per connection and can plan once: the shape
  // already decides how candidates are found. The limits are numbers in the text, so that such a
  // plan fits every search of its shape. With keywords the offset only pages through the 201 ranked
  // candidates and is a parameter; without, it decides how far the listing is read, so it is a
  // number in the text too (a validated integer) and only first pages are named (see `run`).
  const CANDIDATES = sql.raw(String(MAX_RESULTS + 1));
  const PAGE = sql.raw(String(PAGE_SIZE));
  const skipped = (query.page - 1) * PAGE_SIZE;
  const offset = keywords ? sql`${skipped}` : sql.raw(String(skipped));
  // `rating_tenths + 0` sorts the same but is not a listing index's order, so Postgres reads the
  // matches from the GIN index instead of walking a listing.
  const listingOrder =
    plan.kind === "bitmap" ? sql`(s.rating_tenths + 0) desc nulls last, s.name, s.profile_id` : sql`s.rating_tenths desc nulls last, s.name, s.profile_id`;
  const countMatches =
    tsquery && plan.kind === "walk"
      ? sql`select count(*)::int from (select 1 from partner_search s ${where} order by ${listingOrder} limit ${CANDIDATES}) m`
      : sql`select count(*)::int from (select 1 from partner_search s ${where} limit ${CANDIDATES}) m`;

  // With keywords, the best-rated MAX_RESULTS + 1 matches are the candidates: they are counted
  // (which also says whether there are more) and ranked by relevance. A walk ranks them as it finds
  // them; the bitmap sorts every match first, so it sorts them without their documents and fetches
  // the candidates' documents again by row id to rank them.
  const candidates =
    plan.kind === "bitmap"
      ? sql`select c.profile_id, ts_rank(d.document, ${keywords}::tsquery) as rank, c.rating_tenths, c.name
            from (
              select s.ctid as row_id, s.profile_id, s.rating_tenths, s.name
              from partner_search s
              ${where}
              order by ${listingOrder}
              limit ${CANDIDATES}
            ) c
            join partner_search d on d.ctid = c.row_id`
      : sql`select s.profile_id, ts_rank(s.document, ${keywords}::tsquery) as rank, s.rating_tenths, s.name
            from partner_search s
            ${where}
            order by ${listingOrder}
            limit ${CANDIDATES}`;
  // Without keywords the order is the listing index's own: the page is read straight from it, and
  // counted in the same statement.
  const hits = keywords
    ? sql`select c.profile_id, c.rank, c.rating_tenths, c.name, count(*) over ()::int as found
          from (${candidates}) c
          order by c.rank desc, c.rating_tenths desc nulls last, c.name, c.profile_id
          limit ${PAGE} offset ${offset}`
    : sql`select s.profile_id, 0::real as rank, s.rating_tenths, s.name, (${countMatches}) as found
          from partner_search s
          ${where}
          order by ${listingOrder}
          limit ${PAGE} offset ${offset}`;
  // Named: keyword searches on their first pages, and first pages without keywords. Deeper pages
  // run unnamed rather than keep a statement each on every connection, and so do searches before
  // the table has statistics (`planner`: only a plan made with the filter values at hand can use a
  // country's listing, and such a plan is not kept).
  const named = plan.kind !== "planner" && (keywords ? query.page <= NAMED_PAGES : query.page === 1);
  const run = named ? queryNamedRows : queryRows;
  // Past the cap there is nothing to show (a listing without keywords could be read further): only count.
  const rows = skipped >= MAX_RESULTS ? [] : await run<{
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
