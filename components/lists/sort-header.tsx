/*
 * What a sortable, paged list page shares: its links (the page's address with the list's query,
 * leaving out defaults) and the column headers that sort it. Server components; they work without
 * JavaScript.
 */

import Link from "next/link";
import { TableHead } from "@/components/ui/table";

type QueryValue = string | number | undefined;

/** The list's address with its query, leaving out values equal to the defaults (page 1 included). */
export function listHref<Q extends object>(path: string, query: Q, defaults: Partial<Q>, overrides: Partial<Q> = {}): string {
  const merged = { ...query, ...overrides } as Record<string, QueryValue>;
  const skip = defaults as Record<string, QueryValue>;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === "" || value === skip[key] || (key === "page" && value === 1)) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** A column header that sorts by its column; a second select reverses the order. */
export function SortHeader<Q extends { sort: string; dir: "asc" | "desc" }>({
  label,
  column,
  query,
  path,
  defaults,
}: {
  label: string;
  column: Q["sort"];
  query: Q;
  path: string;
  defaults: Partial<Q>;
}) {
  const active = query.sort === column;
  const next = active && query.dir === "asc" ? "desc" : "asc";
  return (
    <TableHead aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : "none"}>
      <Link className="inline-flex items-center gap-1 rounded hover:underline" href={listHref(path, query, defaults, { sort: column, dir: next, page: 1 } as unknown as Partial<Q>)}>
        {label}
        <span aria-hidden="true">{active ? (query.dir === "asc" ? "▲" : "▼") : ""}</span>
        <span className="sr-only">, sort {next === "asc" ? "ascending" : "descending"}</span>
      </Link>
    </TableHead>
  );
}
