import "server-only";
import { and, desc, eq, lte } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { agreementAcceptances, agreements, users, type Agreement } from "@/db/schema";
import { hasPermission, primaryMembership, type Actor } from "@/lib/authz";
import { hasRelationships } from "@/lib/relationships/queries";

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

/** What the admin center's banner says: nothing, or that the organization has yet to accept the version in force. */
export type AgreementReminder = { organizationName: string; newVersion: string | null } | null;

/**
 * Asks those who read the organization's partners to accept the agreement in force when it works
 * with partners (or accepted an older version).
 */
export async function agreementReminder(db: DbOrTx, actor: Actor | null): Promise<AgreementReminder> {
  const membership = primaryMembership(actor, "customer");
  if (!membership || !hasPermission(actor, "relationships.view", membership.organizationId)) return null;
  const { agreement, acceptance } = await currentAcceptance(db, membership.organizationId);
  if (!agreement || acceptance) return null;
  const [accepted, worksWithPartners] = await Promise.all([hasAcceptedAnyVersion(db, membership.organizationId), hasRelationships(db, membership.organizationId)]);
  if (!accepted && !worksWithPartners) return null;
  return { organizationName: membership.organizationName, newVersion: accepted ? agreement.version : null };
}
