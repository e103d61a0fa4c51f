import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { organizations, relationshipTypes, relationships, roleGrants, type Relationship } from "@/db/schema";
import { recordAudit } from "@/lib/audit/service";
import { requireMembership, type Actor, type Authorized } from "@/lib/authz";
import { appUrl } from "@/lib/email/config";
import { sendEmail } from "@/lib/email/send";
import { globalAdminEmails, partnerRecipients } from "@/lib/organizations/queries";
import { roleName } from "@/lib/roles";
import { isGrantActive } from "./rules";
import { ROLE_CARRYING_TYPES, relationshipTypeName } from "./types";
import { isUuid } from "@/lib/ids";

type RelationshipChange = { ok: true; changed: boolean; message: string } | { ok: false; code: "not_found" | "not_mpsa"; message: string };

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

async function names(tx: DbOrTx, relationship: Relationship) {
  const rows = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, [relationship.customerOrganizationId, relationship.partnerOrganizationId]));
  const name = (id: string) => rows.find((r) => r.id === id)?.name ?? "";
  return { customerName: name(relationship.customerOrganizationId), partnerName: name(relationship.partnerOrganizationId) };
}

/**
 * Remove roles: ends the partner's admin roles (all of them, or one), terminates GDAP when none
 * of its roles remain, and tells the partner and the customer's Global administrators. The
 * relationship and its other types stay.
 */
export async function removePartnerRoles(db: Db, actor: Actor | null, relationshipId: string, onlyRoleId?: string, now = new Date()): Promise<RelationshipChange> {
  const by = requireMembership(actor, "relationships.remove_roles");
  return db.transaction(async (tx) => {
    const relationship = await lockRelationship(tx, by, relationshipId);
    if (!relationship) return NOT_FOUND;
    const inForce = (await tx.select().from(roleGrants).where(and(eq(roleGrants.relationshipId, relationship.id), isNull(roleGrants.endedAt)))).filter((g) =>
      isGrantActive(g, now),
    );
    const removing = onlyRoleId ? inForce.filter((g) => g.roleId === onlyRoleId) : inForce;
    if (removing.length === 0) return { ok: true, changed: false, message: "There were no admin roles to remove." };

    await tx
      .update(roleGrants)
      .set({ endedAt: now, endedById: by.actor.userId, endReason: "removed" })
      .where(inArray(roleGrants.id, removing.map((g) => g.id)));

    // A type that carries admin roles ends with its last role; a Reseller & delegated administrator stays a Reseller.
    const left = inForce.filter((g) => !removing.includes(g));
    const liveTypes = await tx
      .select()
      .from(relationshipTypes)
      .where(and(eq(relationshipTypes.relationshipId, relationship.id), isNull(relationshipTypes.terminatedAt)));
    const ending = liveTypes.filter((t) => ROLE_CARRYING_TYPES.includes(t.type) && !left.some((g) => g.viaType === t.type));
    if (ending.length > 0) {
      await tx
        .update(relationshipTypes)
        .set({ terminatedAt: now, terminatedById: by.actor.userId, autoExtend: false })
        .where(inArray(relationshipTypes.id, ending.map((t) => t.id)));
    }
    if (ending.some((t) => t.type === "reseller_delegated_admin")) {
      await tx
        .insert(relationshipTypes)
        .values({ relationshipId: relationship.id, type: "reseller", establishedAt: now, establishedById: by.actor.userId })
        .onConflictDoUpdate({
          target: [relationshipTypes.relationshipId, relationshipTypes.type],
          set: { terminatedAt: null, terminatedById: null, establishedAt: now, establishedById: by.actor.userId },
        });
    }
    const terminatedGdap = ending.some((t) => t.type === "gdap");
    const remainingTypes = (
      await tx.select({ type: relationshipTypes.type }).from(relationshipTypes).where(and(eq(relationshipTypes.relationshipId, relationship.id), isNull(relationshipTypes.terminatedAt)))
    ).map((t) => relationshipTypeName(t.type));
    const roles = removing.map((g) => roleName(g.roleId));
    const details = { roles, terminatedGdap, remainingTypes };
    for (const [organizationId, counterpartyOrganizationId] of [
      [relationship.customerOrganizationId, relationship.partnerOrganizationId],
      [relationship.partnerOrganizationId, relationship.customerOrganizationId],
    ] as const) {
      await recordAudit(tx, {
        actorUserId: by.actor.userId,
        actorLabel: by.actor.email,
        organizationId,
        counterpartyOrganizationId,
        action: "roles.removed",
        targetType: "relationship",
        targetId: relationship.id,
        details,
      });
    }

    const { customerName, partnerName } = await names(tx, relationship);
    const removedBy = by.actor.name ?? by.actor.email;
    const common = { partnerName, customerName, removedBy, roles, remainingTypes };
    for (const to of await partnerRecipients(tx, relationship.partnerOrganizationId)) {
      await sendEmail(tx, { to, template: "roles-removed", props: { ...common, audience: "partner", url: `${appUrl()}/partner/customers` } });
    }
    for (const to of await globalAdminEmails(tx, relationship.customerOrganizationId)) {
      await sendEmail(tx, {
        to,
        template: "roles-removed",
        props: { ...common, audience: "customer", url: `${appUrl()}/admin/settings/partner-relationships/${relationship.id}` },
      });
    }
    return { ok: true, changed: true, message: `Removed ${roles.join(", ")} from ${partnerName}.` };
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
