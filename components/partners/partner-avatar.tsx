import { countryName, initials } from "@/lib/partners/catalog";
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
