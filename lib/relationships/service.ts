import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { relationshipTypes, relationships, roleGrants, type Relationship } from "@/db/schema";
import { recordAudit, recordAuditOnBothSides } from "@/lib/audit/service";
import { requireMembership, type Actor, type Authorized } from "@/lib/authz";
import { appUrl } from "@/lib/email/config";
import { sendEmail } from "@/lib/email/send";
import { formatDate } from "@/lib/format";
import { globalAdminEmails, partnerAdminRecipients } from "@/lib/organizations/queries";
import { roleName } from "@/lib/roles";
import { isGrantActive, isTypeInForce, joinNames, planRoleRemoval, type RemovalTarget } from "./rules";
import { relationshipTypeName } from "./types";
import { isUuid } from "@/lib/ids";
import { orgNames, recordGdapVersion } from "./changes";

type RelationshipChange =
  | { ok: true; changed: boolean; message: string; relationshipEnded?: boolean }
  | { ok: false; code: "not_found" | "not_mpsa"; message: string };

const NOT_FOUND = { ok: false, code: "not_found", message: "That partner relationship was not found." } as const;

/**
 * Locks one of the customer's relationships for a change, by someone the permission map already
 * allowed. Another organization's relationship is reported exactly like one that does not exist.
 */
async function lockRelationship(tx: DbOrTx, by: Authorized, relationshipId: string): Promise<Relationship | undefined> {
  if (!isUuid(relationshipId)) return undefined;
  const [relationship] = await tx
    .select()
    .from(relationships)
    .where(and(eq(relationships.id, relationshipId), eq(relationships.customerOrganizationId, by.membership.organizationId)))
    .for("update");
  return relationship;
}


/** The types of a relationship in force, locked with it. */
async function typesInForce(tx: DbOrTx, relationshipId: string, now: Date) {
  return (await tx.select().from(relationshipTypes).where(eq(relationshipTypes.relationshipId, relationshipId))).filter((t) => isTypeInForce(t, now));
}

async function grantsInForce(tx: DbOrTx, relationshipId: string, now: Date) {
  return (await tx.select().from(roleGrants).where(and(eq(roleGrants.relationshipId, relationshipId), isNull(roleGrants.endedAt)))).filter((g) => isGrantActive(g, now));
}

/** Who hears that a partner's admin access changed: the customer's Global admins and the partner's admin agents, each address once. */
async function accessRecipients(tx: DbOrTx, relationship: Pick<Relationship, "customerOrganizationId" | "partnerOrganizationId">) {
  return uniqueRecipients(
    (await globalAdminEmails(tx, relationship.customerOrganizationId)).map((to) => ({ to, audience: "customer" as const })),
    (await partnerAdminRecipients(tx, relationship.partnerOrganizationId)).map((to) => ({ to, audience: "partner" as const })),
  );
}

