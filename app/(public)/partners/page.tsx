import type { Metadata } from "next";
import Link from "next/link";
import { locationsLabel } from "@/components/partners/partner-avatar";
import { ResultList } from "@/components/partners/result-list";
import { SearchForm } from "@/components/partners/search-form";
import { SelectionBar } from "@/components/partners/selection";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { countryName, initials, sizesServedLabel, SIZE_BAND_LABELS, type SizeBand } from "@/lib/partners/catalog";
import { directoryHref, MAX_SELECTED, parseDirectoryQuery, searchDirectory } from "@/lib/partners/search";

export const metadata: Metadata = { title: "Find a partner" };

const RESULTS_FORM = "results";

function pageNumbers(page: number, pageCount: number): (number | "gap")[] {
  const pages = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...pages].sort((a, b) => a - b);
  return sorted.flatMap((p, i) => (i > 0 && p - (sorted[i - 1] as number) > 1 ? ["gap" as const, p] : [p]));
}

export default async function FindPartnerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = parseDirectoryQuery(await searchParams);
  const { results, total, capped, page, pageCount } = await searchDirectory(await getDb(), query);
  const onPage = new Set(results.map((r) => r.slug));
  const elsewhere = query.sel.filter((slug) => !onPage.has(slug));
  const described = [
    query.q && `“${query.q}”`,
    query.city ? `${query.city}, ${query.location ? countryName(query.location) : ""}`.replace(/, $/, "") : query.location && countryName(query.location),
    query.size && SIZE_BAND_LABELS[query.size as SizeBand],
  ].filter(Boolean);

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8">
      <h1 className="text-3xl font-semibold tracking-tight text-gray-900">Find a partner</h1>
      <p className="mt-2 max-w-3xl text-gray-700">
        Enter your location, choose your organization size and add keywords for the services you need, then select Go. Choose
        one or more partners and contact them together.
      </p>
      <div className="mt-6">
        <SearchForm query={query} />
      </div>

      <form id={RESULTS_FORM} method="get" action="/partners" className="mt-6 space-y-4">
        {query.location && <input type="hidden" name="location" value={query.location} />}
        {query.city && <input type="hidden" name="city" value={query.city} />}
        {query.size && <input type="hidden" name="size" value={query.size} />}
        {query.q && <input type="hidden" name="q" value={query.q} />}
        {elsewhere.map((slug) => (
          <input key={slug} type="hidden" name="sel" value={slug} />
        ))}

        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-lg font-semibold text-gray-900" aria-live="polite">
            {total.toLocaleString("en-US")}
            {capped ? "+" : ""} {total === 1 ? "partner" : "partners"}
            {described.length > 0 && <span className="font-normal text-gray-700"> for {described.join(", ")}</span>}
          </h2>
          {pageCount > 1 && (
            <p className="text-sm text-gray-700">
              Page {page} of {pageCount}
            </p>
          )}
        </div>

        <SelectionBar formId={RESULTS_FORM} initial={query.sel} max={MAX_SELECTED} />

        {results.length === 0 ? (
          <EmptyState title="No partners match this search">
            <p>Try fewer or broader keywords, another organization size, or leave the city empty to search the whole country/region.</p>
            <p className="mt-2">
              <Link className="font-medium text-accent-700 underline" href={directoryHref({ q: query.q, sel: query.sel })}>
                Search every location and size
              </Link>
            </p>
          </EmptyState>
        ) : (
          <ResultList
            selected={query.sel}
            results={results.map((partner) => ({
              id: partner.id,
              slug: partner.slug,
              name: partner.name,
              initials: initials(partner.name),
              headline: partner.headline,
              locations: locationsLabel(partner.locations),
              serves: sizesServedLabel(partner.sizesServed),
              rating: partner.rating === null ? null : `${partner.rating.toFixed(1)} out of 5`,
              services: partner.services.slice(0, 4),
              certifications: partner.certifications.join(" · "),
            }))}
          />
        )}

        {capped && page === pageCount && (
          <p className="text-center text-sm text-gray-700">You've reached the best {total.toLocaleString("en-US")} matches. Add a location, size or keyword to narrow the search.</p>
        )}
        {pageCount > 1 && (
          <nav aria-label="Pages of results" className="flex flex-wrap items-center justify-center gap-1 pt-2">
            {page > 1 && (
              <button type="submit" name="page" value={page - 1} className="rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm font-medium text-gray-800 hover:bg-gray-50">
                Previous
              </button>
            )}
            {pageNumbers(page, pageCount).map((p, i) =>
              p === "gap" ? (
                <span key={`gap-${i}`} className="px-2 text-gray-600" aria-hidden="true">
                  …
                </span>
              ) : p === page ? (
                <span key={p} aria-current="page" className="rounded-md bg-accent-600 px-3 py-1.5 text-sm font-semibold text-white">
                  <span className="sr-only">Page </span>
                  {p}
                </span>
              ) : (
                <button
                  key={p}
                  type="submit"
                  name="page"
                  value={p}
                  aria-label={`Page ${p}`}
                  className="rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm font-medium text-gray-800 hover:bg-gray-50"
                >
                  {p}
                </button>
              ),
            )}
            {page < pageCount && (
              <button type="submit" name="page" value={page + 1} className="rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm font-medium text-gray-800 hover:bg-gray-50">
                Next
              </button>
            )}
          </nav>
        )}
      </form>
    </main>
  );
}
