import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { organizationDomains } from "@/db/schema";
import { verificationRecord } from "./dns";

/** The organization's domains, verified first, each with the TXT record that verifies it. */
export async function listOrganizationDomains(db: DbOrTx, organizationId: string) {
  const rows = await db
    .select()
    .from(organizationDomains)
    .where(eq(organizationDomains.organizationId, organizationId))
    .orderBy(desc(sql`${organizationDomains.verifiedAt} is not null`), asc(organizationDomains.domain));
  return rows.map((row) => ({
    id: row.id,
    domain: row.domain,
    createdAt: row.createdAt,
    verifiedAt: row.verifiedAt,
    record: verificationRecord(row.domain, row.verificationToken),
  }));
}

export type OrganizationDomainRow = Awaited<ReturnType<typeof listOrganizationDomains>>[number];
