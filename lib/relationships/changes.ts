import "server-only";
import { and, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { changeRequests, organizations, relationshipTypes, relationshipVersions, relationships, roleGrants, type ChangeRequest, type Relationship } from "@/db/schema";
import { recordAuditOnBothSides } from "@/lib/audit/service";
import { requireMembership, type Actor, type Authorized } from "@/lib/authz";
import { appUrl } from "@/lib/email/config";
import { sendEmail } from "@/lib/email/send";
import { formatDate } from "@/lib/format";
import { isUuid } from "@/lib/ids";
import { changeDeciderEmails, partnerAdminRecipients } from "@/lib/organizations/queries";
import { isRoleId, roleName, roleNamesByPrivilege, type RoleId } from "@/lib/roles";
import { DAY_MS } from "@/lib/time";
import {
  CHANGE_REQUEST_LIFETIME_DAYS,
  chooseEnd,
  decideChange,
  diffLines,
  inRenewalWindow,
  planAmendment,
  renewalMaxEnd,
  type GdapInForce,
} from "./amendment";
import { describeChanges } from "./decision";
import { isGrantActive, isTypeInForce } from "./rules";

/*
 * Changing granular delegated access once it is in force: the partner's amendment (less access applied
 * at once, more access asked as a change request), its renewal request, the customer's answer to a
 * change request (approve, with changes, or decline) and the customer's Extend. Each is one
 * transaction that locks the relationship row first (as Remove roles, End GDAP and the expiry sweep
 * do), so two changes to one relationship happen one after the other, never interleaved; each writes
 * a version of the access (relationship_versions), audits both sides and tells the other side.
 */

export type ChangeOutcome = { ok: true; code: string; message: string; relationshipId: string } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

const NOT_FOUND = { ok: false, code: "not_found", message: "That relationship was not found." } as const;
const NO_GDAP = {
  ok: false,
  code: "no_gdap",
  message: "This relationship has no granular delegated access in force: it ended or expired. Send a new invitation instead.",
} as const;

/** The GDAP type in force and its roles, read under the relationship's lock. */
async function gdapInForce(tx: DbOrTx, relationshipId: string, now: Date) {
  const [type] = await tx
    .select()
    .from(relationshipTypes)
    .where(and(eq(relationshipTypes.relationshipId, relationshipId), eq(relationshipTypes.type, "gdap")));
  if (!type || !isTypeInForce(type, now) || !type.endsAt) return undefined;
  const grants = (
    await tx
      .select()
      .from(roleGrants)
      .where(and(eq(roleGrants.relationshipId, relationshipId), eq(roleGrants.viaType, "gdap"), isNull(roleGrants.endedAt)))
  ).filter((g) => isGrantActive(g, now));
  if (grants.length === 0) return undefined;
  const state: GdapInForce = { roles: grants.map((g) => g.roleId).filter(isRoleId), endsAt: type.endsAt, autoExtend: type.autoExtend, establishedAt: type.establishedAt };
  return { type, grants, state };
}

/**
 * Records the version of a relationship's granular delegated access after a change, in the change's
 * transaction: the roles in force, the end and auto-extend, and what caused it.
 */
export async function recordGdapVersion(
  tx: DbOrTx,
  relationshipId: string,
  cause: string,
  by: { userId: string | null; changeRequestId?: string | null },
  now: Date,
): Promise<void> {
  // The version number is the next under the relationship's lock (taken again here for callers that do not hold it).
  await tx.select({ id: relationships.id }).from(relationships).where(eq(relationships.id, relationshipId)).for("update");
  const [type] = await tx
    .select()
    .from(relationshipTypes)
    .where(and(eq(relationshipTypes.relationshipId, relationshipId), eq(relationshipTypes.type, "gdap")));
  const grants = await tx
    .select({ roleId: roleGrants.roleId })
    .from(roleGrants)
    .where(and(eq(roleGrants.relationshipId, relationshipId), eq(roleGrants.viaType, "gdap"), isNull(roleGrants.endedAt)));
  const live = type && !type.terminatedAt && (!type.endsAt || type.endsAt.getTime() > now.getTime());
  const [{ next }] = (await tx
    .select({ next: sql<number>`coalesce(max(${relationshipVersions.version}), 0) + 1` })
    .from(relationshipVersions)
    .where(eq(relationshipVersions.relationshipId, relationshipId))) as [{ next: number }];
  await tx.insert(relationshipVersions).values({
    relationshipId,
    version: Number(next),
    roles: live ? grants.map((g) => g.roleId) : [],
    endsAt: type?.terminatedAt ?? type?.endsAt ?? null,
    autoExtend: Boolean(live && type?.autoExtend),
    cause,
    changeRequestId: by.changeRequestId ?? null,
    createdById: by.userId,
    createdAt: now,
  });
  // Access that ended leaves nothing to change: its open request closes with it.
  if (!live) {
    await tx
      .update(changeRequests)
      .set({ status: "withdrawn", decidedAt: now })
      .where(and(eq(changeRequests.relationshipId, relationshipId), eq(changeRequests.status, "pending")));
  }
}

/** Marks a relationship's open change request expired once its 30 days are over (the unique index then lets a new one in). */
async function expireStaleRequests(tx: DbOrTx, relationshipId: string, now: Date): Promise<void> {
  await tx
    .update(changeRequests)
    .set({ status: "expired", decidedAt: now })
    .where(and(eq(changeRequests.relationshipId, relationshipId), eq(changeRequests.status, "pending"), lte(changeRequests.expiresAt, now)));
}

async function openRequest(tx: DbOrTx, relationshipId: string): Promise<ChangeRequest | undefined> {
  const [open] = await tx
    .select()
    .from(changeRequests)
    .where(and(eq(changeRequests.relationshipId, relationshipId), eq(changeRequests.status, "pending")))
    .for("update");
  return open;
}

/** The two organizations' names of a relationship. */
export async function orgNames(tx: DbOrTx, relationship: Pick<Relationship, "customerOrganizationId" | "partnerOrganizationId">) {
  const rows = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, [relationship.customerOrganizationId, relationship.partnerOrganizationId]));
  const name = (id: string) => rows.find((r) => r.id === id)?.name ?? "";
  return { customerName: name(relationship.customerOrganizationId), partnerName: name(relationship.partnerOrganizationId) };
}

