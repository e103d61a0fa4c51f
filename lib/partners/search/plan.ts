import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/client";
import { MAX_RESULTS, type TermOptions } from "./query";

/**
 * How common lexemes are in partner_search.document, from the database's own statistics
 * (pg_stats, most common elements). Null until the table has been analyzed.
 */
export interface LexemeStats {
  rows: number;
  frequency: Map<string, number>;
  /** For a lexeme the statistics do not list: half the least common listed one's, as Postgres assumes. */
  rare: number;
}

/** One row of pg_stats for partner_search.document, with the table's row estimate. */
export interface LexemeStatsRow {
  elems: string[] | null;
  freqs: number[] | null;
  rows: number | null;
}

/** The statistics in a pg_stats row; null for a table never analyzed (or analyzed while empty). */
export function lexemeStatsFrom(row: LexemeStatsRow | undefined): LexemeStats | null {
  const elems = row?.elems ?? [];
  const freqs = row?.freqs ?? [];
  const rows = Number(row?.rows ?? 0);
  if (elems.length === 0 || freqs.length < elems.length || !(rows > 0)) return null;
  const frequency = new Map(elems.map((lexeme, i) => [lexeme, freqs[i] as number]));
  // pg_stats appends the minimum, maximum and null frequencies after the elements' own.
  return { rows, frequency, rare: Math.min(...freqs.slice(0, elems.length)) / 2 };
}

/**
 * The statistics change only when the table is analyzed, so each process reads them once every few
 * minutes; their absence is remembered as well, or a directory never analyzed would read them on
 * every search.
 */
const STATS_TTL_MS = 5 * 60_000;
let cached: { stats: LexemeStats | null; expires: number } | null = null;

export function forgetLexemeStats(): void {
  cached = null;
}

export async function readLexemeStats(db: DbOrTx): Promise<LexemeStats | null> {
  const now = Date.now();
  if (cached && cached.expires > now) return cached.stats;
  const [row] = await queryRows<LexemeStatsRow>(
    db,
    sql`select s.most_common_elems::text::text[] as elems, s.most_common_elem_freqs::float8[] as freqs,
          (select c.reltuples::float8 from pg_class c where c.oid = 'partner_search'::regclass) as rows
        from pg_stats s
        where s.schemaname = current_schema() and s.tablename = 'partner_search' and s.attname = 'document'`,
  );
  cached = { stats: lexemeStatsFrom(row), expires: now + STATS_TTL_MS };
  return cached.stats;
}

/** The share of profiles whose document holds a lexeme. */
const lexemeShare = (stats: LexemeStats, lexeme: string) => stats.frequency.get(lexeme) ?? stats.rare;

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

/** Country and size lexemes have partial listing indexes (every catalog country and band has one). */
const hasListingIndex = (lexeme: string) => lexeme.startsWith("c:") || lexeme.startsWith("s:");

/** What reading one match from the GIN index costs, in rows of a walk (measured at 100,000 profiles). */
const BITMAP_ROW_COST = 2.5;

/**
 * Chooses between the walk and the bitmap. The walk reads rows / matches × (MAX_RESULTS + 1) rows
 * of its index; the bitmap reads every match. Postgres's own costing prefers the walk far too long
 * (the table is stored in listing order, so the walk looks sequential) and does not see that a
 * country's partial index holds only that country's rows, so the app decides whenever the table
 * has statistics.
 */
export function planCandidates(stats: LexemeStats | null, keywords: TermOptions[], filters: string[]): CandidatePlan {
  const estimated = estimateMatches(stats, keywords, filters);
  if (!stats || estimated === null) return { kind: "planner" };
  const p = (lexeme: string) => lexemeShare(stats, lexeme);
  const via = filters.filter(hasListingIndex).sort((a, b) => p(a) - p(b))[0] ?? null;
  const indexRows = via ? p(via) * stats.rows : stats.rows;
  const matches = Math.max(estimated, 1);
  return BITMAP_ROW_COST * matches < (indexRows / matches) * (MAX_RESULTS + 1) ? { kind: "bitmap" } : { kind: "walk", via };
}

/**
 * The plan a search runs: a search for everything reads the whole listing in order; otherwise the
 * app's choice, unless the caller forces one (tests and the bench compare the two).
 */
export function choosePlan(
  stats: LexemeStats | null,
  keywords: TermOptions[],
  filters: string[],
  forced?: "walk" | "bitmap",
): CandidatePlan {
  if (keywords.length === 0 && filters.length === 0) return { kind: "walk", via: null };
  if (forced === "bitmap") return { kind: "bitmap" };
  const chosen = planCandidates(stats, keywords, filters);
  if (forced === "walk" && chosen.kind !== "walk") return { kind: "walk", via: filters.find(hasListingIndex) ?? null };
  return chosen;
}
