import { aliasedTable, and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditEvents, organizations, partnerProfiles, relationshipTypes, relationships, roleGrants, users } from "@/db/schema";
import { currentAcceptance } from "@/lib/agreements/queries";
import { isUuid } from "@/lib/ids";
import { requireRelationshipReader, type CustomerRead } from "./queries";

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
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, customerOrganizationId), eq(auditEvents.counterpartyOrganizationId, relationship.relationship.partnerOrganizationId)))
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
      .limit(200),
    currentAcceptance(db, customerOrganizationId),
  ]);
  return { ...relationship, types, grants, timeline, agreement };
}

export type RelationshipDetails = NonNullable<Awaited<ReturnType<typeof getRelationshipDetails>>>;
