import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DirectoryNavigation } from "@/components/partners/directory-navigation";
import { DirectoryResults } from "@/components/partners/directory-results";
import { locationsLabel } from "@/components/partners/partner-avatar";
import { SearchForm, type SearchFormOptions } from "@/components/partners/search-form";
import { getDb } from "@/db/client";
import { COUNTRY_OPTIONS, countryName, initials, SIZE_BANDS, sizesServedLabel, SIZE_BAND_LABELS, type SizeBand } from "@/lib/partners/catalog";
import { readSearchParams, type SearchParams } from "@/lib/page-params";
import { directoryHref, MAX_SELECTED, parseDirectoryQuery, searchDirectory, type SearchCorrection } from "@/lib/partners/search";
import { reviewsLabel } from "@/lib/partners/text";

export const metadata: Metadata = { title: "Find a partner" };

const SEARCH_OPTIONS: SearchFormOptions = {
  countries: COUNTRY_OPTIONS,
  sizes: SIZE_BANDS.map((band) => ({ band, label: SIZE_BAND_LABELS[band] })),
};

/** "Showing results for **security** in **Seattle**" and "Search instead for secruity in Seatle". */
function CorrectionNotice({ correction, q, city, originalHref }: { correction: SearchCorrection; q?: string; city?: string; originalHref: string }) {
  const keywords = correction.keywords ?? (q ? [{ text: q, corrected: false }] : []);
  const place = correction.city;
  return (
    <div role="status" className="mt-6 rounded-lg border border-accent-200 bg-accent-50 px-4 py-3 text-sm text-gray-900">
      <p>
        Showing results for{" "}
        {keywords.map((segment, i) => (segment.corrected ? <strong key={i}>{segment.text}</strong> : <span key={i}>{segment.text}</span>))}
        {place && (
          <>
            {keywords.length > 0 && " in "}
            <strong>{place}</strong>
          </>
        )}
      </p>
      <p className="mt-1 text-gray-700">
        Search instead for{" "}
        <Link className="font-medium text-accent-700 underline" href={originalHref}>
          {[q, place ? city : undefined].filter(Boolean).join(" in ")}
        </Link>
      </p>
    </div>
  );
}

// The form and the results are client components fed with a few formatted values: the page sends
// those rather than their markup, and both are still rendered here, so the page works without JavaScript.
export default async function FindPartnerPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = parseDirectoryQuery(await readSearchParams(searchParams));
  const { results, total, capped, page, pageCount, correction } = await searchDirectory(await getDb(), query);
  // A page past the last (an old link, a hand-edited address) shows the last page rather than "No partners match".
  if (page > pageCount) redirect(directoryHref({ ...query, page: pageCount }));
  const city = correction?.city ?? query.city;
  const place = city ? [city, query.location && countryName(query.location)].filter(Boolean).join(", ") : query.location && countryName(query.location);
  const size = query.size && SIZE_BAND_LABELS[query.size as SizeBand];
  const described = [query.q && `“${query.q}”`, place, size].filter(Boolean);
  const summary = [query.q && `“${query.q}”`, query.city ?? (query.location && countryName(query.location)), size].filter(Boolean).join(" · ");

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-6 md:py-8">
      <h1 className="text-2xl font-semibold tracking-tight text-gray-900 md:text-3xl">Find a partner</h1>
      <p className="mt-2 max-w-3xl text-gray-700 max-md:hidden">
        Enter your location, choose your organization size and add keywords for the services you need, then select Go. Choose
        one or more partners and contact them together.
      </p>
      <p className="mt-1 text-sm text-gray-700 md:hidden">Search, then choose partners and contact them together.</p>
      <DirectoryNavigation>
        <div className="mt-4 md:mt-6">
          <SearchForm query={{ location: query.location, city: query.city, size: query.size, q: query.q }} options={SEARCH_OPTIONS} summary={summary} />
        </div>
        {correction && (
          <CorrectionNotice correction={correction} q={query.q} city={query.city} originalHref={directoryHref({ ...query, page: 1, exact: true })} />
        )}
        <DirectoryResults
          formId="results"
          hidden={{ location: query.location, city: query.city, size: query.size, q: query.q, exact: query.exact }}
          maxSelected={MAX_SELECTED}
          total={total}
          capped={capped}
          described={described.join(", ")}
          page={page}
          pageCount={pageCount}
          widenHref={query.location || query.city || query.size ? directoryHref({ q: query.q, sel: query.sel }) : null}
          results={results.map((partner) => ({
            id: partner.id,
            slug: partner.slug,
            name: partner.name,
            initials: initials(partner.name),
            headline: partner.headline,
            locations: locationsLabel(partner.locations),
            serves: sizesServedLabel(partner.sizesServed),
            rating: partner.rating === null ? null : partner.rating.toFixed(1),
            reviews: reviewsLabel(partner.reviewCount),
            services: partner.services.slice(0, 4),
            certifications: partner.certifications.join(" · "),
          }))}
        />
      </DirectoryNavigation>
    </main>
  );
}
