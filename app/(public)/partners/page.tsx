import type { Metadata } from "next";
import { DirectoryResults } from "@/components/partners/directory-results";
import { locationsLabel } from "@/components/partners/partner-avatar";
import { SearchForm, type SearchFormOptions } from "@/components/partners/search-form";
import { getDb } from "@/db/client";
import { COUNTRY_OPTIONS, countryName, initials, SIZE_BANDS, sizesServedLabel, SIZE_BAND_LABELS, type SizeBand } from "@/lib/partners/catalog";
import { readSearchParams, type SearchParams } from "@/lib/page-params";
import { directoryHref, MAX_SELECTED, parseDirectoryQuery, searchDirectory } from "@/lib/partners/search";

export const metadata: Metadata = { title: "Find a partner" };

const SEARCH_OPTIONS: SearchFormOptions = {
  countries: COUNTRY_OPTIONS,
  sizes: SIZE_BANDS.map((band) => ({ band, label: SIZE_BAND_LABELS[band] })),
};

// The form and the results are client components fed with a few formatted values: the page sends
// those rather than their markup, and both are still rendered here, so the page works without JavaScript.
export default async function FindPartnerPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = parseDirectoryQuery(await readSearchParams(searchParams));
  const { results, total, capped, page, pageCount } = await searchDirectory(await getDb(), query);
  const onPage = new Set(results.map((r) => r.slug));
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
        <SearchForm query={{ location: query.location, city: query.city, size: query.size, q: query.q, sel: query.sel }} options={SEARCH_OPTIONS} />
      </div>
      <DirectoryResults
        formId="results"
        hidden={{ location: query.location, city: query.city, size: query.size, q: query.q }}
        elsewhere={query.sel.filter((slug) => !onPage.has(slug))}
        selected={query.sel}
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
          rating: partner.rating === null ? null : `${partner.rating.toFixed(1)} out of 5`,
          services: partner.services.slice(0, 4),
          certifications: partner.certifications.join(" · "),
        }))}
      />
    </main>
  );
}
