import "server-only";
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

/** A menu entry shown only to those who may open it. */
export interface AreaMenuItem {
  href: string;
  label: string;
  group?: string;
  permission: Permission;
}

/** The area's menu for the signed-in person: the entries they may open, or null when the area isn't theirs. */
export function areaMenu(actor: Actor | null, area: Permission, items: readonly AreaMenuItem[]): { href: string; label: string; group?: string }[] | null {
  const membership = primaryMembership(actor, PERMISSIONS[area].kind);
  if (!membership || !hasPermission(actor, area, membership.organizationId)) return null;
  return items.filter((item) => hasPermission(actor, item.permission, membership.organizationId)).map(({ href, label, group }) => ({ href, label, group }));
}

/** What the site header shows for the signed-in person (or a visitor). */
export function headerView(actor: Actor | null, mailbox: boolean) {
  return {
    signedInAs: actor ? (actor.name ?? actor.email) : null,
    adminCenter: areaMenu(actor, "admin.view", []) !== null,
    partnerPortal: areaMenu(actor, "partner.view", []) !== null,
    mailbox,
  };
}
