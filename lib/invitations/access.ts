import type { Invitation } from "@/db/schema";
import { hasPermission, type Actor } from "@/lib/authz";

export type InvitationAccess =
  /** A Global or Billing administrator of the invited organization. */
  | { kind: "allowed"; organizationId: string; organizationName: string }
  /** The invitee of a customer not known yet: accepting creates the organization, with them as Global administrator. */
  | { kind: "creates-organization"; organizationName: string; domain: string }
  /** A member of the invited organization without the role to decide. */
  | { kind: "needs-role"; organizationName: string }
  /** Anyone else: they learn nothing about the invitation. */
  | { kind: "not-for-you" };

export function organizationNameFromDomain(domain: string): string {
  const label = domain.split(".")[0] ?? domain;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** Who may answer an invitation: only Global or Billing administrators of the organization it was sent to. */
export function invitationAccess(actor: Actor | null, invitation: Pick<Invitation, "customerOrganizationId" | "customerEmail">): InvitationAccess {
  if (!actor) return { kind: "not-for-you" };
  const customerMemberships = actor.memberships.filter((m) => m.kind === "customer");
  let membership = invitation.customerOrganizationId
    ? customerMemberships.find((m) => m.organizationId === invitation.customerOrganizationId)
    : undefined;
  const isInvitee = actor.email.toLowerCase() === invitation.customerEmail.toLowerCase();
  if (!invitation.customerOrganizationId && isInvitee) {
    membership = customerMemberships[0];
    if (!membership) {
      if (actor.memberships.length > 0) return { kind: "not-for-you" };
      const domain = invitation.customerEmail.split("@")[1] ?? "";
      return { kind: "creates-organization", organizationName: organizationNameFromDomain(domain), domain };
    }
  }
  if (!membership) return { kind: "not-for-you" };
  if (!hasPermission(actor, "invitations.accept", membership.organizationId)) {
    return { kind: "needs-role", organizationName: membership.organizationName };
  }
  return { kind: "allowed", organizationId: membership.organizationId, organizationName: membership.organizationName };
}
