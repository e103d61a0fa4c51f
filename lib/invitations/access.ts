import type { Invitation } from "@/db/schema";
import { hasPermission, type Actor } from "@/lib/authz";
import { emailDomain, type AddresseeOrganization } from "./addressee";

export type InvitationAccess =
  /** A Global or Billing administrator of an organization the addressee belongs to (or the addressee, being one). */
  | { kind: "allowed"; organizationId: string; organizationName: string }
  /** The addressee, in no organization yet: accepting creates one, with them as Global administrator. */
  | { kind: "creates-organization"; organizationName: string; domain: string }
  /** A member of such an organization without the role to decide. */
  | { kind: "needs-role"; organizationName: string }
  /** Anyone else: they learn nothing about the invitation. */
  | { kind: "not-for-you" };

export function organizationNameFromDomain(domain: string): string {
  const label = domain.split(".")[0] ?? domain;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/**
 * Who may answer an invitation, decided when they answer: it belongs to its addressee. Only they,
 * or the Global and Billing administrators of an organization they belong to now (as a member, or
 * through a domain that organization verified), may see it, accept it or decline it. Whoever first
 * claimed the address's domain gains nothing. Once accepted, the accepting organization is one of
 * its own as well, so its administrators can find it again.
 *
 * `addressee` is addresseeOrganizations(invitation.customerEmail), read in the same request.
 */
export function invitationAccess(
  actor: Actor | null,
  invitation: Pick<Invitation, "customerOrganizationId" | "customerEmail" | "status">,
  addressee: readonly AddresseeOrganization[],
): InvitationAccess {
  if (!actor) return { kind: "not-for-you" };
  const entitled = new Set(addressee.map((o) => o.id));
  if (invitation.status === "accepted" && invitation.customerOrganizationId) entitled.add(invitation.customerOrganizationId);
  const memberships = actor.memberships.filter((m) => m.kind === "customer" && entitled.has(m.organizationId));
  // Someone in several of them answers for the one the invitation was sent to, else the first by name.
  const preferred = <T extends { organizationId: string }>(list: T[]) => list.find((m) => m.organizationId === invitation.customerOrganizationId) ?? list[0];
  const deciding = preferred(memberships.filter((m) => hasPermission(actor, "invitations.accept", m.organizationId)));
  if (deciding) return { kind: "allowed", organizationId: deciding.organizationId, organizationName: deciding.organizationName };
  const member = preferred(memberships);
  if (member) return { kind: "needs-role", organizationName: member.organizationName };
  const isAddressee = actor.email.toLowerCase() === invitation.customerEmail.toLowerCase();
  if (isAddressee && actor.memberships.length === 0) {
    const domain = emailDomain(invitation.customerEmail);
    return { kind: "creates-organization", organizationName: organizationNameFromDomain(domain), domain };
  }
  return { kind: "not-for-you" };
}
