import { and, eq, isNotNull, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invitations, memberships, organizationDomains, organizations, users } from "@/db/schema";

/** The part of an address after its @, lower-cased: what a verified domain is compared with. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

export interface AddresseeOrganization {
  id: string;
  name: string;
}

/**
 * The customer organizations an address belongs to right now: those its user is a member of, and
 * the one that verified its domain. Their Global and Billing administrators may answer an
 * invitation to it. A domain someone only claimed (unverified) counts for nothing.
 */
export async function addresseeOrganizations(db: DbOrTx, email: string): Promise<AddresseeOrganization[]> {
  const [byMembership, byDomain] = await Promise.all([
    db
      .select({ id: organizations.id, name: organizations.name })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, eq(organizations.kind, "customer"))),
    db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizationDomains)
      .innerJoin(organizations, eq(organizations.id, organizationDomains.organizationId))
      .where(and(sql`lower(${organizationDomains.domain}) = ${emailDomain(email)}`, isNotNull(organizationDomains.verifiedAt), eq(organizations.kind, "customer"))),
  ]);
  const found = new Map<string, AddresseeOrganization>();
  for (const org of [...byMembership, ...byDomain]) found.set(org.id, org);
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/**
 * SQL: the invitation is addressed to someone of this organization, by the same rule as
 * addresseeOrganizations (a member's address, or an address at a domain it verified).
 */
export function addressedToOrganization(organizationId: string): SQL {
  return sql`(
    lower(${invitations.customerEmail}) in (
      select lower(u.email) from ${memberships} m join ${users} u on u.id = m.user_id where m.organization_id = ${organizationId}
    )
    or lower(split_part(${invitations.customerEmail}, '@', 2)) in (
      select lower(d.domain) from ${organizationDomains} d where d.organization_id = ${organizationId} and d.verified_at is not null
    )
  )`;
}