/** The customer's deciders (Global administrators and Partner relationship administrators) or the partner's admin agents. */
async function recipientsOf(tx: DbOrTx, relationship: Relationship, side: "customer" | "partner"): Promise<string[]> {
  return side === "customer" ? changeDeciderEmails(tx, relationship.customerOrganizationId) : partnerAdminRecipients(tx, relationship.partnerOrganizationId);
}

function pageOf(relationship: Relationship, side: "customer" | "partner", anchor = ""): string {
  return side === "customer" ? `${appUrl()}/admin/settings/partner-relationships/${relationship.id}${anchor}` : `${appUrl()}/partner/customers/${relationship.id}${anchor}`;
}

async function tell(
  tx: DbOrTx,
  relationship: Relationship,
  side: "customer" | "partner",
  email: { headline: string; summary: string; lines: string[]; note?: { label: string; text: string } | null; action: string; anchor?: string; footnote?: string | null },
) {
  for (const to of await recipientsOf(tx, relationship, side)) {
    await sendEmail(tx, {
      to,
      template: "access-change",
      props: {
        headline: email.headline,
        summary: email.summary,
        lines: email.lines,
        note: email.note ?? null,
        action: { label: email.action, url: pageOf(relationship, side, email.anchor) },
        footnote: email.footnote ?? null,
      },
    });
  }
}

async function audit(tx: DbOrTx, relationship: Relationship, by: Authorized, action: string, details: Record<string, unknown>) {
  const sides: [string, string] =
    by.membership.kind === "partner"
      ? [relationship.partnerOrganizationId, relationship.customerOrganizationId]
      : [relationship.customerOrganizationId, relationship.partnerOrganizationId];
  await recordAuditOnBothSides(tx, sides, {
    actorUserId: by.actor.userId,
    actorLabel: by.actor.email,
    action,
    targetType: "relationship",
    targetId: relationship.id,
    details: { type: "gdap", actorName: by.actor.name, ...details },
  });
}

