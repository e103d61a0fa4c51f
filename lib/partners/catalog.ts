import { COUNTRIES, SIZE_BANDS, SIZE_BAND_LABELS, type SizeBand } from "@/db/catalog";

export { COUNTRIES, SIZE_BANDS, SIZE_BAND_LABELS, type SizeBand };

const countryNames = new Map(COUNTRIES.map((c) => [c.code, c.name]));

export const COUNTRY_OPTIONS = [...COUNTRIES].sort((a, b) => a.name.localeCompare(b.name)).map((c) => ({ code: c.code, name: c.name }));

export function countryName(code: string): string {
  return countryNames.get(code) ?? code;
}

export function isCountryCode(value: string): boolean {
  return countryNames.has(value);
}

export function isSizeBand(value: string): value is SizeBand {
  return (SIZE_BANDS as readonly string[]).includes(value);
}

/** "50–249 to 1,000–9,999 employees" for contiguous bands, otherwise each band. */
export function sizesServedLabel(bands: readonly string[]): string {
  const ordered = SIZE_BANDS.filter((band) => bands.includes(band));
  if (ordered.length === 0) return "Any size";
  if (ordered.length === SIZE_BANDS.length) return "Any size";
  const first = SIZE_BANDS.indexOf(ordered[0] as SizeBand);
  const contiguous = ordered.every((band, i) => SIZE_BANDS.indexOf(band) === first + i);
  const short = (band: SizeBand) => SIZE_BAND_LABELS[band].replace(" employees", "");
  if (contiguous && ordered.length > 1) {
    return `${short(ordered[0] as SizeBand)} to ${SIZE_BAND_LABELS[ordered[ordered.length - 1] as SizeBand]}`;
  }
  return ordered.map((band) => SIZE_BAND_LABELS[band]).join(", ");
}

export function initials(name: string): string {
  const words = name.replace(/[^\p{L}\p{N} ]/gu, " ").split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] ?? "") + (words[1]?.[0] ?? "")).toUpperCase() || "?";
}
