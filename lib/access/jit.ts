import "server-only";
import { and, desc, eq, gt, isNull, or } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { accessAssignments, activations, personBlocks, relationshipTypes, relationships, roleGrants, securityGroupMembers, users, type Relationship } from "@/db/schema";
import { recordAuditOnBothSides } from "@/lib/audit/service";
import { requireMembership, type Actor, type Authorized } from "@/lib/authz";
import { appUrl } from "@/lib/email/config";
import { sendEmail } from "@/lib/email/send";
import { formatDateTime } from "@/lib/format";
import { isUuid } from "@/lib/ids";
import { changeDeciderEmails } from "@/lib/organizations/queries";
import { orgNames } from "@/lib/relationships/changes";
import { isGrantActive } from "@/lib/relationships/rules";
import { roleName } from "@/lib/roles";

/*
 * Just-in-time roles: a role the customer granted as eligible is held only while one of the person's
 * activations of it is in force. A partner person activates it for 1–8 hours with a justification; when
 * the relationship requires the customer's approval, the activation waits (the customer's deciders get
 * an email and a page to approve or deny). It ends by the clock, or at once when the customer revokes it.
 */

export const MAX_ACTIVATION_HOURS = 8;

export type ActivationOutcome = { ok: true; code: string; relationshipId: string } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

const NOT_FOUND = { ok: false, code: "not_found", message: "That was not found." } as const;

async function auditBoth(tx: DbOrTx, relationship: Relationship, by: Authorized, action: string, details: Record<string, unknown>) {
  const sides: [string, string] =
    by.membership.kind === "partner"
      ? [relationship.partnerOrganizationId, relationship.customerOrganizationId]
      : [relationship.customerOrganizationId, relationship.partnerOrganizationId];
  await recordAuditOnBothSides(tx, sides, { actorUserId: by.actor.userId, actorLabel: by.actor.email, action, targetType: "relationship", targetId: relationship.id, details: { type: "gdap", actorName: by.actor.name, ...details } });
}

/** The eligible roles a person may activate in a relationship: granted as eligible, in force, and assigned to one of their groups. */
export async function activatableRoles(db: DbOrTx, userId: string, relationshipId: string, now = new Date()): Promise<string[]> {
  const [grants, assigned] = await Promise.all([
    db.select().from(roleGrants).where(and(eq(roleGrants.relationshipId, relationshipId), isNull(roleGrants.endedAt), eq(roleGrants.eligible, true))),
    db
      .select({ roles: accessAssignments.roles })
      .from(accessAssignments)
      .innerJoin(securityGroupMembers, eq(securityGroupMembers.groupId, accessAssignments.groupId))
      .where(and(eq(accessAssignments.relationshipId, relationshipId), isNull(accessAssignments.deletedAt), eq(securityGroupMembers.userId, userId))),
  ]);
  const mine = new Set(assigned.flatMap((a) => a.roles));
  return [...new Set(grants.filter((g) => isGrantActive(g, now) && mine.has(g.roleId)).map((g) => g.roleId))];
}

