import type { ChangeRequest, RelationshipVersion } from "@/db/schema";
import { formatDate, formatDateTime } from "@/lib/format";
import { isRoleId, roleName, roleNamesByPrivilege, sortByPrivilege, type RoleId } from "@/lib/roles";
import { DAY_MS } from "@/lib/time";
import { describeChanges, isoDay, parseDay } from "./decision";
import type { GrantChanges } from "@/db/schema";
import { GDAP_MAX_DAYS } from "./types";

/**
 * The rules of changing granular delegated access once it is in force (pure; the service applies them):
 * a partner's amendment splits into what applies at once (less access: roles removed, an earlier end)
 * and what becomes a change request (more access: roles added, a later end); a renewal asks for a later
 * end from 30 days before the end; the customer's Extend sets one itself.
 */

/** A change request waits this long for the customer's answer. */
export const CHANGE_REQUEST_LIFETIME_DAYS = 30;
/** From this many days before the end, the customer can Extend and the partner can Request renewal. */
export const RENEWAL_WINDOW_DAYS = 30;

export interface GdapInForce {
  roles: readonly RoleId[];
  endsAt: Date;
  autoExtend: boolean;
  /** When the access was activated (its type established): amendments end within 2 years of it. */
  establishedAt: Date;
}

/** The latest end an amendment may set: 2 years from activation, or the end in force if a renewal took it further. */
export function amendmentMaxEnd(gdap: GdapInForce): Date {
  const max = new Date(gdap.establishedAt.getTime() + GDAP_MAX_DAYS * DAY_MS);
  return max.getTime() > gdap.endsAt.getTime() ? max : gdap.endsAt;
}

/** The latest end a renewal or an extension may set: a new term of at most 2 years from today. */
export function renewalMaxEnd(now: Date): Date {
  return new Date(now.getTime() + GDAP_MAX_DAYS * DAY_MS);
}

/** Whether Extend and Request renewal are offered: the access ends within 30 days. */
export function inRenewalWindow(gdap: Pick<GdapInForce, "endsAt">, now: Date): boolean {
  return gdap.endsAt.getTime() > now.getTime() && gdap.endsAt.getTime() - now.getTime() <= RENEWAL_WINDOW_DAYS * DAY_MS;
}

/** A day chosen on a form as a moment: the same time of day as `anchor` on that day (access lasts whole days). */
function onDay(day: Date, anchor: Date): Date {
  return new Date(day.getTime() + (anchor.getTime() % DAY_MS));
}

export type EndChoice = { ok: true; endsAt: Date } | { ok: false; message: string };

/**
 * A new end from a `YYYY-MM-DD` field: the current end when its day is kept, otherwise that day at the
 * current end's time of day; from tomorrow on and never after `max`.
 */
export function chooseEnd(value: string | undefined, current: Date, max: Date, now: Date): EndChoice {
  if (value === undefined || value.trim() === "") return { ok: true, endsAt: current };
  const day = parseDay(value);
  if (!day) return { ok: false, message: "Enter the end date as a date, for example 2027-05-30." };
  if (isoDay(day) === isoDay(current)) return { ok: true, endsAt: current };
  if (isoDay(day) > isoDay(max)) return { ok: false, message: `Choose an end date up to ${formatDate(max)}.` };
  if (isoDay(day) <= isoDay(now)) return { ok: false, message: "Choose an end date from tomorrow on." };
  const endsAt = onDay(day, current);
  return { ok: true, endsAt: endsAt.getTime() > max.getTime() ? max : endsAt };
}

export interface AmendmentPlan {
  /** Applied at once: roles ended and an earlier end. */
  remove: RoleId[];
  shortenTo: Date | null;
  /** Asked of the customer: roles added and a later end. */
  add: RoleId[];
  extendTo: Date | null;
}

export type AmendmentOutcome = { ok: true; plan: AmendmentPlan } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export const KEEP_ONE_ROLE_AMENDING = "Keep at least one role. To give up every role, end the granular delegated access instead.";

/** A partner's amendment, from the roles it wants to hold and the end it wants, against what is in force. */
export function planAmendment(gdap: GdapInForce, wanted: { roles: readonly string[]; endsOn?: string }, now: Date): AmendmentOutcome {
  const errors: Record<string, string[]> = {};
  const roles = [...new Set(wanted.roles)];
  if (roles.some((role) => !isRoleId(role))) errors.roles = ["Choose roles from the list."];
  else if (roles.length === 0) errors.roles = [KEEP_ONE_ROLE_AMENDING];
  else if (gdap.autoExtend && roles.includes("global_admin") && !gdap.roles.includes("global_admin")) {
    errors.roles = [`Access that auto-extends can't include Global administrator. Ask the customer to turn auto-extend off first, or choose other roles.`];
  }
  const end = chooseEnd(wanted.endsOn, gdap.endsAt, amendmentMaxEnd(gdap), now);
  if (!end.ok) errors.endsOn = [end.message];
  if (Object.keys(errors).length > 0 || !end.ok) return { ok: false, message: "Check the change and try again.", fieldErrors: errors };
  const held = new Set<string>(gdap.roles);
  const kept = new Set(roles);
  const plan: AmendmentPlan = {
    remove: gdap.roles.filter((role) => !kept.has(role)),
    add: sortByPrivilege(roles.filter((role) => !held.has(role))).map((role) => role.id as RoleId),
    shortenTo: end.endsAt.getTime() < gdap.endsAt.getTime() ? end.endsAt : null,
    extendTo: end.endsAt.getTime() > gdap.endsAt.getTime() ? end.endsAt : null,
  };
  if (plan.remove.length === 0 && plan.add.length === 0 && !plan.shortenTo && !plan.extendTo) {
    return { ok: false, message: "Nothing to change: choose roles to add or remove, or a new end date." };
  }
  return { ok: true, plan };
}

