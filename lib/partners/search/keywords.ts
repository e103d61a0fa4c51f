import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/client";
import { forgetLexemeStats } from "./plan";
import type { TermOptions } from "./query";

/** How many known words a keyword that is not itself a known word may stand for ("micro" → microsoft, …). */
const MAX_COMPLETIONS = 5;

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
  forgetLexemeStats();
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
