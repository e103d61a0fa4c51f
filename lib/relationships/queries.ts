import { and, asc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { organizations, relationshipTypes, relationships, roleGrants, type RelationshipType } from "@/db/schema";

export interface RelationshipSummary {
  id: string;
  partnerOrganizationId: string;
  partnerName: string;
  types: RelationshipType[];
  activeRoles: string[];
  since: Date;
}

/** Every partner the customer works with, with the types and roles in force. */
export async function listCustomerRelationships(db: DbOrTx, customerOrganizationId: string): Promise<RelationshipSummary[]> {
  const rows = await db
    .select({ id: relationships.id, partnerOrganizationId: relationships.partnerOrganizationId, partnerName: organizations.name, since: relationships.createdAt })
    .from(relationships)
    .innerJoin(organizations, eq(organizations.id, relationships.partnerOrganizationId))
    .where(eq(relationships.customerOrganizationId, customerOrganizationId))
    .orderBy(asc(organizations.name));
  if (rows.length === 0) return [];
  const [types, grants] = await Promise.all([
    db
      .select({ relationshipId: relationshipTypes.relationshipId, type: relationshipTypes.type })
      .from(relationshipTypes)
      .innerJoin(relationships, eq(relationships.id, relationshipTypes.relationshipId))
      .where(and(eq(relationships.customerOrganizationId, customerOrganizationId), isNull(relationshipTypes.terminatedAt))),
    db
      .select({ relationshipId: roleGrants.relationshipId, roleId: roleGrants.roleId })
      .from(roleGrants)
      .innerJoin(relationships, eq(relationships.id, roleGrants.relationshipId))
      .where(and(eq(relationships.customerOrganizationId, customerOrganizationId), isNull(roleGrants.endedAt))),
  ]);
  return rows.map((row) => ({
    ...row,
    types: types.filter((t) => t.relationshipId === row.id).map((t) => t.type),
    activeRoles: grants.filter((g) => g.relationshipId === row.id).map((g) => g.roleId),
  }));
}
