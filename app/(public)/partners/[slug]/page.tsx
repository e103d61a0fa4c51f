import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PartnerAvatar } from "@/components/partners/partner-avatar";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { readPathParams, readSearchParams, type SearchParams } from "@/lib/page-params";
import { countryName, sizesServedLabel } from "@/lib/partners/catalog";
import { getProfileBySlug } from "@/lib/partners/queries";
import { directoryHref, parseDirectoryQuery } from "@/lib/partners/search";
import { contactPartnerHref, ratingLabel } from "@/lib/partners/text";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await getProfileBySlug(await getDb(), (await readPathParams(params)).slug);
  return { title: profile?.name ?? "Partner" };
}

function List({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-label={title}>
      <h2 className="text-base font-semibold text-gray-900">{title}</h2>
      <ul className="mt-2 flex flex-wrap gap-1.5">
        {items.map((item) => (
          <li key={item}>
            <Badge tone="neutral">{item}</Badge>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default async function PartnerProfilePage({ params, searchParams }: Props) {
  const profile = await getProfileBySlug(await getDb(), (await readPathParams(params)).slug);
  if (!profile) notFound();
  // Opened from the results: the search and the partners chosen there come along in the address.
  const query = parseDirectoryQuery(await readSearchParams(searchParams));
  const fromResults = Boolean(query.q || query.location || query.city || query.size || query.sel.length > 0 || query.page > 1);
  return (
    <main className="mx-auto w-full max-w-4xl px-4 py-6 md:py-8">
      <p>
        <Link className="text-sm font-medium text-accent-700 underline" href={directoryHref(query)}>
          {fromResults ? "Back to results" : "Find a partner"}
        </Link>
      </p>
      <div className="mt-4 flex flex-wrap items-start gap-4">
        <PartnerAvatar name={profile.name} />
        <div className="min-w-0 flex-1">
          <h1 className="text-3xl font-semibold tracking-tight text-gray-900">{profile.name}</h1>
          <p className="mt-1 text-gray-700">{profile.headline}</p>
        </div>
        <Link className={buttonClasses({ variant: "primary" })} href={contactPartnerHref(query, profile.slug)}>
          Contact this partner
        </Link>
      </div>
      <div className="mt-8 grid gap-8 md:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <section aria-labelledby="about">
            <h2 id="about" className="text-base font-semibold text-gray-900">
              About
            </h2>
            <p className="mt-2 leading-relaxed text-gray-800">{profile.description}</p>
          </section>
          <List title="Services" items={profile.services} />
          <List title="Industries" items={profile.industries} />
          <List title="Certifications" items={profile.certifications} />
        </div>
        <aside aria-label="Details" className="h-fit rounded-lg border border-gray-200 bg-white p-4 text-sm">
          <dl className="space-y-3">
            <div>
              <dt className="font-medium text-gray-900">Locations</dt>
              <dd className="text-gray-700">
                <ul>
                  {profile.locations.map((l) => (
                    <li key={`${l.country}-${l.city}`}>
                      {l.city}, {countryName(l.country)}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
            <div>
              <dt className="font-medium text-gray-900">Organization sizes served</dt>
              <dd className="text-gray-700">{sizesServedLabel(profile.sizesServed)}</dd>
            </div>
            {profile.rating !== null && (
              <div>
                <dt className="font-medium text-gray-900">Customer rating</dt>
                <dd className="text-gray-700">{ratingLabel(profile.rating, profile.reviewCount)}</dd>
              </div>
            )}
            {profile.yearFounded && (
              <div>
                <dt className="font-medium text-gray-900">Founded</dt>
                <dd className="text-gray-700">{profile.yearFounded}</dd>
              </div>
            )}
            {profile.website && (
              <div>
                <dt className="font-medium text-gray-900">Website</dt>
                <dd>
                  <a className="text-accent-700 underline" href={profile.website} rel="noopener noreferrer">
                    {profile.website.replace(/^https?:\/\//, "")}
                  </a>
                </dd>
              </div>
            )}
          </dl>
        </aside>
      </div>
    </main>
  );
}
