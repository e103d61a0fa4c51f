"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";

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
  return (
    <ol className="space-y-3" aria-label="Partners">
      {results.map((partner) => (
        <li key={partner.id} className="flex gap-4 rounded-lg border border-gray-200 bg-white p-4">
          <label className="flex h-fit items-center gap-2 rounded p-1 text-sm text-gray-800">
            <input type="checkbox" name="sel" value={partner.slug} defaultChecked={selected.includes(partner.slug)} className="size-4 accent-accent-600" />
            <span className="sr-only">Select {partner.name}</span>
          </label>
          <div className="flex min-w-0 flex-1 gap-4">
            <span aria-hidden="true" className="grid size-12 shrink-0 place-items-center rounded-lg bg-accent-50 text-base font-semibold text-accent-800">
              {partner.initials}
            </span>
            <div className="min-w-0 flex-1">
              <h3 className="text-base font-semibold text-gray-900">
                <Link href={`/partners/${partner.slug}`} className="underline-offset-2 hover:underline">
                  {partner.name}
                </Link>
              </h3>
              <p className="mt-0.5 text-sm text-gray-700">{partner.headline}</p>
              <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm text-gray-700 sm:grid-cols-[auto_1fr]">
                <dt className="font-medium text-gray-900">Locations</dt>
                <dd>{partner.locations}</dd>
                <dt className="font-medium text-gray-900">Serves</dt>
                <dd>{partner.serves}</dd>
                {partner.rating && (
                  <>
                    <dt className="font-medium text-gray-900">Rating</dt>
                    <dd>{partner.rating}</dd>
                  </>
                )}
              </dl>
              <ul aria-label="Top services" className="mt-3 flex flex-wrap gap-1.5">
                {partner.services.map((service) => (
                  <li key={service}>
                    <Badge tone="info">{service}</Badge>
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