/** Activate an eligible role: active at once, or pending the customer's approval when the relationship requires it. */
export async function activateRole(
  db: Db,
  actor: Actor | null,
  input: { relationshipId: string; roleId: string; hours: number; justification: string },
  now = new Date(),
): Promise<ActivationOutcome> {
  const by = requireMembership(actor, "tokens.request");
  if (!isUuid(input.relationshipId)) return NOT_FOUND;
  if (!Number.isInteger(input.hours) || input.hours < 1 || input.hours > MAX_ACTIVATION_HOURS) {
    return { ok: false, code: "invalid", message: "Check the duration.", fieldErrors: { hours: [`Choose from 1 to ${MAX_ACTIVATION_HOURS} hours.`] } };
  }
  return db.transaction(async (tx): Promise<ActivationOutcome> => {
    const [relationship] = await tx
      .select()
      .from(relationships)
      .where(and(eq(relationships.id, input.relationshipId), eq(relationships.partnerOrganizationId, by.membership.organizationId)))
      .for("share");
    if (!relationship) return NOT_FOUND;
    const [blocked] = await tx.select().from(personBlocks).where(and(eq(personBlocks.customerOrganizationId, relationship.customerOrganizationId), eq(personBlocks.userId, by.actor.userId)));
    const roles = blocked ? [] : await activatableRoles(tx, by.actor.userId, relationship.id, now);
    if (!roles.includes(input.roleId)) {
      return { ok: false, code: "invalid", message: "Check the role.", fieldErrors: { roleId: ["Choose a just-in-time role your groups hold for this customer."] } };
    }
    const [open] = await tx
      .select({ id: activations.id })
      .from(activations)
      .where(
        and(
          eq(activations.relationshipId, relationship.id),
          eq(activations.userId, by.actor.userId),
          eq(activations.roleId, input.roleId),
          or(eq(activations.status, "pending"), and(eq(activations.status, "active"), gt(activations.endsAt, now))),
        ),
      );
    if (open) return { ok: false, code: "open", message: "Check the role.", fieldErrors: { roleId: ["You already have this role active or waiting for approval."] } };
    const [gdap] = await tx.select().from(relationshipTypes).where(and(eq(relationshipTypes.relationshipId, relationship.id), eq(relationshipTypes.type, "gdap")));
    const needsApproval = Boolean(gdap?.activationApproval);
    const endsAt = new Date(now.getTime() + input.hours * 3_600_000);
    const [activation] = await tx
      .insert(activations)
      .values({
        relationshipId: relationship.id,
        userId: by.actor.userId,
        roleId: input.roleId,
        justification: input.justification,
        hours: input.hours,
        status: needsApproval ? "pending" : "active",
        requestedAt: now,
        ...(needsApproval ? {} : { startsAt: now, endsAt }),
      })
      .returning();
    const who = by.actor.name ?? by.actor.email;
    await auditBoth(tx, relationship, by, needsApproval ? "activation.requested" : "activation.started", {
      roles: [roleName(input.roleId)],
      hours: input.hours,
      reason: input.justification,
      person: who,
    });
    if (needsApproval) {
      const { customerName, partnerName } = await orgNames(tx, relationship);
      for (const to of await changeDeciderEmails(tx, relationship.customerOrganizationId)) {
        await sendEmail(tx, {
          to,
          template: "access-change",
          props: {
            headline: `${who} of ${partnerName} asks to activate ${roleName(input.roleId)} in ${customerName}`,
            summary: `${who} asks for ${roleName(input.roleId)} for ${input.hours} ${input.hours === 1 ? "hour" : "hours"}. Nothing is activated until you approve it.`,
            lines: [`Justification: ${input.justification}`],
            note: null,
            action: { label: "Approve or deny", url: `${appUrl()}/admin/settings/partner-relationships/${relationship.id}#activations` },
            footnote: null,
          },
        });
      }
    }
    return { ok: true, code: needsApproval ? "activation_requested" : "activated", relationshipId: activation!.relationshipId };
  });
}

