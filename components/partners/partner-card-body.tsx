import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { countryName, initials, sizesServedLabel } from "@/lib/partners/catalog";
import type { DirectoryResult } from "@/lib/partners/search";

export function PartnerAvatar({ name }: { name: string }) {
  return (
    <span aria-hidden="true" className="grid size-12 shrink-0 place-items-center rounded-lg bg-accent-50 text-base font-semibold text-accent-800">
      {initials(name)}
    </span>
  );
}

export function locationsLabel(locations: DirectoryResult["locations"]): string {
  return locations.map((l) => `${l.city}, ${countryName(l.country)}`).join(" · ");
}

export function PartnerCardBody({ partner, headingLevel = 3 }: { partner: DirectoryResult; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="flex min-w-0 flex-1 gap-4">
      <PartnerAvatar name={partner.name} />
      <div className="min-w-0 flex-1">
        <Heading className="text-base font-semibold text-gray-900">
          <Link href={`/partners/${partner.slug}`} className="underline-offset-2 hover:underline">
            {partner.name}
          </Link>
        </Heading>
        <p className="mt-0.5 text-sm text-gray-700">{partner.headline}</p>
        <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm text-gray-700 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium text-gray-900">Locations</dt>
          <dd>{locationsLabel(partner.locations)}</dd>
          <dt className="font-medium text-gray-900">Serves</dt>
          <dd>{sizesServedLabel(partner.sizesServed)}</dd>
          {partner.rating !== null && (
            <>
              <dt className="font-medium text-gray-900">Rating</dt>
              <dd>{partner.rating.toFixed(1)} out of 5</dd>
            </>
          )}
        </dl>
        <ul aria-label="Top services" className="mt-3 flex flex-wrap gap-1.5">
          {partner.services.slice(0, 4).map((service) => (
            <li key={service}>
              <Badge tone="info">{service}</Badge>
            </li>
          ))}
        </ul>
        {partner.certifications.length > 0 && (
          <p className="mt-2 text-xs text-gray-600">Certifications: {partner.certifications.join(" · ")}</p>
        )}
      </div>
    </div>
  );
}
