import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type DbOrTx } from "@/db/client";
import type { ProfileLocation } from "@/db/schema";
import { isCountryCode, isSizeBand } from "./catalog";

/** Ten partners a page: enough to compare, and a page that renders (and reads) quickly. */
export const PAGE_SIZE = 10;
/**
 * A search ranks and pages through at most this many of its matches (the best-rated first) and
 * counts up to it ("1,000+ partners"): past that, refining the search serves people better than
 * page 51, and the cost of a search stays bounded however broad it is.
 */
export const MAX_RESULTS = 1000;
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

/**
 * Builds the full-text query: every keyword must match (as a prefix), and a keyword the
 * directory never uses also accepts its nearest known word, so "secruity" finds security.
 * Stop words ("it", "the") are dropped, as Postgres would drop them, and never "corrected".
 */
export async function buildTsQuery(db: DbOrTx, terms: string[]): Promise<string | null> {
  if (terms.length === 0) return null;
  const rows = await queryRows<{ term: string; stop: boolean; known: boolean; nearest: string | null }>(
    db,
    sql`select t.term,
          numnode(to_tsquery('english', t.term)) = 0 as stop,
          exists (select 1 from search_vocabulary v where v.word = t.term) as known,
          case when length(t.term) >= 4 then
            (select v.word from search_vocabulary v where v.word % t.term
              order by similarity(v.word, t.term) desc, v.word limit 1)
          end as nearest
        from unnest(string_to_array(${terms.join(" ")}, ' ')) as t(term)`,
  );
  const parts = terms.flatMap((term) => {
    const row = rows.find((r) => r.term === term);
    if (row?.stop) return [];
    const nearest = row && !row.known && row.nearest && row.nearest !== term ? row.nearest.replace(/[^a-z0-9]/g, "") : "";
    return [nearest ? `(${term}:* | ${nearest}:*)` : `${term}:*`];
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
 * Filters and ranks on the narrow partner_search table (GIN indexes on the tsvector and the
 * country, city and size arrays; a b-tree for listings without keywords), then joins back only
 * the page of profiles shown.
 */
export async function searchDirectory(db: DbOrTx, query: DirectoryQuery): Promise<DirectoryPage> {
  const tsquery = await buildTsQuery(db, searchTerms(query.q));
  const filters: SQL[] = [];
  if (tsquery) filters.push(sql`s.search_vector @@ to_tsquery('english', ${tsquery})`);
  if (query.location) filters.push(sql`s.countries @> array[${query.location}]::text[]`);
  if (query.city) filters.push(sql`s.cities @> array[${query.city.toLowerCase()}]::text[]`);
  if (query.size) filters.push(sql`s.sizes_served @> array[${query.size}]::text[]`);
  const where = filters.length > 0 ? sql`where ${sql.join(filters, sql` and `)}` : sql``;
  const rank = tsquery ? sql`ts_rank(c.search_vector, to_tsquery('english', ${tsquery}))` : sql`0::real`;
  const offset = (query.page - 1) * PAGE_SIZE;

  // With keywords, one statement: the best-rated MAX_RESULTS + 1 matches are the candidates; they
  // are counted (which also says whether there are more) and ranked by relevance. Without keywords
  // the order is the listing index's own, so the page is read straight from it and counted apart.
  const candidates = sql`select s.profile_id, s.search_vector, s.rating_tenths, s.name
        from partner_search s
        ${where}
        order by s.rating_tenths desc nulls last, s.name, s.profile_id
        limit ${tsquery ? MAX_RESULTS + 1 : PAGE_SIZE} offset ${tsquery ? 0 : offset}`;
  const found = tsquery ? sql`count(*) over ()::int` : sql`null::int`;
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
    found: number | null;
  }>(
    db,
    sql`select p.id, p.organization_id, p.slug, p.name, p.headline, p.locations, p.sizes_served, p.services,
          p.certifications, p.rating_tenths, hit.found
        from (
          select c.profile_id, ${rank} as rank, c.rating_tenths, c.name, ${found} as found
          from (${candidates}) c
          order by rank desc, c.rating_tenths desc nulls last, c.name, c.profile_id
          limit ${PAGE_SIZE} offset ${tsquery ? offset : 0}
        ) hit
        join partner_profiles p on p.id = hit.profile_id
        order by hit.rank desc, hit.rating_tenths desc nulls last, hit.name, hit.profile_id`,
  );
  // Listings, and pages past the end (no rows, so no count), are counted on their own.
  const counted =
    rows[0]?.found ??
    ((await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (select 1 from partner_search s ${where} limit ${MAX_RESULTS + 1}) m`))[0]?.n ?? 0);
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
