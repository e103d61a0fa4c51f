import { directoryHref, type DirectoryQuery } from "./search/query";
import { formatNumber } from "@/lib/format";

/** "128 reviews", "1 review"; null where reviews are not counted. */
export function reviewsLabel(count: number | null | undefined): string | null {
  if (count === null || count === undefined || !Number.isFinite(count) || count < 0) return null;
  return `${formatNumber(count)} ${count === 1 ? "review" : "reviews"}`;
}

/** A rating with its review count: "4.6 out of 5 (128 reviews)". */
export function ratingLabel(ratingTenths: number, reviewCount: number | null | undefined): string {
  const reviews = reviewsLabel(reviewCount);
  return `${(ratingTenths / 10).toFixed(1)} out of 5${reviews ? ` (${reviews})` : ""}`;
}

/**
 * Contact this partner, from a profile opened from the directory: the partners chosen before stay
 * chosen and this one joins them (the search travels along, so the contact page's way back returns to it).
 */
export function contactPartnerHref(query: Pick<DirectoryQuery, "location" | "city" | "size" | "q" | "sel">, slug: string): string {
  const sel = query.sel.includes(slug) ? query.sel : [...query.sel, slug];
  return directoryHref({ location: query.location, city: query.city, size: query.size, q: query.q, sel }, "/partners/contact");
}
