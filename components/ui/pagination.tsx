/*
 * A server component on purpose: `hrefForPage` is a function, which cannot be
 * passed to a client component. Page links are labelled "Page N" (the visible
 * number is part of the name) and the current one has aria-current="page".
 * Previous/Next at the ends are plain text, not disabled links.
 */

import Link from "next/link";
import type * as React from "react";
import { cn, focusRing } from "./cn";

export type PaginationItem = number | "start-ellipsis" | "end-ellipsis";

/** Page numbers to show: all when there are at most 7 pages, otherwise 7 slots including ellipses. */
export function paginationItems(page: number, pageCount: number): PaginationItem[] {
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  if (pageCount <= 7) return range(1, pageCount);
  if (page <= 4) return [...range(1, 5), "end-ellipsis", pageCount];
  if (page >= pageCount - 3) return [1, "start-ellipsis", ...range(pageCount - 4, pageCount)];
  return [1, "start-ellipsis", page - 1, page, page + 1, "end-ellipsis", pageCount];
}

export type PaginationProps = Omit<React.ComponentProps<"nav">, "children"> & {
  /** 1-based current page (clamped to 1…pageCount). */
  page: number;
  pageCount: number;
  hrefForPage: (page: number) => string;
};

const itemBase =
  "inline-flex h-8 min-w-8 items-center justify-center gap-1 rounded-md text-sm font-medium transition-colors";

/** Renders nothing when there is only one page. */
export function Pagination({
  page,
  pageCount,
  hrefForPage,
  className,
  "aria-label": ariaLabel = "Pagination",
  ...props
}: PaginationProps) {
  const count = Number.isFinite(pageCount) ? Math.floor(pageCount) : 0;
  if (count <= 1) return null;
  const current = Math.min(Math.max(Number.isFinite(page) ? Math.floor(page) : 1, 1), count);

  const linkClass = cn(itemBase, focusRing, "text-gray-700 hover:bg-gray-100 hover:text-gray-900");
  const inactiveClass = cn(itemBase, "cursor-default text-gray-500");

  return (
    <nav aria-label={ariaLabel} className={cn("flex justify-center", className)} {...props}>
      <ul className="flex flex-wrap items-center gap-1">
        <li>
          {current > 1 ? (
            <Link href={hrefForPage(current - 1)} rel="prev" className={cn(linkClass, "pr-3 pl-2")}>
              <ChevronIcon direction="left" />
              Previous
            </Link>
          ) : (
            <span className={cn(inactiveClass, "pr-3 pl-2")}>
              <ChevronIcon direction="left" />
              Previous
            </span>
          )}
        </li>

        {paginationItems(current, count).map((item) =>
          typeof item === "number" ? (
            <li key={item}>
              <Link
                href={hrefForPage(item)}
                aria-label={`Page ${item}`}
                aria-current={item === current ? "page" : undefined}
                className={cn(
                  itemBase,
                  focusRing,
                  "px-2 tabular-nums",
                  item === current
                    ? "bg-accent-600 text-white hover:bg-accent-700"
                    : "text-gray-700 hover:bg-gray-100 hover:text-gray-900",
                )}
              >
                {item}
              </Link>
            </li>
          ) : (
            <li key={item} className={cn(itemBase, "px-1 text-gray-600")}>
              …
            </li>
          ),
        )}

        <li>
          {current < count ? (
            <Link href={hrefForPage(current + 1)} rel="next" className={cn(linkClass, "pr-2 pl-3")}>
              Next
              <ChevronIcon direction="right" />
            </Link>
          ) : (
            <span className={cn(inactiveClass, "pr-2 pl-3")}>
              Next
              <ChevronIcon direction="right" />
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}

function ChevronIcon({ direction }: { direction: "left" | "right" }) {
  return (
    <svg
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className="size-4 shrink-0"
    >
      <path d={direction === "left" ? "M10 12 6 8l4-4" : "m6 4 4 4-4 4"} />
    </svg>
  );
}
