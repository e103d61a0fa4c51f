"use client";

import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { useDirectoryNavigation } from "./directory-navigation";
import { ResultList, type ResultCard } from "./result-list";
import { SelectionBar, useSelection } from "./selection";
import { formatNumber } from "@/lib/format";

/** The results form of /partners, from the few values the page computed on the server. */
export interface DirectoryResultsProps {
  formId: string;
  /** The search, carried in hidden fields so that paging and Contact selected providers keep it. */
  hidden: { location?: string; city?: string; size?: string; q?: string; exact?: boolean };
  maxSelected: number;
  total: number;
  capped: boolean;
  /** "“security”, United States, 50–249 employees", or empty. */
  described: string;
  page: number;
  pageCount: number;
  results: ResultCard[];
  /** The same keywords and selection in every location and size, offered when nothing matches; null without filters. */
  widenHref: string | null;
}

/** What could widen a search that found nothing: only the parts of it that are actually set. */
export function widenTips({ q, city, size, location }: DirectoryResultsProps["hidden"]): string {
  const tips = [
    q && "fewer or broader keywords",
    size && "another organization size",
    city
      ? location
        ? "leaving the city empty to search the whole country/region"
        : "checking the city's spelling, or leaving it empty to search every location"
      : location && "another country/region",
  ].filter((tip): tip is string => Boolean(tip));
  return tips.length > 1 ? `${tips.slice(0, -1).join(", ")} or ${tips.at(-1)}` : (tips[0] ?? "other keywords");
}

export function DirectoryResults(props: DirectoryResultsProps) {
  const { formId, hidden, total, capped, page, pageCount, results } = props;
  const { pending, submit } = useDirectoryNavigation();
  // Chosen partners that are not on this page travel in hidden fields (the checkboxes carry the others).
  const onPage = new Set(results.map((r) => r.slug));
  const elsewhere = useSelection().filter((slug) => !onPage.has(slug));
  return (
    // autoComplete off: a browser restoring the form's old ticks on Back would contradict the address.
    <form id={formId} method="get" action="/partners" autoComplete="off" onSubmit={submit} className="mt-6 space-y-4">
      {hidden.location && <input type="hidden" name="location" value={hidden.location} />}
      {hidden.city && <input type="hidden" name="city" value={hidden.city} />}
      {hidden.size && <input type="hidden" name="size" value={hidden.size} />}
      {hidden.q && <input type="hidden" name="q" value={hidden.q} />}
      {hidden.exact && <input type="hidden" name="exact" value="1" />}
      {elsewhere.map((slug) => (
        <input key={slug} type="hidden" name="sel" value={slug} />
      ))}

      <SelectionBar formId={formId} max={props.maxSelected} />

      <div aria-busy={pending} className={pending ? "space-y-4 opacity-60 transition-opacity" : "space-y-4"}>
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h2 className="text-lg font-semibold text-gray-900" aria-live="polite">
            {formatNumber(total)}
            {capped ? "+" : ""} {total === 1 ? "partner" : "partners"}
            {props.described && <span className="font-normal text-gray-700"> for {props.described}</span>}
            {capped && <span className="font-normal text-gray-700"> — refine your search</span>}
          </h2>
          {pageCount > 1 && (
            <p className="text-sm text-gray-700">
              Page {page} of {pageCount}
            </p>
          )}
        </div>

        {results.length === 0 ? (
          <EmptyState title="No partners match this search">
            <p>Try {widenTips(hidden)}.</p>
            {props.widenHref && (
              <p className="mt-2">
                <Link className="font-medium text-accent-700 underline" href={props.widenHref}>
                  Search every location and size
                </Link>
              </p>
            )}
          </EmptyState>
        ) : (
          <ResultList results={results} />
        )}

        {capped && page === pageCount && (
          <p className="text-center text-sm text-gray-700">
            You&apos;ve reached the best {formatNumber(total)} matches. Add a location, size or keyword to narrow the search.
          </p>
        )}
        {/* Submit buttons, not links: the page travels with the search and every checked partner. */}
        <Pagination aria-label="Pages of results" name="page" page={page} pageCount={pageCount} className="pt-2" />
      </div>
    </form>
  );
}
