"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { rememberSelection, useSelection } from "./selection";

/** One search result, already formatted on the server: the page sends these few strings, not the markup. */
export interface ResultCard {
  id: string;
  slug: string;
  name: string;
  initials: string;
  headline: string;
  locations: string;
  serves: string;
  /** "4.6" */
  rating: string | null;
  /** "128 reviews"; null when not counted. */
  reviews: string | null;
  services: string[];
  certifications: string;
}

// A client component on purpose: its props are a fraction of the size of the rendered cards, so the page's
// server payload (and the work to produce it) stays small; the HTML is still rendered on the server.
export function ResultList({ results }: { results: ResultCard[] }) {
  // Ticks come from the address on every render (server and browser alike), and each tick writes it:
  // the boxes are left to the browser in between (defaultChecked), so a tick never waits on a render.
  const selected = useSelection();
  const params = useSearchParams();
  // A profile keeps the search and the selection: its Contact this partner adds to them, its back link returns to them.
  const search = params.toString();
  // Styled by the result-* classes in app/globals.css; the grid fits four cards across a 1440 px screen.
  return (
    <ol className="grid gap-3 [grid-template-columns:repeat(auto-fill,minmax(min(100%,15rem),1fr))]" aria-label="Partners">
      {results.map((partner) => (
        <li key={partner.id} className="result-card flex-col gap-3">
          <div className="flex items-start gap-3">
            <label className="result-pick">
              <input
                type="checkbox"
                name="sel"
                value={partner.slug}
                defaultChecked={selected.includes(partner.slug)}
                onChange={(event) => rememberSelection(event.currentTarget.form)}
              />
              <span className="sr-only">Select {partner.name}</span>
            </label>
            <span aria-hidden="true" className="result-avatar">
              {partner.initials}
            </span>
            <h3 className="result-name min-w-0 self-center break-words">
              <Link prefetch={false} href={`/partners/${partner.slug}${search ? `?${search}` : ""}`}>
                {partner.name}
              </Link>
            </h3>
          </div>
          <div className="min-w-0 flex-1">
            <p className="text-sm text-gray-700">{partner.headline}</p>
            <dl className="result-facts sm:grid-cols-[auto_1fr]">
              <dt>Locations</dt>
              <dd>{partner.locations}</dd>
              <dt>Serves</dt>
              <dd>{partner.serves}</dd>
              {partner.rating && (
                <>
                  <dt>Rating</dt>
                  <dd>
                    <span aria-hidden="true" className="text-amber-600">
                      ★{" "}
                    </span>
                    {partner.rating}
                    <span className="sr-only"> out of 5</span>
                    {partner.reviews && <span className="text-gray-600"> ({partner.reviews})</span>}
                  </dd>
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
        </li>
      ))}
    </ol>
  );
}
