import type { RelationshipTypeRow, RoleGrant } from "@/db/schema";
import { DAY_MS } from "@/lib/time";

export const EXPIRING_WITHIN_DAYS = 30;

export type GdapStatus =
  | { kind: "none" }
  | { kind: "pending" }
  | { kind: "active"; endsAt: Date }
  | { kind: "expiring"; endsAt: Date; days: number }
  | { kind: "expired"; endsAt: Date }
  | { kind: "terminated"; at: Date };

/** GDAP status from the dates alone, so access is shown (and treated) as expired the moment it ends. */
export function gdapStatus(gdap: Pick<RelationshipTypeRow, "endsAt" | "terminatedAt"> | undefined, hasPendingInvitation: boolean, now = new Date()): GdapStatus {
  if (!gdap) return hasPendingInvitation ? { kind: "pending" } : { kind: "none" };
  if (gdap.terminatedAt) return { kind: "terminated", at: gdap.terminatedAt };
  if (!gdap.endsAt) return { kind: "none" };
  const left = gdap.endsAt.getTime() - now.getTime();
  if (left <= 0) return { kind: "expired", endsAt: gdap.endsAt };
  if (left <= EXPIRING_WITHIN_DAYS * DAY_MS) return { kind: "expiring", endsAt: gdap.endsAt, days: Math.ceil(left / DAY_MS) };
  return { kind: "active", endsAt: gdap.endsAt };
}

export function gdapStatusLabel(status: GdapStatus): string {
  switch (status.kind) {
    case "none":
      return "—";
    case "pending":
      return "Approval pending";
    case "active":
      return "Active";
    case "expiring":
      return `Expiring in ${status.days} ${status.days === 1 ? "day" : "days"}`;
    case "expired":
      return "Expired";
    case "terminated":
      return "Terminated";
  }
}

/** A grant is in force until it is ended or its expiry passes, whichever comes first. */
export function isGrantActive(grant: Pick<RoleGrant, "endedAt" | "expiresAt">, now = new Date()): boolean {
  return !grant.endedAt && (!grant.expiresAt || grant.expiresAt.getTime() > now.getTime());
}
