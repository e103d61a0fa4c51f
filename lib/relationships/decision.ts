import type { GrantChanges } from "@/db/schema";
import { formatDate } from "@/lib/format";
import { sortByPrivilege, type RoleId } from "@/lib/roles";
import { DAY_MS } from "@/lib/time";

/**
 * What a customer grants when it answers a request for access: the request's roles, end and
 * auto-extend, or less. It can untick roles, move the end earlier (never later) and turn
 * auto-extend off (never on). Whatever is left is exactly what is granted; the difference is the
 * request's "changes", recorded and told to the partner.
 */

/** What the partner asked for. `endsAt` null: no end date (a type without one). */
export interface Requested {
  roles: readonly RoleId[];
  endsAt: Date | null;
  autoExtend: boolean;
}

/** The customer's answer as the form sends it; an absent part takes what was asked. */
export interface Decision {
  roles?: readonly string[];
  /** The last day of access, `YYYY-MM-DD` (UTC, as every date here is shown). */
  endsOn?: string;
  autoExtend?: boolean;
}

export interface Granted {
  roles: RoleId[];
  endsAt: Date | null;
  autoExtend: boolean;
  /** Null when everything was granted as asked. */
  changes: GrantChanges | null;
}

export type { GrantChanges };

export type DecisionField = "roles" | "endsOn";

export type DecisionOutcome = { ok: true; granted: Granted } | { ok: false; fieldErrors: Partial<Record<DecisionField, string[]>> };

export const KEEP_ONE_ROLE = "Keep at least one role. To grant nothing, cancel the invitation instead.";
const ROLES_FROM_REQUEST = "Choose roles from those the partner asked for.";
const DATE_FORMAT = "Enter the end date as a date, for example 2027-05-30.";

/** `YYYY-MM-DD` of a moment, in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Midnight UTC of a `YYYY-MM-DD` day, or undefined when it is not a real calendar day. */
export function parseDay(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

/** Whole days from the start of `now`'s day to the start of `day` (both UTC). */
function daysFromToday(day: Date, now: Date): number {
  return Math.round((day.getTime() - Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) / DAY_MS);
}

/**
 * The end a customer chose: the requested end when they kept its day; otherwise the same time of day
 * on the chosen day (access lasts whole days, counted from now). Never later than asked, never today.
 */
function chosenEnd(requested: Date, endsOn: string | undefined, now: Date): { ok: true; endsAt: Date } | { ok: false; message: string } {
  if (endsOn === undefined || endsOn.trim() === "") return { ok: true, endsAt: requested };
  const day = parseDay(endsOn);
  if (!day) return { ok: false, message: DATE_FORMAT };
  if (isoDay(day) === isoDay(requested)) return { ok: true, endsAt: requested };
  if (day.getTime() > requested.getTime()) {
    return { ok: false, message: `The end date can be moved earlier, not later: ${formatDate(requested)} at the latest.` };
  }
  const days = daysFromToday(day, now);
  if (days < 1) return { ok: false, message: "Choose an end date from tomorrow on." };
  return { ok: true, endsAt: new Date(now.getTime() + days * DAY_MS) };
}

/** What is granted for a request, given the customer's answer; refused field by field when the answer asks for more or for nothing. */
export function decideGrant(requested: Requested, decision: Decision, now = new Date()): DecisionOutcome {
  const errors: Partial<Record<DecisionField, string[]>> = {};
  let roles = [...requested.roles];
  if (decision.roles !== undefined) {
    const asked = new Set<string>(requested.roles);
    if (decision.roles.some((role) => !asked.has(role))) errors.roles = [ROLES_FROM_REQUEST];
    else {
      const kept = new Set(decision.roles);
      roles = requested.roles.filter((role) => kept.has(role));
      if (requested.roles.length > 0 && roles.length === 0) errors.roles = [KEEP_ONE_ROLE];
    }
  }
  let endsAt = requested.endsAt;
  if (requested.endsAt) {
    const end = chosenEnd(requested.endsAt, decision.endsOn, now);
    if (end.ok) endsAt = end.endsAt;
    else errors.endsOn = [end.message];
  }
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };

  const autoExtend = requested.autoExtend && decision.autoExtend !== false;
  const changes: GrantChanges = {};
  const notGranted = requested.roles.filter((role) => !roles.includes(role));
  if (notGranted.length > 0) changes.rolesNotGranted = sortByPrivilege(notGranted).map((role) => role.id);
  if (requested.endsAt && endsAt && endsAt.getTime() !== requested.endsAt.getTime()) {
    changes.endsAt = { requested: requested.endsAt.toISOString(), granted: endsAt.toISOString() };
  }
  if (requested.autoExtend && !autoExtend) changes.autoExtendOff = true;
  return { ok: true, granted: { roles, endsAt, autoExtend, changes: Object.keys(changes).length > 0 ? changes : null } };
}

/** The changes as sentences ("Not granted: Exchange administrator", "End date: Aug 30, 2027 → May 30, 2027"). */
export function describeChanges(changes: GrantChanges, roleName: (id: string) => string): string[] {
  const lines: string[] = [];
  if (changes.rolesNotGranted?.length) lines.push(`Not granted: ${changes.rolesNotGranted.map(roleName).join(", ")}`);
  if (changes.endsAt) lines.push(`End date: ${formatDate(new Date(changes.endsAt.requested))} → ${formatDate(new Date(changes.endsAt.granted))}`);
  if (changes.autoExtendOff) lines.push("Auto-extend: off");
  return lines;
}
