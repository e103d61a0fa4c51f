"use client";

import Link from "next/link";

/** One search result, already formatted on the server: the page sends these few strings, not the markup. */
export interface ResultCard {
  id: string;
  slug: string;
  name: string;
  initials: string;
  headline: string;
  locations: string;
  serves: string;
  rating: string | null;
  services: string[];
  certifications: string;
}

// A client component on purpose: its props are a fraction of the size of the rendered cards, so the page's
// server payload (and the work to produce it) stays small; the HTML is still rendered on the server.
export function ResultList({ results, selected }: { results: ResultCard[]; selected: string[] }) {
  // Styled by the result-* classes in app/globals.css.
  return (
    <ol className="space-y-3" aria-label="Partners">
      {results.map((partner) => (
        <li key={partner.id} className="result-card">
          <label className="result-pick">
            <input type="checkbox" name="sel" value={partner.slug} defaultChecked={selected.includes(partner.slug)} />
            <span className="sr-only">Select {partner.name}</span>
          </label>
          <div className="flex min-w-0 flex-1 gap-4">
            <span aria-hidden="true" className="result-avatar">
              {partner.initials}
            </span>
            <div className="min-w-0 flex-1">
              <h3 className="result-name">
                <Link href={`/partners/${partner.slug}`}>{partner.name}</Link>
              </h3>
              <p className="mt-0.5 text-sm text-gray-700">{partner.headline}</p>
              <dl className="result-facts">
                <dt>Locations</dt>
                <dd>{partner.locations}</dd>
                <dt>Serves</dt>
                <dd>{partner.serves}</dd>
                {partner.rating && (
                  <>
                    <dt>Rating</dt>
                    <dd>{partner.rating}</dd>
                  </>
                )}
              </dl>
              <ul aria-label="Top services" className="result-services">
                {partner.services.map((service) => (
                  <li key={service}>
                    <span>{service}</span>
                  </li>
                ))}
              </ul>
              {partner.certifications && <p className="mt-2 text-xs text-gray-600">Certifications: {partner.certifications}</p>}
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