/** A diff as people read it: "+ Exchange administrator", "− Helpdesk administrator", "End date: May 30, 2027 → Aug 30, 2027". */
export function diffLines(change: { add?: readonly string[]; remove?: readonly string[]; endsAt?: { from: Date | null; to: Date } | null }): string[] {
  const lines = [...(change.add ?? []).map((role) => `+ ${roleName(role)}`), ...(change.remove ?? []).map((role) => `− ${roleName(role)}`)];
  if (change.endsAt) lines.push(`End date: ${change.endsAt.from ? formatDate(change.endsAt.from) : "none"} → ${formatDate(change.endsAt.to)}`);
  return lines;
}

export interface ChangeDecision {
  roles: RoleId[];
  /** The new end granted, or null when the end stays. */
  endsAt: Date | null;
  changes: GrantChanges | null;
}

/**
 * The customer's answer to a change request: the added roles it keeps and the later end it grants (the
 * one asked for, or an earlier day, never before the end in force). Granting nothing at all is refused:
 * that is a decline.
 */
export function decideChange(
  request: { addRoles: readonly string[]; endsAt: Date | null },
  currentEnd: Date,
  decision: { roles?: readonly string[]; endsOn?: string },
  now: Date,
): { ok: true; decision: ChangeDecision } | { ok: false; message: string; fieldErrors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const asked = request.addRoles.filter(isRoleId);
  let roles = [...asked];
  if (decision.roles !== undefined) {
    if (decision.roles.some((role) => !asked.includes(role as RoleId))) errors.roles = ["Choose roles from those the partner asked for."];
    else roles = asked.filter((role) => decision.roles!.includes(role));
  }
  let endsAt: Date | null = null;
  if (request.endsAt) {
    const end = chooseEnd(decision.endsOn, request.endsAt, request.endsAt, now);
    if (!end.ok) errors.endsOn = [end.message];
    else if (end.endsAt.getTime() < currentEnd.getTime()) errors.endsOn = [`Choose an end date from ${formatDate(currentEnd)} on: approving a change never shortens access.`];
    else if (end.endsAt.getTime() > currentEnd.getTime()) endsAt = end.endsAt;
  }
  if (Object.keys(errors).length === 0 && roles.length === 0 && !endsAt) {
    errors[asked.length > 0 ? "roles" : "endsOn"] = ["Approve at least one change, or decline the request."];
  }
  if (Object.keys(errors).length > 0) return { ok: false, message: "Check what you approve and try again.", fieldErrors: errors };
  const changes: GrantChanges = {};
  const notGranted = asked.filter((role) => !roles.includes(role));
  if (notGranted.length > 0) changes.rolesNotGranted = notGranted;
  if (request.endsAt && (endsAt?.getTime() ?? currentEnd.getTime()) !== request.endsAt.getTime()) {
    changes.endsAt = { requested: request.endsAt.toISOString(), granted: (endsAt ?? currentEnd).toISOString() };
  }
  return { ok: true, decision: { roles, endsAt, changes: Object.keys(changes).length > 0 ? changes : null } };
}

/** What caused a version of the access, as the history reads it. */
export const VERSION_CAUSES: Record<string, string> = {
  accepted: "Accepted as asked",
  approved_with_changes: "Approved with changes",
  amended: "Reduced by the partner",
  change_approved: "Change request approved",
  renewed: "Renewal approved",
  extended: "Extended by the customer",
  roles_removed: "Roles removed by the customer",
  auto_extend_off: "Auto-extend turned off",
  auto_extended: "Extended automatically by 180 days",
  expired: "Expired",
  ended: "Ended by the partner",
  ended_by_customer: "Relationship ended by the customer",
};

/** A change request's status as both portals show it. */
export const CHANGE_REQUEST_STATUS: Record<string, { label: string; tone: "info" | "success" | "warning" | "neutral" | "danger" }> = {
  pending: { label: "Waiting for the customer", tone: "info" },
  approved: { label: "Approved", tone: "success" },
  approved_with_changes: { label: "Approved with changes", tone: "warning" },
  declined: { label: "Declined", tone: "danger" },
  expired: { label: "Expired", tone: "neutral" },
  withdrawn: { label: "Closed: the access ended", tone: "neutral" },
};

/** A relationship's versions and change requests as the history shows them (both portals). */
export function historyRows(history: { versions: RelationshipVersion[]; requests: (Omit<ChangeRequest, "status"> & { status: string })[] }) {
  return {
    versions: history.versions.map((v) => ({
      id: v.id,
      version: v.version,
      at: formatDateTime(v.createdAt),
      cause: VERSION_CAUSES[v.cause] ?? v.cause,
      roles: v.roles.length > 0 ? roleNamesByPrivilege(v.roles).join(", ") : "None",
      endsOn: v.endsAt ? formatDate(v.endsAt) : "—",
      autoExtend: v.autoExtend ? "On" : "Off",
    })),
    requests: history.requests.map((r) => ({
      id: r.id,
      at: formatDateTime(r.createdAt),
      kind: r.kind === "renewal" ? "Renewal" : "Change",
      status: CHANGE_REQUEST_STATUS[r.status] ?? { label: r.status, tone: "neutral" as const },
      lines: diffLines({ add: r.addRoles, endsAt: r.endsAt ? { from: r.endsAtBefore, to: r.endsAt } : null }),
      answer:
        r.status === "declined" && r.declineReason
          ? `Reason: ${r.declineReason}`
          : r.changes
            ? describeChanges(r.changes, roleName).join(". ")
            : null,
    })),
  };
}
