import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/client";
import { forgetLexemeStats } from "./plan";
import { quoteLexeme, type TermOptions } from "./query";

/** How many known words a keyword that is not itself a known word may stand for ("micro" → microsoft, …). */
const MAX_COMPLETIONS = 5;

/** What the vocabulary says about one keyword (see lookUpTerms). */
export interface TermInfo {
  /** The keyword's own lexemes; none for a stop word. */
  own: string[];
  /** Known words that begin with the keyword ("sharep" → sharepoint), as lexemes; only for an unknown keyword. */
  completions: string[][];
  /** The known word nearest to an unknown keyword by trigram similarity ("secruity" → security), with its lexemes. */
  nearest: { word: string; lexemes: string[] } | null;
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
const cityCache = new Map<string, { city: CityInfo; expires: number }>();

/** Forgets what keywords and cities stood for and how common words are: after the vocabulary changes, and between tests. */
export function clearSearchTermCache(): void {
  termCache.clear();
  cityCache.clear();
  forgetLexemeStats();
}

/** Space-separated lexemes as a list (the lexemes of one word never contain spaces). */
const lexemesOf = (text: string | null): string[] => (text ? text.split(" ").filter(Boolean) : []);

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
  // Stems come from the configuration the profiles' search vectors use ('english').
  const rows = await queryRows<{ term: string; stem: string | null; completions: string[] | null; nearest: string | null; nearest_stem: string | null }>(
    db,
    sql`select t.term,
          array_to_string(tsvector_to_array(to_tsvector('english', t.term)), ' ') as stem,
          k.completions, n.word as nearest,
          array_to_string(tsvector_to_array(to_tsvector('english', n.word)), ' ') as nearest_stem
        from unnest(string_to_array(${missing.join(" ")}, ' ')) as t(term)
        cross join lateral (select not exists (select 1 from search_vocabulary v where v.word = t.term) as unknown) u
        left join lateral (
          select array(
            select array_to_string(tsvector_to_array(to_tsvector('english', v.word)), ' ')
            from search_vocabulary v
            where v.word like t.term || '%' order by length(v.word), v.word limit ${MAX_COMPLETIONS}
          ) as completions
        ) k on u.unknown
        left join lateral (
          select v.word from search_vocabulary v
          where length(t.term) >= 4 and v.word % t.term
          order by similarity(v.word, t.term) desc, v.word limit 1
        ) n on u.unknown`,
  );
  if (termCache.size + rows.length > TERM_CACHE_LIMIT) termCache.clear();
  for (const row of rows) {
    const info = termInfo(row.stem, row.completions, row.nearest, row.nearest_stem);
    found.set(row.term, info);
    termCache.set(row.term, { info, expires: now + TERM_TTL_MS });
  }
  return found;
}

