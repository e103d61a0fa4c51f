import { notFound } from "next/navigation";

/**
 * Every page reads its address through here, before any query runs: the query string with
 * readSearchParams, dynamic path segments with readPathParams. Both come from whoever typed the
 * address, so they may hold anything a URL can encode.
 */

/** A page's query as Next.js hands it over: per key one value, several (a repeated key) or none. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** Longer than any slug, id or token in an address of ours. */
const MAX_SEGMENT = 256;

/**
 * Text Postgres can hold: no NUL (text columns and parameters refuse it, and the query fails) and no
 * lone UTF-16 surrogate (it has no UTF-8 form; drivers would send U+FFFD or fail).
 */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && value.isWellFormed();
}

/** The page's query with every value that is not storable text dropped, as if it had not been sent. */
export async function readSearchParams(searchParams: Promise<SearchParams>): Promise<SearchParams> {
  const kept: [string, string | string[]][] = [];
  for (const [key, value] of Object.entries(await searchParams)) {
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string" && isStorableText(v));
    const [only, ...more] = values;
    if (isStorableText(key) && only !== undefined) kept.push([key, more.length > 0 ? values : only]);
  }
  // Own properties only: a key named "__proto__" stays a key.
  return Object.fromEntries(kept);
}

/** The page's dynamic segments; a segment that could name nothing of ours makes the page a 404. */
export async function readPathParams<P extends Record<string, string>>(params: Promise<P>): Promise<P> {
  const values = await params;
  for (const value of Object.values(values)) if (value.length > MAX_SEGMENT || !isStorableText(value)) notFound();
  return values;
}

/** The entry a query value names in a fixed table: inherited names ("__proto__", "constructor") and repeated keys name none. */
export function entryFor<V>(table: Readonly<Record<string, V>>, key: string | string[] | undefined): V | undefined {
  return typeof key === "string" && Object.hasOwn(table, key) ? table[key] : undefined;
}
