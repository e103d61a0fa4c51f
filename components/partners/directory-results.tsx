"use client";

import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { ResultList, type ResultCard } from "./result-list";
import { SelectionBar } from "./selection";

/** The results form of /partners, from the few values the page computed on the server. */
export interface DirectoryResultsProps {
  formId: string;
  /** The search, carried in hidden fields so that paging and Contact selected providers keep it. */
  hidden: { location?: string; city?: string; size?: string; q?: string };
  /** Chosen partners that are not on this page (the checkboxes carry the others). */
  elsewhere: string[];
  selected: string[];
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
function widenTips({ q, city, size, location }: DirectoryResultsProps["hidden"]): string {
  const tips = [
    q && "fewer or broader keywords",
    size && "another organization size",
    city ? "leaving the city empty to search the whole country/region" : location && "another country/region",
  ].filter((tip): tip is string => Boolean(tip));
  return tips.length > 1 ? `${tips.slice(0, -1).join(", ")} or ${tips.at(-1)}` : (tips[0] ?? "other keywords");
}

export function DirectoryResults(props: DirectoryResultsProps) {
  const { formId, hidden, elsewhere, selected, total, capped, page, pageCount, results } = props;
  return (
    <form id={formId} method="get" action="/partners" className="mt-6 space-y-4">
      {hidden.location && <input type="hidden" name="location" value={hidden.location} />}
      {hidden.city && <input type="hidden" name="city" value={hidden.city} />}
      {hidden.size && <input type="hidden" name="size" value={hidden.size} />}
      {hidden.q && <input type="hidden" name="q" value={hidden.q} />}
      {elsewhere.map((slug) => (
        <input key={slug} type="hidden" name="sel" value={slug} />
      ))}

      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold text-gray-900" aria-live="polite">
          {total.toLocaleString("en-US")}
          {capped ? "+" : ""} {total === 1 ? "partner" : "partners"}
          {props.described && <span className="font-normal text-gray-700"> for {props.described}</span>}
        </h2>
        {pageCount > 1 && (
          <p className="text-sm text-gray-700">
            Page {page} of {pageCount}
          </p>
        )}
      </div>

      <SelectionBar formId={formId} initial={selected} max={props.maxSelected} />

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
        <ResultList selected={selected} results={results} />
      )}

      {capped && page === pageCount && (
        <p className="text-center text-sm text-gray-700">
          You&apos;ve reached the best {total.toLocaleString("en-US")} matches. Add a location, size or keyword to narrow the search.
        </p>
      )}
      {/* Submit buttons, not links: the page travels with the search and every checked partner. */}
      <Pagination aria-label="Pages of results" name="page" page={page} pageCount={pageCount} className="pt-2" />
    </form>
  );
}
