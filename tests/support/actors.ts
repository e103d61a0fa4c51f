import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { loadActor, type Actor } from "@/lib/authz";

/** The actor for a seeded account, as the app would load it for that signed-in person. */
export async function actorFor(db: Db, email: string): Promise<Actor> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`No seeded user ${email}`);
  const actor = await loadActor(db, user.id);
  if (!actor) throw new Error(`No actor for ${email}`);
  return actor;
}

/** A Global reader of the organization, for tests of what its admins read (reads ask the permission map). */
export function readerOf(organizationId: string): { actor: Actor; organizationId: string } {
  return {
    actor: { userId: "test-reader", email: "reader@test.example", name: null, memberships: [{ organizationId, organizationName: "Test", kind: "customer", roles: ["global_reader"] }] },
    organizationId,
  };
}

/** An admin agent of the partner organization, for tests of what its agents read. */
export function agentOf(organizationId: string): { actor: Actor; organizationId: string } {
  return {
    actor: { userId: "test-agent", email: "agent@test.example", name: null, memberships: [{ organizationId, organizationName: "Test", kind: "partner", roles: ["admin_agent"] }] },
    organizationId,
  };
}