async function lockAs(tx: DbOrTx, by: Authorized, relationshipId: string): Promise<Relationship | undefined> {
  if (!isUuid(relationshipId)) return undefined;
  const own = by.membership.kind === "partner" ? relationships.partnerOrganizationId : relationships.customerOrganizationId;
  const [relationship] = await tx
    .select()
    .from(relationships)
    .where(and(eq(relationships.id, relationshipId), eq(own, by.membership.organizationId)))
    .for("update");
  return relationship;
}

type GdapState = NonNullable<Awaited<ReturnType<typeof gdapInForce>>>;

/**
 * The frame of every change to access in force: the permission map's word, one transaction, the
 * relationship locked (one of the actor's organization's, else not found), its GDAP in force (else refused).
 */
function onGdapInForce(
  db: Db,
  actor: Actor | null,
  permission: "relationships.amend" | "relationships.approve_changes",
  relationshipId: string,
  now: Date,
  change: (c: { tx: DbOrTx; by: Authorized; relationship: Relationship; gdap: GdapState }) => Promise<ChangeOutcome>,
): Promise<ChangeOutcome> {
  const by = requireMembership(actor, permission);
  return db.transaction(async (tx): Promise<ChangeOutcome> => {
    const relationship = await lockAs(tx, by, relationshipId);
    if (!relationship) return NOT_FOUND;
    const gdap = await gdapInForce(tx, relationship.id, now);
    if (!gdap) return NO_GDAP;
    return change({ tx, by, relationship, gdap });
  });
}

/** Ends the given GDAP roles and moves the end of what stays (both at once: less access needs no consent). */
async function applyLess(tx: DbOrTx, relationshipId: string, gdap: GdapState, remove: readonly RoleId[], shortenTo: Date | null, userId: string, now: Date) {
  const ending = gdap.grants.filter((g) => remove.includes(g.roleId as RoleId));
  if (ending.length > 0) {
    await tx.update(roleGrants).set({ endedAt: now, endedById: userId, endReason: "amended" }).where(inArray(roleGrants.id, ending.map((g) => g.id)));
  }
  if (shortenTo) {
    await tx.update(relationshipTypes).set({ endsAt: shortenTo }).where(eq(relationshipTypes.id, gdap.type.id));
    await tx
      .update(roleGrants)
      .set({ expiresAt: shortenTo })
      .where(and(eq(roleGrants.relationshipId, relationshipId), eq(roleGrants.viaType, "gdap"), isNull(roleGrants.endedAt)));
  }
}

/** Adds GDAP roles until the end in force (or the new one), and moves the end later. */
async function applyMore(tx: DbOrTx, relationshipId: string, gdap: GdapState, add: readonly RoleId[], extendTo: Date | null, userId: string, now: Date, eligible: ReadonlySet<string> = new Set()) {
  const endsAt = extendTo ?? gdap.state.endsAt;
  if (extendTo) {
    await tx.update(relationshipTypes).set({ endsAt: extendTo }).where(eq(relationshipTypes.id, gdap.type.id));
    await tx
      .update(roleGrants)
      .set({ expiresAt: extendTo })
      .where(and(eq(roleGrants.relationshipId, relationshipId), eq(roleGrants.viaType, "gdap"), isNull(roleGrants.endedAt)));
  }
  for (const roleId of add) {
    await tx
      .insert(roleGrants)
      .values({ relationshipId, roleId, viaType: "gdap", grantedAt: now, grantedById: userId, expiresAt: endsAt, autoExtend: gdap.state.autoExtend, eligible: eligible.has(roleId) })
      .onConflictDoNothing();
  }
}

/**
 * A partner admin agent's amendment: the roles it wants to hold and the end it wants. Roles removed and
 * an earlier end apply at once; roles added and a later end become the relationship's one open change
 * request, for the customer to review. Refused for a relationship without granular delegated access in
 * force, and (for the part that adds) while another change request is open.
 */
