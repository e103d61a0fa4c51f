import type { AuditEvent, RelationshipType } from "@/db/schema";
import { RELATIONSHIP_TYPES } from "@/lib/relationships/types";

/** The type an event's details name (an id such as "gdap"), as people read it; undefined when it names none. */
function typeName(details: Record<string, unknown>): string | undefined {
  const id = details.type;
  return typeof id === "string" ? RELATIONSHIP_TYPES.find((t) => t.id === (id as RelationshipType))?.name : undefined;
}

const GDAP = "Granular delegated administrator";

/** Labels that name the relationship type when the event's details carry one ("Reseller invitation accepted"). */
const LABELS: Record<string, (type: string | undefined) => string> = {
  "invitation.sent": (t) => `${t ?? "Partner"} invitation sent`,
  "invitation.resent": (t) => `${t ?? "Partner"} invitation sent again`,
  "invitation.cancelled": (t) => `${t ?? "Partner"} invitation canceled by the partner`,
  "invitation.requested": (t) => `${t ?? "Partner"} access requested`,
  "invitation.accepted": (t) => `${t ?? "Partner"} invitation accepted`,
  "invitation.approved_with_changes": (t) => `${t ?? "Partner"} invitation approved with changes`,
  "invitation.declined": (t) => `${t ?? "Partner"} invitation canceled by the customer`,
  "invitation.expired": (t) => `${t ?? "Partner"} invitation expired`,
  "agreement.accepted": () => "Customer Agreement accepted",
  "roles.granted": (t) => (t ? `Admin roles granted with the ${t} relationship` : "Admin roles granted"),
  "roles.removed": () => "Admin roles removed",
  "gdap.extended": () => `${GDAP} relationship extended by 180 days`,
  "gdap.expired": () => `${GDAP} relationship expired`,
  "gdap.terminated": () => `${GDAP} relationship ended by the partner`,
  "gdap.auto_extend_off": () => `${GDAP} auto-extend turned off`,
  "gdap.extended_by_customer": () => `${GDAP} relationship extended by the customer`,
  "relationship.amended": () => `${GDAP} access reduced by the partner`,
  "relationship.ended": () => "Relationship ended by the customer",
  "change_request.created": () => `Change to ${GDAP} access requested`,
  "change_request.approved": () => `Change to ${GDAP} access approved`,
  "change_request.approved_with_changes": () => `Change to ${GDAP} access approved with changes`,
  "change_request.declined": () => `Change to ${GDAP} access declined`,
  "access.assigned": () => "Access assigned to a group",
  "activation.requested": () => "Just-in-time activation requested",
  "activation.started": () => "Just-in-time role activated",
  "activation.approved": () => "Just-in-time activation approved",
  "activation.denied": () => "Just-in-time activation denied",
  "activation.revoked": () => "Just-in-time activation revoked",
  "access.unassigned": () => "A group's access removed",
  "access.person_blocked": () => "Partner person blocked",
  "access.person_unblocked": () => "Partner person unblocked",
  "group.created": () => "Security group created",
  "group.member_added": () => "Added to a security group",
  "group.member_removed": () => "Removed from a security group",
  "team.person_added": () => "Person added to the team",
  "team.person_deactivated": () => "Person deactivated",
  "team.person_reactivated": () => "Person reactivated",
  "mpsa.sharing_allowed": () => "MPSA partner purchase sharing allowed",
  "mpsa.sharing_stopped": () => "MPSA partner purchase sharing stopped",
  "organization.created": () => "Organization created",
  "domain.added": () => "Domain added",
  "domain.verified": () => "Domain verified",
  "domain.removed": () => "Domain removed",
  "member.added": () => "User invited",
  "member.roles_changed": () => "User's admin roles changed",
  "template.saved": () => "Role template saved",
  "template.deleted": () => "Role template deleted",
};

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * A sentence for an audit event: what happened, with the relationship type it concerns, and the
 * roles it names (each with the type that granted it, for a removal), the types a removal ended,
 * a relationship that ended, and a reason given.
 */
export function describeEvent(event: Pick<AuditEvent, "action" | "details">): string {
  const details = event.details ?? {};
  if (event.action === "token.issued") {
    // "Patti Fernandez (Fabrikam) obtained Helpdesk administrator for 10 min: <reason>"
    return `${String(details.person ?? "Someone")} (${String(details.partner ?? "the partner")}) obtained ${list(strings(details.roles))} for ${Number(details.minutes ?? 10)} min: ${String(details.reason ?? "")}`;
  }
  const label = LABELS[event.action]?.(typeName(details)) ?? event.action;
  const parts: string[] = [];
  const grants = Array.isArray(details.grants)
    ? (details.grants as unknown[]).filter((g): g is { role: string; type: string } => typeof g === "object" && g !== null && "role" in g && "type" in g)
    : [];
  if (grants.length > 0) parts.push(grants.map((g) => `${g.role} (${g.type})`).join(", "));
  else if (strings(details.roles).length > 0) parts.push(strings(details.roles).join(", "));
  let sentence = parts.length > 0 ? `${label}: ${parts.join("")}` : label;
  const ended = strings(details.endedTypes);
  if (ended.length > 0) sentence += `. ${list(ended)} ${ended.length === 1 ? "relationship" : "relationships"} ended`;
  if (details.relationshipEnded === true) sentence += ". The relationship ended: no type is left";
  for (const change of strings(details.changes)) sentence += `. ${change}`;
  if (typeof details.email === "string" && event.action.startsWith("member.")) sentence += `: ${details.email}`;
  if (strings(details.added).length > 0) sentence += `. Added: ${strings(details.added).join(", ")}`;
  if (strings(details.removed).length > 0) sentence += `. Removed: ${strings(details.removed).join(", ")}`;
  if (typeof details.reason === "string" && details.reason.trim()) sentence += `. Reason: ${details.reason.trim()}`;
  return sentence;
}

/**
 * Who did it, as an entry shows them: their name (when the event's person has one) with their
 * email address for a title on hover, or the recorded label (an address, "System").
 */
export function eventActor(event: Pick<AuditEvent, "actorLabel"> & { actorName?: string | null }): { name: string; email: string | null } {
  const label = event.actorLabel;
  const email = label.includes("@") ? label : null;
  return { name: event.actorName?.trim() || label, email: event.actorName?.trim() ? email : null };
}