/** The customer approves (the activation starts now, for its hours) or denies a pending activation; a second answer changes nothing. */
export async function decideActivation(db: Db, actor: Actor | null, input: { activationId: string; approve: boolean }, now = new Date()): Promise<ActivationOutcome> {
  const by = requireMembership(actor, "access.approve_activations");
  if (!isUuid(input.activationId)) return NOT_FOUND;
  return db.transaction(async (tx): Promise<ActivationOutcome> => {
    const found = await lockActivation(tx, by, input.activationId);
    if (!found) return NOT_FOUND;
    const { activation, relationship } = found;
    if (activation.status !== "pending") {
      const same = (activation.status === "active") === input.approve && activation.status !== "revoked";
      return same ? { ok: true, code: input.approve ? "activation_approved" : "activation_denied", relationshipId: relationship.id } : { ok: false, code: "answered", message: "This activation was already answered." };
    }
    const endsAt = new Date(now.getTime() + activation.hours * 3_600_000);
    await tx
      .update(activations)
      .set(input.approve ? { status: "active", decidedAt: now, decidedById: by.actor.userId, startsAt: now, endsAt } : { status: "denied", decidedAt: now, decidedById: by.actor.userId })
      .where(eq(activations.id, activation.id));
    const [person] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, activation.userId));
    await auditBoth(tx, relationship, by, input.approve ? "activation.approved" : "activation.denied", {
      roles: [roleName(activation.roleId)],
      person: person?.name ?? person?.email,
      ...(input.approve ? { until: endsAt.toISOString() } : {}),
    });
    if (person?.email) {
      const { customerName } = await orgNames(tx, relationship);
      await sendEmail(tx, {
        to: person.email,
        template: "access-change",
        props: {
          headline: input.approve ? `${customerName} approved your activation of ${roleName(activation.roleId)}` : `${customerName} denied your activation of ${roleName(activation.roleId)}`,
          summary: input.approve ? `It is active until ${formatDateTime(endsAt)}. Get a token on the customer's page.` : "Nothing was activated.",
          lines: [],
          note: null,
          action: { label: "Open the customer", url: `${appUrl()}/partner/customers/${relationship.id}` },
          footnote: null,
        },
      });
    }
    return { ok: true, code: input.approve ? "activation_approved" : "activation_denied", relationshipId: relationship.id };
  });
}

/** The customer ends an activation now: from the moment it commits no token carries the role and introspection says inactive. */
export async function revokeActivation(db: Db, actor: Actor | null, input: { activationId: string }, now = new Date()): Promise<ActivationOutcome> {
  const by = requireMembership(actor, "access.approve_activations");
  if (!isUuid(input.activationId)) return NOT_FOUND;
  return db.transaction(async (tx): Promise<ActivationOutcome> => {
    const found = await lockActivation(tx, by, input.activationId);
    if (!found) return NOT_FOUND;
    const { activation, relationship } = found;
    const inForce = activation.status === "active" && activation.endsAt !== null && activation.endsAt.getTime() > now.getTime();
    if (!inForce && activation.status !== "pending") return { ok: true, code: "nothing", relationshipId: relationship.id };
    await tx.update(activations).set({ status: "revoked", decidedAt: now, decidedById: by.actor.userId, endsAt: now }).where(eq(activations.id, activation.id));
    const [person] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, activation.userId));
    await auditBoth(tx, relationship, by, "activation.revoked", { roles: [roleName(activation.roleId)], person: person?.name ?? person?.email });
    return { ok: true, code: "activation_revoked", relationshipId: relationship.id };
  });
}

async function lockActivation(tx: DbOrTx, by: Authorized, activationId: string) {
  const [row] = await tx
    .select({ activation: activations, relationship: relationships })
    .from(activations)
    .innerJoin(relationships, eq(relationships.id, activations.relationshipId))
    .where(and(eq(activations.id, activationId), eq(relationships.customerOrganizationId, by.membership.organizationId)));
  if (!row) return undefined;
  await tx.select({ id: relationships.id }).from(relationships).where(eq(relationships.id, row.relationship.id)).for("update");
  const [activation] = await tx.select().from(activations).where(eq(activations.id, activationId)).for("update");
  return activation ? { activation, relationship: row.relationship } : undefined;
}

/** A relationship's activations, newest first, with their people: the customer's Activations and the partner's own list. */
export async function activationsOf(db: DbOrTx, relationshipId: string, onlyUserId?: string) {
  return db
    .select({ activation: activations, name: users.name, email: users.email })
    .from(activations)
    .innerJoin(users, eq(users.id, activations.userId))
    .where(and(eq(activations.relationshipId, relationshipId), onlyUserId ? eq(activations.userId, onlyUserId) : undefined))
    .orderBy(desc(activations.requestedAt))
    .limit(50);
}

/** An activation's state as both sides read it at `now`: a pending one waits, an active one ends by the clock. */
export function activationState(a: { status: string; endsAt: Date | null }, now = new Date()): "pending" | "active" | "ended" | "denied" | "revoked" {
  if (a.status === "active") return a.endsAt && a.endsAt.getTime() > now.getTime() ? "active" : "ended";
  return a.status as "pending" | "denied" | "revoked";
}