export async function proposeChange(
  db: Db,
  actor: Actor | null,
  input: { relationshipId: string; roles: readonly string[]; endsOn?: string; message?: string | null },
  now = new Date(),
): Promise<ChangeOutcome> {
  return onGdapInForce(db, actor, "relationships.amend", input.relationshipId, now, async ({ tx, by, relationship, gdap }) => {
    const planned = planAmendment(gdap.state, { roles: input.roles, endsOn: input.endsOn }, now);
    if (!planned.ok) return { ok: false, code: "invalid", message: planned.message, fieldErrors: planned.fieldErrors };
    const { plan } = planned;
    await expireStaleRequests(tx, relationship.id, now);
    const asksMore = plan.add.length > 0 || plan.extendTo !== null;
    if (asksMore && (await openRequest(tx, relationship.id))) {
      return {
        ok: false,
        code: "open_request",
        message: "A change request is already waiting for the customer's answer. Wait for it, or change only what removes access.",
      };
    }
    const { customerName, partnerName } = await orgNames(tx, relationship);
    const who = by.actor.name ?? by.actor.email;
    const less = diffLines({ remove: plan.remove, endsAt: plan.shortenTo ? { from: gdap.state.endsAt, to: plan.shortenTo } : null });
    if (less.length > 0) {
      await applyLess(tx, relationship.id, gdap, plan.remove, plan.shortenTo, by.actor.userId, now);
      await recordGdapVersion(tx, relationship.id, "amended", { userId: by.actor.userId }, now);
      await audit(tx, relationship, by, "relationship.amended", { changes: less });
      await tell(tx, relationship, "customer", {
        headline: `${partnerName} reduced its access to ${customerName}`,
        summary: `${who} of ${partnerName} gave up part of its granular delegated access to ${customerName}. Less access needs no approval, so it applies now.`,
        lines: less,
        action: "See the partner's access",
      });
    }
    if (asksMore) {
      const rolesAfter = gdap.state.roles.filter((role) => !plan.remove.includes(role));
      const endsAtBefore = plan.shortenTo ?? gdap.state.endsAt;
      const expiresAt = new Date(now.getTime() + CHANGE_REQUEST_LIFETIME_DAYS * DAY_MS);
      const [request] = await tx
        .insert(changeRequests)
        .values({
          relationshipId: relationship.id,
          kind: "amendment",
          addRoles: plan.add,
          endsAt: plan.extendTo,
          rolesBefore: rolesAfter,
          endsAtBefore,
          message: input.message ?? null,
          expiresAt,
          createdById: by.actor.userId,
          createdAt: now,
        })
        .returning();
      const more = diffLines({ add: plan.add, endsAt: plan.extendTo ? { from: endsAtBefore, to: plan.extendTo } : null });
      await audit(tx, relationship, by, "change_request.created", { changes: more, changeRequestId: request!.id });
      await tell(tx, relationship, "customer", {
        headline: `${partnerName} asks for more access in ${customerName}`,
        summary: `${who} of ${partnerName} asks to change its granular delegated access to ${customerName}. Nothing changes until you approve it.`,
        lines: more,
        note: input.message ? { label: "Their message", text: input.message } : null,
        action: "Review the change",
        anchor: "#change-request",
        footnote: `The request expires on ${formatDate(expiresAt)} if nobody answers it.`,
      });
      return {
        ok: true,
        relationshipId: relationship.id,
        code: less.length > 0 ? "applied_and_requested" : "requested",
        message: less.length > 0 ? "The removals apply now; the rest waits for the customer's approval." : "Change request sent. It waits for the customer's approval.",
      };
    }
    return { ok: true, relationshipId: relationship.id, code: "applied", message: "The change applies now: less access needs no approval." };
  });
}

