/*
 * The one set of page controls: a labelled navigation landmark with Previous, the page numbers
 * around the current one (marked aria-current="page") and Next. Each control is either a link
 * (`hrefForPage`) or, inside a GET form, a submit button sending `name=<page>` with the rest of the
 * form (the directory's checked partners travel that way). Both work without JavaScript.
 *
 * It takes no directive of its own: a server page may pass `hrefForPage` (a function, which could
 * not cross into a client component), and a client component may render it too.
 *
 * At most nine controls; on a narrow screen Previous and Next show only their arrows (the words stay
 * their names), so a phone's width (390 px) holds the row without scrolling sideways.
 */

import Link from "next/link";
import type { ReactNode } from "react";
import { cn, focusRing } from "./cn";

/**
 * The pages to offer: the first, the last, and the current one with its neighbours; "gap" where
 * pages are left out. When the count is a lower bound (a list that stopped counting), the last page
 * is not known: a trailing "gap" stands for the pages after the current one's neighbour.
 */
export function pageNumbers(page: number, pageCount: number, countIsLowerBound = false): (number | "gap")[] {
  const pages = new Set([1, ...(countIsLowerBound ? [] : [pageCount]), page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...pages].sort((a, b) => a - b);
  const numbers = sorted.flatMap((p, i) => (i > 0 && p - (sorted[i - 1] as number) > 1 ? ["gap" as const, p] : [p]));
  return countIsLowerBound && (sorted[sorted.length - 1] ?? 0) < pageCount ? [...numbers, "gap"] : numbers;
}

type PageTarget =
  /** Links: the address of each page. */
  | { hrefForPage: (page: number) => string; name?: never }
  /** Submit buttons of the form the controls stand in, sending `name=<page>` with its other fields. */
  | { name: string; hrefForPage?: never };

export type PaginationProps = PageTarget & {
  /** What these pages are, e.g. "Pages of results": the landmark's name. */
  "aria-label": string;
  /** 1-based current page (clamped to 1…pageCount). */
  page: number;
  pageCount: number;
  /** The list stopped counting: there are at least pageCount pages, and the last is not offered. */
  countIsLowerBound?: boolean;
  className?: string;
};

const control = cn(
  focusRing,
  "inline-flex h-9 min-w-9 items-center justify-center gap-1 rounded-md border border-gray-300 bg-white px-2.5 text-sm font-medium text-gray-800 tabular-nums hover:bg-gray-50",
);

/** Renders nothing when there is only one page. */
export function Pagination({ page, pageCount, countIsLowerBound = false, className, "aria-label": label, ...target }: PaginationProps) {
  const count = Number.isFinite(pageCount) ? Math.floor(pageCount) : 0;
  if (count <= 1) return null;
  const current = Math.min(Math.max(Number.isFinite(page) ? Math.floor(page) : 1, 1), count);

  const to = (p: number, children: ReactNode, extra: { "aria-label"?: string; rel?: "prev" | "next" } = {}) =>
    target.hrefForPage ? (
      <Link href={target.hrefForPage(p)} className={control} aria-label={extra["aria-label"]} rel={extra.rel}>
        {children}
      </Link>
    ) : (
      <button type="submit" name={target.name} value={p} className={control} aria-label={extra["aria-label"]}>
        {children}
      </button>
    );

  return (
    <nav aria-label={label} className={className}>
      <ul className="flex flex-wrap items-center justify-center gap-1">
        {current > 1 && (
          <li>
            {to(
              current - 1,
              <>
                <Chevron direction="left" />
                <span className="max-sm:sr-only">Previous</span>
              </>,
              { rel: "prev" },
            )}
          </li>
        )}
        {pageNumbers(current, count, countIsLowerBound).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-gray-600">
              …
            </li>
          ) : (
            <li key={p}>
              {p === current ? (
                <span aria-current="page" className="inline-flex h-9 min-w-9 items-center justify-center rounded-md bg-accent-600 px-2.5 text-sm font-semibold text-white tabular-nums">
                  <span className="sr-only">Page </span>
                  {p}
                </span>
              ) : (
                to(p, p, { "aria-label": `Page ${p}` })
              )}
            </li>
          ),
        )}
        {current < count && (
          <li>
            {to(
              current + 1,
              <>
                <span className="max-sm:sr-only">Next</span>
                <Chevron direction="right" />
              </>,
              { rel: "next" },
            )}
          </li>
        )}
      </ul>
    </nav>
  );
}

function Chevron({ direction }: { direction: "left" | "right" }) {
  return (
    <svg viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" className="size-4 shrink-0">
      <path d={direction === "left" ? "M10 12 6 8l4-4" : "m6 4 4 4-4 4"} />
    </svg>
  );
}
