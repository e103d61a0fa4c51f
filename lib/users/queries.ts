import "server-only";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";

/** The organization's members with their admin roles, by name (the Users page; Global administrators only). */
export async function listMembers(db: DbOrTx, read: { actor: Actor | null; organizationId: string }) {
  requirePermission(read.actor, "users.manage", read.organizationId);
  return db
    .select({ membershipId: memberships.id, userId: users.id, name: users.name, email: users.email, roles: memberships.roles, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, read.organizationId))
    .orderBy(asc(users.email))
    .limit(500);
}
