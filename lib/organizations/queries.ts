import { and, arrayContains, eq, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, users } from "@/db/schema";

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
