import "server-only";
import { aliasedTable, and, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  agreementAcceptances,
  auditEvents,
  invitations,
  organizations,
  partnerProfiles,
  relationshipTypes,
  relationships,
  roleGrants,
  users,
  type RelationshipType,
} from "@/db/schema";
import { currentAcceptance, currentAgreement } from "@/lib/agreements/queries";
import { requirePermission, type Actor } from "@/lib/authz";
import { isUuid } from "@/lib/ids";
import { addressedToOrganization } from "@/lib/invitations/queries";
import { mostPrivileged, type DirectoryRole } from "@/lib/roles";
import { gdapStatus, isGrantActive, isTypeInForce, type GdapStatus } from "./rules";

export interface RelationshipSummary {
  id: string;
  partnerOrganizationId: string;
  partnerName: string;
  types: RelationshipType[];
  activeRoles: string[];
  topRole: DirectoryRole | undefined;
  gdap: GdapStatus;
  agreementAccepted: boolean;
  since: Date;
}

/** Who reads, for which customer organization: every read below asks the permission map first. */
interface CustomerRead {
  actor: Actor | null;
  organizationId: string;
}

/** Throws AuthorizationError unless the actor may read the organization's partners (Global or Billing administrator, Global reader). */
function requireRelationshipReader(read: CustomerRead): string {
  requirePermission(read.actor, "relationships.view", read.organizationId);
  return read.organizationId;
}

/** Every partner the customer works with: types in force, roles in force (by date), GDAP status and agreement status. */
export async function listCustomerRelationships(db: DbOrTx, read: CustomerRead, now = new Date()): Promise<RelationshipSummary[]> {
  const customerOrganizationId = requireRelationshipReader(read);
  const rows = await db
    .select({ id: relationships.id, partnerOrganizationId: relationships.partnerOrganizationId, partnerName: organizations.name, since: relationships.createdAt })
    .from(relationships)
    .innerJoin(organizations, eq(organizations.id, relationships.partnerOrganizationId))
    .where(eq(relationships.customerOrganizationId, customerOrganizationId))
    .orderBy(organizations.name);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [types, grants, pendingGdap, agreement] = await Promise.all([
    db.select().from(relationshipTypes).where(inArray(relationshipTypes.relationshipId, ids)),
    db.select().from(roleGrants).where(and(inArray(roleGrants.relationshipId, ids), isNull(roleGrants.endedAt))),
    db
      .select({ partnerOrganizationId: invitations.partnerOrganizationId })
      .from(invitations)
      .where(and(addressedToOrganization(customerOrganizationId), eq(invitations.type, "gdap"), eq(invitations.status, "pending"), gt(invitations.expiresAt, now))),
    currentAcceptance(db, customerOrganizationId, now),
  ]);
  return rows.map((row) => {
    const mine = types.filter((t) => t.relationshipId === row.id);
    // A role two types grant is one role the partner holds.
    const activeRoles = [...new Set(grants.filter((g) => g.relationshipId === row.id && isGrantActive(g, now)).map((g) => g.roleId))];
    const gdap = mine.find((t) => t.type === "gdap");
    return {
      ...row,
      types: mine.filter((t) => isTypeInForce(t, now)).map((t) => t.type),
      activeRoles,
      topRole: mostPrivileged(activeRoles),
      gdap: gdapStatus(gdap, pendingGdap.some((p) => p.partnerOrganizationId === row.partnerOrganizationId), now),
      agreementAccepted: Boolean(agreement.acceptance),
    };
  });
}

/**
 * Invitations waiting for this organization's answer: those addressed to its members or to its
 * verified domains, by the rule that decides who may answer them (lib/invitations/rules.ts).
 */
export async function listPendingInvitationsFor(db: DbOrTx, read: CustomerRead, now = new Date()) {
  const customerOrganizationId = requireRelationshipReader(read);
  return db
    .select({ invitation: invitations, partnerName: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.partnerOrganizationId))
    .where(and(addressedToOrganization(customerOrganizationId), eq(invitations.status, "pending"), gt(invitations.expiresAt, now)))
    .orderBy(invitations.createdAt);
}

/** Whether the customer works with any partner, without loading the relationships. */
export async function hasRelationships(db: DbOrTx, customerOrganizationId: string): Promise<boolean> {
  const [row] = await db.select({ id: relationships.id }).from(relationships).where(eq(relationships.customerOrganizationId, customerOrganizationId)).limit(1);
  return Boolean(row);
}