/** Request renewal: from 30 days before the end, a change request for a later end (a new term of up to 2 years). */
export async function requestRenewal(
  db: Db,
  actor: Actor | null,
  input: { relationshipId: string; endsOn?: string; message?: string | null },
  now = new Date(),
): Promise<ChangeOutcome> {
  return onGdapInForce(db, actor, "relationships.amend", input.relationshipId, now, async ({ tx, by, relationship, gdap }) => {
    if (!inRenewalWindow(gdap.state, now)) {
      return { ok: false, code: "not_yet", message: `Renewal opens 30 days before the end (${formatDate(gdap.state.endsAt)}).` };
    }
    const max = renewalMaxEnd(now);
    const end = chooseEnd(input.endsOn?.trim() ? input.endsOn : undefined, max, max, now);
    if (!end.ok) return { ok: false, code: "invalid", message: "Check the end date.", fieldErrors: { endsOn: [end.message] } };
    if (end.endsAt.getTime() <= gdap.state.endsAt.getTime()) {
      return { ok: false, code: "invalid", message: "Check the end date.", fieldErrors: { endsOn: [`Choose an end date after ${formatDate(gdap.state.endsAt)}.`] } };
    }
    await expireStaleRequests(tx, relationship.id, now);
    if (await openRequest(tx, relationship.id)) {
      return { ok: false, code: "open_request", message: "A change request is already waiting for the customer's answer." };
    }
    const expiresAt = new Date(Math.min(now.getTime() + CHANGE_REQUEST_LIFETIME_DAYS * DAY_MS, gdap.state.endsAt.getTime()));
    const [request] = await tx
      .insert(changeRequests)
      .values({
        relationshipId: relationship.id,
        kind: "renewal",
        endsAt: end.endsAt,
        rolesBefore: [...gdap.state.roles],
        endsAtBefore: gdap.state.endsAt,
        message: input.message ?? null,
        expiresAt,
        createdById: by.actor.userId,
        createdAt: now,
      })
      .returning();
    const { customerName, partnerName } = await orgNames(tx, relationship);
    const lines = diffLines({ endsAt: { from: gdap.state.endsAt, to: end.endsAt } });
    await audit(tx, relationship, by, "change_request.created", { changes: lines, renewal: true, changeRequestId: request!.id });
    await tell(tx, relationship, "customer", {
      headline: `${partnerName} asks to renew its access to ${customerName}`,
      summary: `${by.actor.name ?? by.actor.email} of ${partnerName} asks to keep its granular delegated access to ${customerName} past ${formatDate(gdap.state.endsAt)}, with the same roles: ${roleNamesByPrivilege(gdap.state.roles).join(", ")}.`,
      lines,
      note: input.message ? { label: "Their message", text: input.message } : null,
      action: "Review the renewal",
      anchor: "#change-request",
      footnote: `Without an answer, the access ends on ${formatDate(gdap.state.endsAt)}.`,
    });
    return { ok: true, relationshipId: relationship.id, code: "renewal_requested", message: "Renewal requested. It waits for the customer's approval." };
  });
}

/** The relationship's open change request, locked, and whether it is still answerable. */
async function lockRequest(tx: DbOrTx, by: Authorized, changeRequestId: string, now: Date) {
  if (!isUuid(changeRequestId)) return { problem: NOT_FOUND };
  const [found] = await tx.select({ relationshipId: changeRequests.relationshipId }).from(changeRequests).where(eq(changeRequests.id, changeRequestId));
  if (!found) return { problem: NOT_FOUND };
  const relationship = await lockAs(tx, by, found.relationshipId);
  if (!relationship) return { problem: NOT_FOUND };
  const [request] = await tx.select().from(changeRequests).where(eq(changeRequests.id, changeRequestId)).for("update");
  if (!request) return { problem: NOT_FOUND };
  const answered: Partial<Record<ChangeRequest["status"], string>> = {
    approved: "This change request was already approved.",
    approved_with_changes: "This change request was already approved.",
    declined: "This change request was already declined.",
    withdrawn: "This change request was withdrawn.",
  };
  if (request.status === "expired" || (request.status === "pending" && request.expiresAt.getTime() <= now.getTime())) {
    return { problem: { ok: false, code: "expired", message: "This change request expired. The partner can send a new one." } as const };
  }
  if (request.status !== "pending") return { problem: { ok: false, code: "answered", message: answered[request.status] ?? "This change request was answered." } as const, request };
  const gdap = await gdapInForce(tx, relationship.id, now);
  if (!gdap) {
    // (Its status closes with the access's next version; a refusal writes nothing.)
    return { problem: { ok: false, code: "no_gdap", message: "This partner's granular delegated access has ended, so the change can no longer be approved." } as const };
  }
  return { relationship, request, gdap };
}

/**
 * The customer approves a change request, as asked or with changes (some of the added roles, an earlier
 * new end, never earlier than the end in force). A second answer gets the first one's outcome.
 */
