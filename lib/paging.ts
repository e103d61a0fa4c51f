import { count } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { formatNumber } from "@/lib/format";

/**
 * Paging in SQL for the signed-in lists. A list reads one page (LIMIT/OFFSET over an indexed order)
 * and counts its rows only up to a cap, so a page costs the same whether the organization has 500
 * rows or 50,000: past the cap the caption says "10,000+" instead of counting every row.
 */

/** How far a list counts before it says "N+". */
export const COUNT_CAP = 10_000;

/** How far a dashboard (admin Home, partner Overview) counts what it links to: "100+", the list says more. */
export const OVERVIEW_COUNT_CAP = 100;

/**
 * How far a search (or Activity filtered by type or kind) counts: its matches are read through a
 * trigram index (an index of one type or kind) and the rows themselves, so counting them all costs in
 * proportion to how common they are ("1,000+" instead).
 */
export const SEARCH_COUNT_CAP = 1_000;

/** The pages beyond the current one a count always reaches, so Next and the next few pages work at any depth. */
const PAGES_AHEAD = 4;

export interface CappedCount {
  /** The rows counted, at most the cap. */
  count: number;
  /** More rows exist than were counted. */
  capped: boolean;
}

/**
 * How many rows a query returns, reading at most `cap + 1` of them:
 * `select count(*) from (<rows> limit cap + 1)`. Pass the list's query without its order, limit or
 * offset, selecting as little as possible, as a dynamic select (`.$dynamic()`).
 */
export async function cappedCount(db: DbOrTx, rows: PgSelect, cap = COUNT_CAP): Promise<CappedCount> {
  const [row] = await db.select({ n: count() }).from(rows.limit(cap + 1).as("capped_rows"));
  const n = Number(row?.n ?? 0);
  return { count: Math.min(n, cap), capped: n > cap };
}

/** What a page shows and how to reach the others. */
export interface Page<T> {
  rows: T[];
  /** 1-based, clamped: a page past the last shows the last. */
  page: number;
  pageCount: number;
  pageSize: number;
  /** Rows counted (at most the cap); `capped` when there are more. */
  total: number;
  capped: boolean;
}

export interface OffsetPageQuery<T> {
  /** The page asked for (any number: clamped to 1…the last page). */
  page: number;
  pageSize: number;
  /** Counts the matching rows up to `cap` (cappedCount with the list's conditions). */
  count: (cap: number) => Promise<CappedCount>;
  /** The rows of one page, in the list's order. */
  read: (window: { limit: number; offset: number }) => Promise<T[]>;
  /** How far to count at least; default COUNT_CAP. */
  cap?: number;
}

/**
 * One page of a list, by offset. The count and the page are read at the same time; only a page
 * past the last reads again (the last page). The count reaches a few pages past the one asked for,
 * so however deep someone pages, Next leads on, and the count never costs more than the offset does.
 */
export async function offsetPage<T>({ page, pageSize, count, read, cap = COUNT_CAP }: OffsetPageQuery<T>): Promise<Page<T>> {
  const asked = Number.isSafeInteger(page) && page >= 1 ? page : 1;
  const reach = Math.max(cap, (asked + PAGES_AHEAD) * pageSize);
  const [counted, rows] = await Promise.all([count(reach), read({ limit: pageSize, offset: (asked - 1) * pageSize })]);
  const pageCount = Math.max(1, Math.ceil(counted.count / pageSize));
  if (asked <= pageCount)
    return {
      rows,
      page: asked,
      pageCount,
      pageSize,
      total: counted.count,
      capped: counted.capped,
    };
  return {
    rows: await read({ limit: pageSize, offset: (pageCount - 1) * pageSize }),
    page: pageCount,
    pageCount,
    pageSize,
    total: counted.count,
    capped: counted.capped,
  };
}

/** A count as a caption says it: "1,234", or "10,000+" when there are more. */
export function countText(total: number, capped: boolean): string {
  return `${formatNumber(total)}${capped ? "+" : ""}`;
}

/** The first and last row a page shows, 1-based ("51–100"), for captions. */
export function pageRange(page: Pick<Page<unknown>, "page" | "pageSize" | "rows">): { first: number; last: number } {
  const first = (page.page - 1) * page.pageSize + 1;
  return { first, last: first + page.rows.length - 1 };
}

/**
 * A LIKE/ILIKE pattern matching `text` anywhere: its own % _ and \ are escaped, so a search for
 * "50%" finds "50%" and not everything starting with 50.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A search box's text as a list searches it: trimmed, whitespace runs made one space, at most 100 characters; empty → none. */
export function searchText(raw: string | string[] | undefined): string | undefined {
  if (typeof raw !== "string") return undefined;
  // By code point, so a cut never leaves half of a surrogate pair (which Postgres cannot hold).
  const text = Array.from(raw.replace(/\s+/g, " ").trim()).slice(0, 100).join("").trim();
  return text || undefined;
}

/** The page number from a query value: a whole number from 1 to 100,000, else 1. */
export function pageNumber(raw: string | string[] | undefined): number {
  if (typeof raw !== "string" || !/^\d{1,6}$/.test(raw.trim())) return 1;
  const n = Number(raw.trim());
  return n >= 1 && n <= 100_000 ? n : 1;
}

/** A list's address query ("?q=…&page=2") from its values; empty values and page 1 are left out. */
export function listSearch(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === "" || (key === "page" && value === 1)) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
