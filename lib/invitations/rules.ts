import { invitationStatus, type Invitation, type InvitationStatus } from "@/db/schema";
import { GDAP_AUTO_EXTEND_DAYS, GDAP_MAX_DAYS, GDAP_MIN_DAYS, relationshipTypeInfo, type RelationshipType } from "@/lib/relationships/types";
import { isRoleId, type RoleId } from "@/lib/roles";
import { addDays } from "@/lib/time";

/** The roles an invitation of this type asks for: fixed by the type, or chosen (GDAP). */
/** Every status an invitation can have, in the order the lists show them. */
export const INVITATION_STATUSES: readonly InvitationStatus[] = invitationStatus.enumValues;

export function rolesFor(type: RelationshipType, chosen: readonly string[]): RoleId[] {
  const info = relationshipTypeInfo(type);
  return info.choosesRoles ? chosen.filter(isRoleId) : [...info.fixedRoles];
}

export type GdapProblem = { field: "roles" | "durationDays" | "autoExtend"; message: string };

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