export async function approveChangeRequest(
  db: Db,
  actor: Actor | null,
  input: { changeRequestId: string; roles?: readonly string[]; endsOn?: string; eligible?: readonly string[] },
  now = new Date(),
): Promise<ChangeOutcome> {
  const by = requireMembership(actor, "relationships.approve_changes");
  return db.transaction(async (tx): Promise<ChangeOutcome> => {
    const locked = await lockRequest(tx, by, input.changeRequestId, now);
    if ("problem" in locked) {
      if (locked.request && (locked.request.status === "approved" || locked.request.status === "approved_with_changes")) {
        return { ok: true, relationshipId: locked.request.relationshipId, code: "change_approved", message: "The change was approved." };
      }
      return locked.problem!;
    }
    const { relationship, request, gdap } = locked;
    // Roles the relationship gained since the request (none can: one open request) or holds already are not added twice.
    const addable = request.addRoles.filter((role) => !gdap.state.roles.includes(role as RoleId));
    const decided = decideChange({ addRoles: addable, endsAt: request.endsAt }, gdap.state.endsAt, { roles: input.roles, endsOn: input.endsOn }, now);
    if (!decided.ok) return { ok: false, code: "invalid", message: decided.message, fieldErrors: decided.fieldErrors };
    const { decision } = decided;
    if (gdap.state.autoExtend && decision.roles.includes("global_admin")) {
      return { ok: false, code: "invalid", message: "Check what you approve.", fieldErrors: { roles: ["Global administrator can't be added to access that auto-extends. Untick it, or turn auto-extend off first."] } };
    }
    // Added roles the customer made just-in-time are held only while activated.
    const eligible = new Set((input.eligible ?? []).filter((role) => decision.roles.includes(role as RoleId)));
    await applyMore(tx, relationship.id, gdap, decision.roles, decision.endsAt, by.actor.userId, now, eligible);
    const status = decision.changes ? "approved_with_changes" : "approved";
    await tx
      .update(changeRequests)
      .set({ status, decidedAt: now, decidedById: by.actor.userId, grantedRoles: decision.roles, grantedEndsAt: decision.endsAt, changes: decision.changes })
      .where(eq(changeRequests.id, request.id));
    await recordGdapVersion(tx, relationship.id, request.kind === "renewal" ? "renewed" : "change_approved", { userId: by.actor.userId, changeRequestId: request.id }, now);
    const granted = diffLines({ add: decision.roles, endsAt: decision.endsAt ? { from: gdap.state.endsAt, to: decision.endsAt } : null });
    const notGranted = decision.changes ? describeChanges(decision.changes, roleName) : [];
    const justInTime = eligible.size > 0 ? [`Just-in-time: ${roleNamesByPrivilege([...eligible]).join(", ")}`] : [];
    await audit(tx, relationship, by, `change_request.${status}`, { changes: [...granted, ...notGranted, ...justInTime], changeRequestId: request.id });
    const { customerName, partnerName } = await orgNames(tx, relationship);
    await tell(tx, relationship, "partner", {
      headline: decision.changes ? `${customerName} approved your change with changes` : `${customerName} approved your change`,
      summary: `${by.actor.name ?? by.actor.email} of ${customerName} approved ${request.kind === "renewal" ? "the renewal" : "the change"} of ${partnerName}'s granular delegated access.`,
      lines: [...granted, ...notGranted],
      action: "Open the customer",
    });
    return { ok: true, relationshipId: relationship.id, code: decision.changes ? "change_approved_with_changes" : "change_approved", message: "The change was approved." };
  });
}

