import { redirect } from "next/navigation";
import { getActor, hasPermission, PERMISSIONS, primaryMembership, type Actor, type ActorMembership, type Permission } from "@/lib/authz";
import { signInPath } from "@/lib/auth/paths";

export interface AreaContext {
  actor: Actor;
  membership: ActorMembership;
}

/**
 * The signed-in person and the organization they act for in the permission's area, or null when
 * they hold no such permission there (the page then explains). Signed-out visitors are sent to
 * sign in and back.
 */
export async function getAreaContext(permission: Permission, returnTo: string): Promise<AreaContext | null> {
  const actor = await getActor();
  if (!actor) redirect(signInPath(returnTo));
  const membership = primaryMembership(actor, PERMISSIONS[permission].kind);
  return membership && hasPermission(actor, permission, membership.organizationId) ? { actor, membership } : null;
}
