import "server-only";
import { and, desc, eq, lte, sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/client";
import { agreementAcceptances, agreements, relationships, users, type Agreement } from "@/db/schema";
import { hasPermission, primaryMembership, type Actor } from "@/lib/authz";

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

/** What the admin center's banner says: nothing, or that the organization has yet to accept the version in force. */
export type AgreementReminder = { organizationName: string; newVersion: string | null } | null;

/**
 * Asks those who read the organization's partners to accept the agreement in force when it works
 * with partners (or accepted an older version). One query: every admin center page shows it.
 */
export async function agreementReminder(db: DbOrTx, actor: Actor | null, now = new Date()): Promise<AgreementReminder> {
  const membership = primaryMembership(actor, "customer");
  if (!membership || !hasPermission(actor, "relationships.view", membership.organizationId)) return null;
  const organizationId = membership.organizationId;
  const [row] = await queryRows<{ version: string; acceptedThis: boolean; acceptedAny: boolean; worksWithPartners: boolean }>(
    db,
    sql`select a.version,
          exists (select 1 from ${agreementAcceptances} aa where aa.organization_id = ${organizationId} and aa.agreement_id = a.id) as "acceptedThis",
          exists (select 1 from ${agreementAcceptances} aa where aa.organization_id = ${organizationId}) as "acceptedAny",
          exists (select 1 from ${relationships} r where r.customer_organization_id = ${organizationId}) as "worksWithPartners"
        from ${agreements} a where a.published_at <= ${now} order by a.published_at desc limit 1`,
  );
  if (!row || row.acceptedThis) return null;
  if (!row.acceptedAny && !row.worksWithPartners) return null;
  return { organizationName: membership.organizationName, newVersion: row.acceptedAny ? row.version : null };
}
