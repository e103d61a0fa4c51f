import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invitations, organizations, relationshipTypes, relationships, roleGrants, type RelationshipType } from "@/db/schema";
import { currentAcceptance } from "@/lib/agreements/queries";
import { requirePermission, type Actor } from "@/lib/authz";
import { addressedToOrganization } from "@/lib/invitations/addressee";
import { mostPrivileged, type DirectoryRole } from "@/lib/roles";
import { gdapStatus, isGrantActive, type GdapStatus } from "./status";

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
export interface CustomerRead {
  actor: Actor | null;
  organizationId: string;
}

/** Throws AuthorizationError unless the actor may read the organization's partners (Global or Billing administrator, Global reader). */
export function requireRelationshipReader(read: CustomerRead): string {
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
    db.select().from(roleGrants).where(and(inArray(roleGrants.relationshipId, ids), sql`${roleGrants.endedAt} is null`)),
    db
      .select({ partnerOrganizationId: invitations.partnerOrganizationId })
      .from(invitations)
      .where(and(addressedToOrganization(customerOrganizationId), eq(invitations.type, "gdap"), eq(invitations.status, "pending"), gt(invitations.expiresAt, now))),
    currentAcceptance(db, customerOrganizationId, now),
  ]);
  return rows.map((row) => {
    const mine = types.filter((t) => t.relationshipId === row.id);
    const activeRoles = grants.filter((g) => g.relationshipId === row.id && isGrantActive(g, now)).map((g) => g.roleId);
    const gdap = mine.find((t) => t.type === "gdap");
    return {
      ...row,
      types: mine.filter((t) => !t.terminatedAt && !(t.type === "gdap" && t.endsAt && t.endsAt <= now)).map((t) => t.type),
      activeRoles,
      topRole: mostPrivileged(activeRoles),
      gdap: gdapStatus(gdap, pendingGdap.some((p) => p.partnerOrganizationId === row.partnerOrganizationId), now),
      agreementAccepted: Boolean(agreement.acceptance),
    };
  });
}

/**
 * Invitations waiting for this organization's answer: those addressed to its members or to its
 * verified domains, by the rule that decides who may answer them (lib/invitations/access.ts).
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