/** A term's info from the lookup's columns: no alternatives for a stop word, none that repeat. */
export function termInfo(stem: string | null, completions: string[] | null, nearest: string | null, nearestStem: string | null): TermInfo {
  const own = lexemesOf(stem);
  if (own.length === 0) return { own, completions: [], nearest: null };
  const seen = new Set([own.join(" ")]);
  const distinct = (lexemes: string[]) => {
    const key = lexemes.join(" ");
    if (lexemes.length === 0 || seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const completed = (completions ?? []).map(lexemesOf).filter(distinct);
  const near = lexemesOf(nearestStem);
  return { own, completions: completed, nearest: nearest && distinct(near) ? { word: nearest, lexemes: near } : null };
}

/**
 * What the keywords match, and the corrections made. Each keyword the directory uses matches its own
 * stem; one it never uses also matches the known words it begins ("sharep" → sharepoint), and one
 * that begins none is taken for a typo and also matches its nearest known word ("secruity" →
 * security), which is a correction the page names ("Showing results for security"). `exact` turns
 * corrections off ("Search instead for secruity"). Stop words are dropped and never "corrected".
 * Every alternative is an exact lexeme: prefix lexemes (`:*`) make the GIN index gather whole ranges
 * of posting lists, several times the cost of looking up a few words.
 */
export function keywordOptions(terms: string[], info: ReadonlyMap<string, TermInfo>, exact = false): { keywords: TermOptions[]; corrections: Map<string, string> } {
  const corrections = new Map<string, string>();
  const keywords: TermOptions[] = [];
  for (const term of terms) {
    const known = info.get(term) ?? { own: [term], completions: [], nearest: null };
    if (known.own.length === 0) continue;
    const options: TermOptions = [known.own, ...known.completions];
    if (known.completions.length === 0 && known.nearest && !exact) {
      options.push(known.nearest.lexemes);
      corrections.set(term, known.nearest.word);
    }
    keywords.push(options);
  }
  return { keywords, corrections };
}

export async function resolveKeywords(db: DbOrTx, terms: string[], exact = false): Promise<{ keywords: TermOptions[]; corrections: Map<string, string> }> {
  if (terms.length === 0) return { keywords: [], corrections: new Map() };
  return keywordOptions(terms, await lookUpTerms(db, terms), exact);
}

/** A city as searched: whether any partner names it, and otherwise the nearest city partners name. */
export interface CityInfo {
  known: boolean;
  nearest: { city: string; name: string } | null;
}

/**
 * The city to search for: as typed when some partner names it, otherwise, like a misspelt keyword,
 * the nearest city partners name (in the chosen country/region, if one is chosen): "Seatle" →
 * Seattle. `exact` keeps it as typed. Whether a city is known is read from the search document
 * itself, so a city is never "corrected" away from partners that name it.
 */
export async function resolveCity(
  db: DbOrTx,
  city: string | undefined,
  country: string | undefined,
  exact = false,
): Promise<{ city: string | undefined; corrected: string | null }> {
  const typed = city?.trim().toLowerCase();
  if (!typed || exact || typed.length < 3) return { city, corrected: null };
  const key = `${country ?? ""}|${typed}`;
  const now = Date.now();
  const cached = cityCache.get(key);
  let info = cached && cached.expires > now ? cached.city : undefined;
  if (!info) {
    const [row] = await queryRows<{ known: boolean; city: string | null; name: string | null }>(
      db,
      sql`select exists (select 1 from partner_search s where s.document @@ ${quoteLexeme(`t:${typed}`)}::tsquery) as known,
            n.city, n.name
          from (select 1) one
          left join lateral (
            select c.city, c.name from search_cities c
            where c.city % ${typed} and (${country ?? null}::text is null or c.country = ${country ?? null})
            order by similarity(c.city, ${typed}) desc, c.city, c.country limit 1
          ) n on true`,
    );
    info = { known: Boolean(row?.known), nearest: row?.city && row.name ? { city: row.city, name: row.name } : null };
    if (cityCache.size >= TERM_CACHE_LIMIT) cityCache.clear();
    cityCache.set(key, { city: info, expires: now + TERM_TTL_MS });
  }
  return cityChoice(city, info);
}

/** The city searched for, given what the directory knows of the typed one. */
export function cityChoice(city: string | undefined, info: CityInfo): { city: string | undefined; corrected: string | null } {
  if (info.known || !info.nearest || info.nearest.city === city?.trim().toLowerCase()) return { city, corrected: null };
  return { city: info.nearest.name, corrected: info.nearest.name };
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
  await db.execute(sql`
    insert into search_cities (country, city, name)
    select distinct on (l->>'country', lower(l->>'city')) l->>'country', lower(l->>'city'), l->>'city'
    from partner_profiles p, jsonb_array_elements(p.locations) l
    where coalesce(l->>'country', '') <> '' and coalesce(l->>'city', '') <> ''
    order by l->>'country', lower(l->>'city'), l->>'city'
    on conflict do nothing`);
}

/** A database seeded before the vocabulary existed gets it once, at start. */
export async function fillEmptySearchVocabulary(db: DbOrTx): Promise<void> {
  const [row] = await queryRows<{ empty: boolean }>(db, sql`select not exists (select 1 from search_vocabulary) or not exists (select 1 from search_cities) as empty`);
  if (row?.empty) await refreshSearchVocabulary(db);
}
