import type { AuditEvent } from "@/db/schema";

const LABELS: Record<string, string> = {
  "invitation.sent": "Invitation sent",
  "invitation.resent": "Invitation sent again",
  "invitation.cancelled": "Invitation cancelled by the partner",
  "invitation.accepted": "Invitation accepted",
  "invitation.declined": "Invitation declined",
  "invitation.expired": "Invitation expired",
  "agreement.accepted": "Customer Agreement accepted",
  "roles.granted": "Admin roles granted",
  "roles.removed": "Admin roles removed",
  "gdap.extended": "Granular delegated access extended by 180 days",
  "gdap.expired": "Granular delegated access ended",
  "gdap.auto_extend_off": "Auto-extend turned off",
  "mpsa.sharing_allowed": "MPSA purchase sharing allowed",
  "mpsa.sharing_stopped": "MPSA purchase sharing stopped",
  "organization.created": "Organization created",
  "domain.added": "Domain added",
  "domain.verified": "Domain verified",
  "domain.removed": "Domain removed",
};

/** A sentence for an audit event: what happened, and to which roles when it names any. */
export function describeEvent(event: Pick<AuditEvent, "action" | "details">): string {
  const label = LABELS[event.action] ?? event.action;
  const roles = Array.isArray(event.details.roles) ? (event.details.roles as string[]) : [];
  return roles.length > 0 ? `${label}: ${roles.join(", ")}` : label;
}