/** The customer declines a change request, with an optional reason told to the partner. */
export async function declineChangeRequest(db: Db, actor: Actor | null, input: { changeRequestId: string; reason?: string | null }, now = new Date()): Promise<ChangeOutcome> {
  const by = requireMembership(actor, "relationships.approve_changes");
  return db.transaction(async (tx): Promise<ChangeOutcome> => {
    const locked = await lockRequest(tx, by, input.changeRequestId, now);
    if ("problem" in locked) {
      if (locked.request?.status === "declined") return { ok: true, relationshipId: locked.request.relationshipId, code: "change_declined", message: "The change was declined." };
      return locked.problem!;
    }
    const { relationship, request, gdap } = locked;
    const reason = input.reason?.trim() || null;
    await tx.update(changeRequests).set({ status: "declined", decidedAt: now, decidedById: by.actor.userId, declineReason: reason }).where(eq(changeRequests.id, request.id));
    const lines = diffLines({ add: request.addRoles, endsAt: request.endsAt ? { from: gdap.state.endsAt, to: request.endsAt } : null });
    await audit(tx, relationship, by, "change_request.declined", { changes: lines, reason, changeRequestId: request.id });
    const { customerName } = await orgNames(tx, relationship);
    await tell(tx, relationship, "partner", {
      headline: `${customerName} declined your change`,
      summary: `${by.actor.name ?? by.actor.email} of ${customerName} declined ${request.kind === "renewal" ? "the renewal" : "the change"}. Your access stays as it was.`,
      lines,
      note: reason ? { label: "Their reason", text: reason } : null,
      action: "Open the customer",
    });
    return { ok: true, relationshipId: relationship.id, code: "change_declined", message: "The change was declined." };
  });
}

/** Extend, by the customer: from 30 days before the end, a later end of up to 2 years from today. */
export async function extendGdap(db: Db, actor: Actor | null, input: { relationshipId: string; endsOn?: string }, now = new Date()): Promise<ChangeOutcome> {
  return onGdapInForce(db, actor, "relationships.approve_changes", input.relationshipId, now, async ({ tx, by, relationship, gdap }) => {
    if (!inRenewalWindow(gdap.state, now)) return { ok: false, code: "not_yet", message: `Extend opens 30 days before the end (${formatDate(gdap.state.endsAt)}).` };
    const max = renewalMaxEnd(now);
    const end = chooseEnd(input.endsOn, gdap.state.endsAt, max, now);
    if (!end.ok) return { ok: false, code: "invalid", message: "Check the end date.", fieldErrors: { endsOn: [end.message] } };
    if (end.endsAt.getTime() <= gdap.state.endsAt.getTime()) {
      return { ok: false, code: "invalid", message: "Check the end date.", fieldErrors: { endsOn: [`Choose an end date after ${formatDate(gdap.state.endsAt)}.`] } };
    }
    await applyMore(tx, relationship.id, gdap, [], end.endsAt, by.actor.userId, now);
    // A renewal the partner asked for is answered by the extension.
    const open = await openRequest(tx, relationship.id);
    if (open?.kind === "renewal") {
      await tx.update(changeRequests).set({ status: "approved", decidedAt: now, decidedById: by.actor.userId, grantedRoles: [], grantedEndsAt: end.endsAt }).where(eq(changeRequests.id, open.id));
    }
    await recordGdapVersion(tx, relationship.id, "extended", { userId: by.actor.userId, changeRequestId: open?.kind === "renewal" ? open.id : null }, now);
    const lines = diffLines({ endsAt: { from: gdap.state.endsAt, to: end.endsAt } });
    await audit(tx, relationship, by, "gdap.extended_by_customer", { changes: lines });
    const { customerName, partnerName } = await orgNames(tx, relationship);
    await tell(tx, relationship, "partner", {
      headline: `${customerName} extended your access`,
      summary: `${by.actor.name ?? by.actor.email} of ${customerName} extended ${partnerName}'s granular delegated access, with the same roles.`,
      lines,
      action: "Open the customer",
    });
    return { ok: true, relationshipId: relationship.id, code: "extended", message: `Extended to ${formatDate(end.endsAt)}.` };
  });
}

/** A relationship's change requests, newest first (the open one, if any, first of all), and its versions. */
export async function changeHistory(db: DbOrTx, relationshipId: string, now = new Date()) {
  const [requests, versions] = await Promise.all([
    db.select().from(changeRequests).where(eq(changeRequests.relationshipId, relationshipId)).orderBy(desc(changeRequests.createdAt)).limit(20),
    db.select().from(relationshipVersions).where(eq(relationshipVersions.relationshipId, relationshipId)).orderBy(desc(relationshipVersions.version)).limit(50),
  ]);
  const effective = requests.map((r) => ({ ...r, status: r.status === "pending" && r.expiresAt.getTime() <= now.getTime() ? ("expired" as const) : r.status }));
  return { open: effective.find((r) => r.status === "pending"), requests: effective, versions };
}
