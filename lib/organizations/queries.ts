import "server-only";
import { and, arrayContains, eq, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, partnerProfiles, users } from "@/db/schema";

/** Every Global administrator of the organization: the people told whenever a partner gains or loses access. */
export async function globalAdminEmails(db: DbOrTx, organizationId: string): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), arrayContains(memberships.roles, ["global_admin"]), isNotNull(users.email)))
    .orderBy(users.email);
  return rows.map((r) => r.email as string);
}

/** Who hears about a partner organization's relationships: its agents, or its directory contact when it has none. */
export async function partnerRecipients(db: DbOrTx, partnerOrganizationId: string): Promise<string[]> {
  const agents = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, partnerOrganizationId), isNotNull(users.email)))
    .orderBy(users.email);
  if (agents.length > 0) return agents.map((a) => a.email as string);
  const [profile] = await db.select({ email: partnerProfiles.contactEmail }).from(partnerProfiles).where(eq(partnerProfiles.organizationId, partnerOrganizationId));
  return profile ? [profile.email] : [];
}
