import { redirect } from "next/navigation";
import { getActor, primaryMembership, type Actor, type ActorMembership } from "@/lib/authz";
import { signInPath } from "@/lib/auth/paths";

export interface AreaContext {
  actor: Actor;
  membership: ActorMembership;
}

/**
 * The signed-in person and the organization of the given kind they act for, or null when they
 * have none (the page then explains). Signed-out visitors are sent to sign in and back.
 */
export async function getAreaContext(kind: "customer" | "partner", returnTo: string): Promise<AreaContext | null> {
  const actor = await getActor();
  if (!actor) redirect(signInPath(returnTo));
  const membership = primaryMembership(actor, kind);
  return membership ? { actor, membership } : null;
}