/** Each address once, whichever list it came from first: one change is one email to a person. */
function uniqueRecipients(...lists: { to: string; audience: "partner" | "customer" }[][]) {
  const seen = new Set<string>();
  return lists.flat().filter(({ to }) => {
    const key = to.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Remove roles: ends the partner's admin roles (all of them, one role, or one role from one type)
 * and every role-carrying type left without a role, as planRoleRemoval says (a Reseller &
 * delegated administrator remains a Reseller; a relationship left with no type ends). Tells the
 * partner's admin agents and the customer's Global administrators, one email each.
 */
export async function removePartnerRoles(
  db: Db,
  actor: Actor | null,
  relationshipId: string,
  target?: string | RemovalTarget,
  now = new Date(),
): Promise<RelationshipChange> {
  const by = requireMembership(actor, "relationships.remove_roles");
  const only = typeof target === "string" ? { roleId: target } : target;
  return db.transaction(async (tx) => {
    const relationship = await lockRelationship(tx, by, relationshipId);
    if (!relationship) return NOT_FOUND;
    const inForce = await grantsInForce(tx, relationship.id, now);
    const liveTypes = await typesInForce(tx, relationship.id, now);
    const plan = planRoleRemoval(
      liveTypes.map((t) => t.type),
      inForce,
      only,
    );
    if (plan.removing.length === 0) return { ok: true, changed: false, message: "There were no admin roles to remove." };
    const removing = plan.removing as typeof inForce;

    await tx
      .update(roleGrants)
      .set({ endedAt: now, endedById: by.actor.userId, endReason: "removed" })
      .where(inArray(roleGrants.id, removing.map((g) => g.id)));
    const ending = liveTypes.filter((t) => plan.ending.includes(t.type));
    if (ending.length > 0) {
      await tx
        .update(relationshipTypes)
        .set({ terminatedAt: now, terminatedById: by.actor.userId, autoExtend: false })
        .where(inArray(relationshipTypes.id, ending.map((t) => t.id)));
    }
    for (const type of plan.added) {
      await tx
        .insert(relationshipTypes)
        .values({ relationshipId: relationship.id, type, establishedAt: now, establishedById: by.actor.userId })
        .onConflictDoUpdate({
          target: [relationshipTypes.relationshipId, relationshipTypes.type],
          set: { terminatedAt: null, terminatedById: null, establishedAt: now, establishedById: by.actor.userId },
        });
    }
    const terminatedGdap = plan.ending.includes("gdap");
    if (removing.some((g) => g.viaType === "gdap")) await recordGdapVersion(tx, relationship.id, "roles_removed", { userId: by.actor.userId }, now);
    const remainingTypes = plan.remaining.map(relationshipTypeName);
    const roles = removing.map((g) => roleName(g.roleId));
    const grants = removing.map((g) => ({ role: roleName(g.roleId), type: relationshipTypeName(g.viaType) }));
    const details = {
      roles,
      grants,
      terminatedGdap,
      endedTypes: plan.ending.map(relationshipTypeName),
      remainingTypes,
      relationshipEnded: plan.relationshipEnds,
      actorName: by.actor.name,
    };
    await recordAuditOnBothSides(tx, [relationship.customerOrganizationId, relationship.partnerOrganizationId], {
      actorUserId: by.actor.userId,
      actorLabel: by.actor.email,
      action: "roles.removed",
      targetType: "relationship",
      targetId: relationship.id,
      details,
    });

    const { customerName, partnerName } = await orgNames(tx, relationship);
    const removedBy = by.actor.name ?? by.actor.email;
    const common = { partnerName, customerName, removedBy, roles: grants, endedTypes: details.endedTypes, remainingTypes, relationshipEnded: plan.relationshipEnds };
    const recipients = await accessRecipients(tx, relationship);
    for (const { to, audience } of recipients) {
      await sendEmail(tx, {
        to,
        template: "roles-removed",
        props: {
          ...common,
          audience,
          url: audience === "partner" ? `${appUrl()}/partner/customers` : `${appUrl()}/admin/settings/partner-relationships/${relationship.id}`,
        },
      });
    }
    return { ok: true, changed: true, message: `Removed ${joinNames([...new Set(roles)])} from ${partnerName}.`, relationshipEnded: plan.relationshipEnds };
  });
}

/**
 * End GDAP, from the partner's side: terminates the granular delegated admin type of one of the
 * partner's customer relationships and ends its roles at once; audited on both sides, and the
 * customer's Global administrators (and the partner's admin agents) are told. Submitting it again
 * changes nothing.
 */
export async function endGdap(db: Db, actor: Actor | null, relationshipId: string, now = new Date()): Promise<RelationshipChange> {
  const by = requireMembership(actor, "relationships.end_gdap");
  return db.transaction(async (tx) => {
    if (!isUuid(relationshipId)) return NOT_FOUND;
    const [relationship] = await tx
      .select()
      .from(relationships)
      .where(and(eq(relationships.id, relationshipId), eq(relationships.partnerOrganizationId, by.membership.organizationId)))
      .for("update");
    if (!relationship) return NOT_FOUND;
    const gdap = (await typesInForce(tx, relationship.id, now)).find((t) => t.type === "gdap");
    if (!gdap) return { ok: true, changed: false, message: "This customer has no granular delegated admin access to end." };
    const ended = await tx
      .update(roleGrants)
      .set({ endedAt: now, endedById: by.actor.userId, endReason: "terminated" })
      .where(and(eq(roleGrants.relationshipId, relationship.id), eq(roleGrants.viaType, "gdap"), isNull(roleGrants.endedAt)))
      .returning({ roleId: roleGrants.roleId, expiresAt: roleGrants.expiresAt, endedAt: roleGrants.endedAt });
    await tx.update(relationshipTypes).set({ terminatedAt: now, terminatedById: by.actor.userId, autoExtend: false }).where(eq(relationshipTypes.id, gdap.id));
    await recordGdapVersion(tx, relationship.id, "ended", { userId: by.actor.userId }, now);
    const remaining = (await typesInForce(tx, relationship.id, now)).map((t) => t.type);
    const roles = ended.map((g) => roleName(g.roleId));
    const details = {
      type: "gdap",
      roles,
      endsAt: gdap.endsAt?.toISOString() ?? null,
      remainingTypes: remaining.map(relationshipTypeName),
      relationshipEnded: remaining.length === 0,
      actorName: by.actor.name,
    };
    await recordAuditOnBothSides(tx, [relationship.partnerOrganizationId, relationship.customerOrganizationId], {
      actorUserId: by.actor.userId,
      actorLabel: by.actor.email,
      action: "gdap.terminated",
      targetType: "relationship",
      targetId: relationship.id,
      details,
    });
    const { customerName, partnerName } = await orgNames(tx, relationship);
    const recipients = await accessRecipients(tx, relationship);
    for (const { to, audience } of recipients) {
      await sendEmail(tx, {
        to,
        template: "gdap-notice",
        props: {
          audience,
          kind: "terminated",
          partnerName,
          customerName,
          roles,
          endsOn: formatDate(now),
          endedBy: by.actor.name ?? by.actor.email,
          url: audience === "partner" ? `${appUrl()}/partner/customers` : `${appUrl()}/admin/settings/partner-relationships/${relationship.id}`,
        },
      });
    }
    return { ok: true, changed: true, message: `Granular delegated admin access to ${customerName} ended.` };
  });
}

/** Turns GDAP auto-extend off: the access then ends on its end date. */
export async function turnOffAutoExtend(db: Db, actor: Actor | null, relationshipId: string, now = new Date()): Promise<RelationshipChange> {
  const by = requireMembership(actor, "relationships.settings");
  return db.transaction(async (tx) => {
    const relationship = await lockRelationship(tx, by, relationshipId);
    if (!relationship) return NOT_FOUND;
    const changed = await tx
      .update(relationshipTypes)
      .set({ autoExtend: false })
      .where(and(eq(relationshipTypes.relationshipId, relationship.id), eq(relationshipTypes.type, "gdap"), eq(relationshipTypes.autoExtend, true)))
      .returning({ endsAt: relationshipTypes.endsAt });
    if (changed.length === 0) return { ok: true, changed: false, message: "Auto-extend is already off." };
    await tx.update(roleGrants).set({ autoExtend: false }).where(and(eq(roleGrants.relationshipId, relationship.id), isNull(roleGrants.endedAt)));
    await recordGdapVersion(tx, relationship.id, "auto_extend_off", { userId: by.actor.userId }, now);
    await recordAudit(tx, {
      actorUserId: by.actor.userId,
      actorLabel: by.actor.email,
      organizationId: relationship.customerOrganizationId,
      counterpartyOrganizationId: relationship.partnerOrganizationId,
      action: "gdap.auto_extend_off",
      targetType: "relationship",
      targetId: relationship.id,
      details: { endsAt: changed[0]?.endsAt?.toISOString() ?? null, at: now.toISOString() },
    });
    return { ok: true, changed: true, message: "Auto-extend is off: the access ends on its end date." };
  });
}

/** The MPSA setting: may this partner see purchases made by the customer's other MPSA partners. */
export async function setMpsaSharing(db: Db, actor: Actor | null, relationshipId: string, allowed: boolean): Promise<RelationshipChange> {
  const by = requireMembership(actor, "relationships.settings");
  return db.transaction(async (tx) => {
    const relationship = await lockRelationship(tx, by, relationshipId);
    if (!relationship) return NOT_FOUND;
    const [mpsa] = await tx
      .select({ id: relationshipTypes.id })
      .from(relationshipTypes)
      .where(and(eq(relationshipTypes.relationshipId, relationship.id), eq(relationshipTypes.type, "mpsa"), isNull(relationshipTypes.terminatedAt)));
    if (!mpsa) return { ok: false, code: "not_mpsa", message: "This setting applies to MPSA partners only." };
    if (relationship.mpsaShareAllowed === allowed) return { ok: true, changed: false, message: "No change." };
    await tx.update(relationships).set({ mpsaShareAllowed: allowed }).where(eq(relationships.id, relationship.id));
    await recordAudit(tx, {
      actorUserId: by.actor.userId,
      actorLabel: by.actor.email,
      organizationId: relationship.customerOrganizationId,
      counterpartyOrganizationId: relationship.partnerOrganizationId,
      action: allowed ? "mpsa.sharing_allowed" : "mpsa.sharing_stopped",
      targetType: "relationship",
      targetId: relationship.id,
    });
    return { ok: true, changed: true, message: allowed ? "This partner may now see purchases made by your other MPSA partners." : "This partner no longer sees purchases made by your other MPSA partners." };
  });
}

/**
 * End relationship, from the customer's side: every role and every type ends at once, Reseller
 * included (a customer can leave its reseller on its own). Audited on both sides; the partner's admin
 * agents and the customer's Global administrators are told. Submitting it again changes nothing.
 */
export async function endRelationship(db: Db, actor: Actor | null, relationshipId: string, now = new Date()): Promise<RelationshipChange> {
  const by = requireMembership(actor, "relationships.end");
  return db.transaction(async (tx) => {
    const relationship = await lockRelationship(tx, by, relationshipId);
    if (!relationship) return NOT_FOUND;
    const liveTypes = await typesInForce(tx, relationship.id, now);
    const inForce = await grantsInForce(tx, relationship.id, now);
    if (liveTypes.length === 0 && inForce.length === 0) return { ok: true, changed: false, message: "This relationship has already ended." };
    if (inForce.length > 0) {
      await tx.update(roleGrants).set({ endedAt: now, endedById: by.actor.userId, endReason: "removed" }).where(inArray(roleGrants.id, inForce.map((g) => g.id)));
    }
    if (liveTypes.length > 0) {
      await tx
        .update(relationshipTypes)
        .set({ terminatedAt: now, terminatedById: by.actor.userId, autoExtend: false })
        .where(inArray(relationshipTypes.id, liveTypes.map((t) => t.id)));
    }
    if (liveTypes.some((t) => t.type === "gdap")) await recordGdapVersion(tx, relationship.id, "ended_by_customer", { userId: by.actor.userId }, now);
    const endedTypes = liveTypes.map((t) => relationshipTypeName(t.type));
    const grants = inForce.map((g) => ({ role: roleName(g.roleId), type: relationshipTypeName(g.viaType) }));
    await recordAuditOnBothSides(tx, [relationship.customerOrganizationId, relationship.partnerOrganizationId], {
      actorUserId: by.actor.userId,
      actorLabel: by.actor.email,
      action: "relationship.ended",
      targetType: "relationship",
      targetId: relationship.id,
      details: { grants, endedTypes, relationshipEnded: true, actorName: by.actor.name },
    });
    const { customerName, partnerName } = await orgNames(tx, relationship);
    const endedBy = by.actor.name ?? by.actor.email;
    for (const { to, audience } of await accessRecipients(tx, relationship)) {
      await sendEmail(tx, {
        to,
        template: "roles-removed",
        props: {
          partnerName,
          customerName,
          removedBy: endedBy,
          roles: grants,
          endedTypes,
          remainingTypes: [],
          relationshipEnded: true,
          audience,
          url: audience === "partner" ? `${appUrl()}/partner/customers` : `${appUrl()}/admin/settings/partner-relationships/${relationship.id}`,
        },
      });
    }
    return { ok: true, changed: true, message: `The relationship with ${partnerName} ended.`, relationshipEnded: true };
  });
}
