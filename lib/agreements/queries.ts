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

/** The organization's acceptance of the agreement version in force, with who accepted it: one query. */
export async function currentAcceptance(db: DbOrTx, organizationId: string, now = new Date()) {
  const inForce = db.select().from(agreements).where(lte(agreements.publishedAt, now)).orderBy(desc(agreements.publishedAt)).limit(1).as("in_force");
  const [row] = await db
    .select({
      agreement: { id: inForce.id, version: inForce.version, title: inForce.title, body: inForce.body, publishedAt: inForce.publishedAt, createdAt: inForce.createdAt },
      acceptedAt: agreementAcceptances.acceptedAt,
      acceptedBy: users.name,
      acceptedByEmail: users.email,
    })
    .from(inForce)
    .leftJoin(agreementAcceptances, and(eq(agreementAcceptances.agreementId, inForce.id), eq(agreementAcceptances.organizationId, organizationId)))
    .leftJoin(users, eq(users.id, agreementAcceptances.acceptedById));
  if (!row) return { agreement: undefined, acceptance: undefined };
  const { agreement, acceptedAt, acceptedBy, acceptedByEmail } = row;
  // Every acceptance names its accepter (a foreign key): the left join finds the person when it finds the acceptance.
  return { agreement: agreement satisfies Agreement, acceptance: acceptedAt && acceptedByEmail !== null ? { acceptedAt, acceptedBy, acceptedByEmail } : undefined };
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
