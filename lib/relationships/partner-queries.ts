import { and, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { agreementAcceptances, organizations, relationshipTypes, relationships, roleGrants } from "@/db/schema";
import { currentAgreement } from "@/lib/agreements/queries";
import { gdapStatus, isGrantActive } from "./status";

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
    types: types.filter((t) => t.relationshipId === row.id && !t.terminatedAt && !(t.type === "gdap" && t.endsAt && t.endsAt <= now)),
    roles: grants.filter((g) => g.relationshipId === row.id && isGrantActive(g, now)).map((g) => g.roleId),
    gdap: gdapStatus(
      types.find((t) => t.relationshipId === row.id && t.type === "gdap"),
      false,
      now,
    ),
    agreementAccepted: accepted.some((a) => a.organizationId === row.customerId),
  }));
}
