import { and, desc, eq, lte } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { agreementAcceptances, agreements, users, type Agreement } from "@/db/schema";

/** The agreement version in force: the newest one already published. */
export async function currentAgreement(db: DbOrTx, now = new Date()): Promise<Agreement | undefined> {
  const [agreement] = await db.select().from(agreements).where(lte(agreements.publishedAt, now)).orderBy(desc(agreements.publishedAt)).limit(1);
  return agreement;
}

/** The organization's acceptance of the agreement version in force, with who accepted it. */
export async function currentAcceptance(db: DbOrTx, organizationId: string, now = new Date()) {
  const agreement = await currentAgreement(db, now);
  if (!agreement) return { agreement: undefined, acceptance: undefined };
  const [acceptance] = await db
    .select({ acceptedAt: agreementAcceptances.acceptedAt, acceptedBy: users.name, acceptedByEmail: users.email })
    .from(agreementAcceptances)
    .innerJoin(users, eq(users.id, agreementAcceptances.acceptedById))
    .where(and(eq(agreementAcceptances.organizationId, organizationId), eq(agreementAcceptances.agreementId, agreement.id)));
  return { agreement, acceptance };
}

/** Whether the organization ever accepted an earlier version (so a new one deserves a banner). */
export async function hasAcceptedAnyVersion(db: DbOrTx, organizationId: string): Promise<boolean> {
  const [row] = await db.select({ id: agreementAcceptances.id }).from(agreementAcceptances).where(eq(agreementAcceptances.organizationId, organizationId)).limit(1);
  return Boolean(row);
}
