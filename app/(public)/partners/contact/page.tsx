import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { ContactForm } from "@/components/partners/contact-form";
import { PartnerAvatar, locationsLabel } from "@/components/partners/partner-avatar";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/db/client";
import { COUNTRY_OPTIONS, SIZE_BANDS, SIZE_BAND_LABELS } from "@/lib/partners/catalog";
import { getProfilesBySlugs } from "@/lib/partners/queries";
import { readSearchParams, type SearchParams } from "@/lib/page-params";
import { directoryHref, MAX_SELECTED, parseDirectoryQuery } from "@/lib/partners/search";

export const metadata: Metadata = { title: "Contact selected providers" };

export default async function ContactPartnersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = parseDirectoryQuery(await readSearchParams(searchParams));
  const partners = await getProfilesBySlugs(await getDb(), query.sel);
  const slugs = partners.map((p) => p.slug);
  const backHref = directoryHref({ ...query, page: 1, sel: slugs });

  return (
    <main className="mx-auto w-full max-w-4xl px-4 py-8">
      <p>
        <Link className="text-sm font-medium text-accent-700 underline" href={backHref}>
          Back to Find a partner
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-gray-900">Contact selected providers</h1>
      <p className="mt-2 text-gray-700">Describe your business needs once; each partner you chose receives it and contacts you.</p>

      <section aria-labelledby="chosen" className="mt-6">
        <h2 id="chosen" className="text-lg font-semibold text-gray-900">
          {partners.length === 1 ? "1 partner selected" : `${partners.length} partners selected`}
        </h2>
        {partners.length === 0 && (
          <Alert tone="warning" className="mt-3">
            Select at least one partner to contact. <Link className="font-medium underline" href={backHref}>Find partners</Link>
          </Alert>
        )}
        {partners.length > MAX_SELECTED && (
          <Alert tone="warning" className="mt-3">
            You can contact up to {MAX_SELECTED} partners at once. Remove {partners.length - MAX_SELECTED} to continue.
          </Alert>
        )}
        <ul className="mt-3 divide-y divide-gray-200 rounded-lg border border-gray-200 bg-white">
          {partners.map((partner) => (
            <li key={partner.id} className="flex items-center gap-4 p-4">
              <PartnerAvatar name={partner.name} />
              <div className="min-w-0 flex-1">
                <p className="font-medium text-gray-900">{partner.name}</p>
                <p className="text-sm text-gray-700">{locationsLabel(partner.locations)}</p>
              </div>
              <Link
                className="rounded text-sm font-medium text-accent-700 underline"
                href={`/partners/contact?${new URLSearchParams(slugs.filter((s) => s !== partner.slug).map((s) => ["sel", s])).toString()}`}
              >
                Remove<span className="sr-only"> {partner.name}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      {partners.length >= 1 && partners.length <= MAX_SELECTED && (
        <section aria-labelledby="needs" className="mt-8 rounded-lg border border-gray-200 bg-white p-6">
          <h2 id="needs" className="text-lg font-semibold text-gray-900">
            Your business needs
          </h2>
          <div className="mt-4">
            <ContactForm
              partnerSlugs={slugs}
              idempotencyKey={randomUUID()}
              countries={COUNTRY_OPTIONS.map((c) => ({ value: c.code, label: c.name }))}
              sizes={SIZE_BANDS.map((band) => ({ value: band, label: SIZE_BAND_LABELS[band] }))}
              defaults={{ country: query.location, size: query.size }}
            />
          </div>
        </section>
      )}
    </main>
  );
}
