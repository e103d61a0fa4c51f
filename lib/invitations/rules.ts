import { invitationStatus, type Invitation, type InvitationStatus } from "@/db/schema";
import { hasPermission, type Actor } from "@/lib/authz";
import { GDAP_AUTO_EXTEND_DAYS, GDAP_MAX_DAYS, GDAP_MIN_DAYS, relationshipTypeInfo, type RelationshipType } from "@/lib/relationships/types";
import { isRoleId, type RoleId } from "@/lib/roles";
import { addDays } from "@/lib/time";
import type { AddresseeOrganization } from "./queries";

/** Every status an invitation can have, in the order the lists show them. */
export const INVITATION_STATUSES: readonly InvitationStatus[] = invitationStatus.enumValues;

/** The roles an invitation of this type asks for: fixed by the type, or chosen (GDAP). */
export function rolesFor(type: RelationshipType, chosen: readonly string[]): RoleId[] {
  const info = relationshipTypeInfo(type);
  return info.choosesRoles ? chosen.filter(isRoleId) : [...info.fixedRoles];
}

type GdapProblem = { field: "roles" | "durationDays" | "autoExtend"; message: string };

/** GDAP's rules: at least one role, 1 day to 2 years, and never auto-extend with Global administrator. */
export function gdapProblems(roles: readonly string[], durationDays: number | null, autoExtend: boolean): GdapProblem[] {
  const problems: GdapProblem[] = [];
  if (roles.length === 0) problems.push({ field: "roles", message: "Choose at least one role for granular delegated access." });
  if (durationDays === null || !Number.isInteger(durationDays) || durationDays < GDAP_MIN_DAYS || durationDays > GDAP_MAX_DAYS) {
    problems.push({ field: "durationDays", message: `Choose a duration from ${GDAP_MIN_DAYS} day to ${GDAP_MAX_DAYS} days (2 years).` });
  }
  if (autoExtend && roles.includes("global_admin")) {
    problems.push({
      field: "autoExtend",
      message: `Access that includes Global administrator can't auto-extend. Remove Global administrator or turn off auto-extend by ${GDAP_AUTO_EXTEND_DAYS} days.`,
    });
  }
  return problems;
}

/** Pending invitations past their expiry are expired the moment it passes, whether or not a sweep has run. */
export function effectiveStatus(invitation: Pick<Invitation, "status" | "expiresAt">, now = new Date()): InvitationStatus {
  return invitation.status === "pending" && invitation.expiresAt.getTime() <= now.getTime() ? "expired" : invitation.status;
}

export function durationLabel(days: number): string {
  if (days % 365 === 0) return `${days / 365} ${days === 365 ? "year" : "years"}`;
  if (days === 730) return "2 years";
  return `${days} ${days === 1 ? "day" : "days"}`;
}

/** When GDAP access would end if accepted at this moment (the end is activation + duration). */
export function endIfAcceptedNow(durationDays: number, now = new Date()): Date {
  return addDays(now, durationDays);
}

/** The part of an address after its @, lower-cased: what a verified domain is compared with. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

export type InvitationAccess =
  /** A Global or Billing administrator of an organization the addressee belongs to (or the addressee, being one). */
  | { kind: "allowed"; organizationId: string; organizationName: string }
  /** The addressee, in no organization yet: accepting creates one, with them as Global administrator. */
  | { kind: "creates-organization"; organizationName: string; domain: string }
  /** A member of such an organization without the role to decide. */
  | { kind: "needs-role"; organizationName: string }
  /** Anyone else: they learn nothing about the invitation. */
  | { kind: "not-for-you" };

function organizationNameFromDomain(domain: string): string {
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
 * `addressee` is addresseeOrganizations(invitation.customerEmail) (./queries.ts), read in the same request.
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

/** How long after a send (or a resend) Resend is refused: one email a minute at most. */
export const RESEND_COOLDOWN_MS = 60_000;

/** When Resend is next allowed for an invitation last sent at `lastSentAt`. */
export function resendAvailableAt(invitation: Pick<Invitation, "lastSentAt">): Date {
  return new Date(invitation.lastSentAt.getTime() + RESEND_COOLDOWN_MS);
}

