import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { partnerProfiles, type PartnerProfile } from "@/db/schema";

export async function getProfileBySlug(db: DbOrTx, slug: string): Promise<PartnerProfile | undefined> {
  const [profile] = await db.select().from(partnerProfiles).where(eq(partnerProfiles.slug, slug)).limit(1);
  return profile;
}

/** Profiles for the given slugs, in the order given; unknown slugs are left out. */
export async function getProfilesBySlugs(db: DbOrTx, slugs: readonly string[]): Promise<PartnerProfile[]> {
  if (slugs.length === 0) return [];
  const rows = await db.select().from(partnerProfiles).where(inArray(partnerProfiles.slug, [...slugs]));
  return slugs.flatMap((slug) => rows.filter((r) => r.slug === slug));
}