/** Everything a customer sees about one partner: types, grants in force and past, the agreement record, the timeline. */
export async function getRelationshipDetails(db: DbOrTx, read: CustomerRead, relationshipId: string) {
  const customerOrganizationId = requireRelationshipReader(read);
  if (!isUuid(relationshipId)) return undefined;
  const [relationship] = await db
    .select({ relationship: relationships, partnerName: organizations.name, partnerDomain: organizations.domain, profile: partnerProfiles })
    .from(relationships)
    .innerJoin(organizations, eq(organizations.id, relationships.partnerOrganizationId))
    .leftJoin(partnerProfiles, eq(partnerProfiles.organizationId, relationships.partnerOrganizationId))
    .where(and(eq(relationships.id, relationshipId), eq(relationships.customerOrganizationId, customerOrganizationId)));
  if (!relationship) return undefined;

  const grantedBy = aliasedTable(users, "granted_by");
  const endedBy = aliasedTable(users, "ended_by");
  const actors = aliasedTable(users, "actor");
  const [types, grants, timeline, agreement] = await Promise.all([
    db
      .select({ type: relationshipTypes, establishedBy: users.name, establishedByEmail: users.email })
      .from(relationshipTypes)
      .leftJoin(users, eq(users.id, relationshipTypes.establishedById))
      .where(eq(relationshipTypes.relationshipId, relationshipId))
      .orderBy(relationshipTypes.establishedAt),
    db
      .select({ grant: roleGrants, grantedBy: grantedBy.name, grantedByEmail: grantedBy.email, endedBy: endedBy.name, endedByEmail: endedBy.email })
      .from(roleGrants)
      .leftJoin(grantedBy, eq(grantedBy.id, roleGrants.grantedById))
      .leftJoin(endedBy, eq(endedBy.id, roleGrants.endedById))
      .where(eq(roleGrants.relationshipId, relationshipId))
      .orderBy(desc(roleGrants.grantedAt)),
    db
      .select({ event: auditEvents, actorName: actors.name })
      .from(auditEvents)
      .leftJoin(actors, eq(actors.id, auditEvents.actorUserId))
      .where(and(eq(auditEvents.organizationId, customerOrganizationId), eq(auditEvents.counterpartyOrganizationId, relationship.relationship.partnerOrganizationId)))
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
      .limit(200),
    currentAcceptance(db, customerOrganizationId),
  ]);
  return { ...relationship, types, grants, timeline: timeline.map(({ event, actorName }) => ({ ...event, actorName })), agreement };
}

/** The partner's customers with the types and roles in force, and whether the current agreement is accepted. */
export async function listPartnerCustomers(db: DbOrTx, partnerOrganizationId: string, now = new Date()) {
  const rows = await db
    .select({ id: relationships.id, customerId: organizations.id, customerName: organizations.name, since: relationships.createdAt })
    .from(relationships)
    .innerJoin(organizations, eq(organizations.id, relationships.customerOrganizationId))
    .where(eq(relationships.partnerOrganizationId, partnerOrganizationId))
    .orderBy(organizations.name);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [types, grants, agreement] = await Promise.all([
    db.select().from(relationshipTypes).where(inArray(relationshipTypes.relationshipId, ids)),
    db.select().from(roleGrants).where(and(inArray(roleGrants.relationshipId, ids), isNull(roleGrants.endedAt))),
    currentAgreement(db, now),
  ]);
  const accepted = agreement
    ? await db
        .select({ organizationId: agreementAcceptances.organizationId })
        .from(agreementAcceptances)
        .where(and(eq(agreementAcceptances.agreementId, agreement.id), inArray(agreementAcceptances.organizationId, rows.map((r) => r.customerId))))
    : [];
  return rows.map((row) => ({
    ...row,
    types: types.filter((t) => t.relationshipId === row.id && isTypeInForce(t, now)),
    roles: [...new Set(grants.filter((g) => g.relationshipId === row.id && isGrantActive(g, now)).map((g) => g.roleId))],
    gdap: gdapStatus(
      types.find((t) => t.relationshipId === row.id && t.type === "gdap"),
      false,
      now,
    ),
    agreementAccepted: accepted.some((a) => a.organizationId === row.customerId),
  }));
}
