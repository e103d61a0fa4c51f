import "server-only";
import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { agreementAcceptances } from "@/db/schema";
import { recordAudit } from "@/lib/audit/service";
import { requireMembership, type Actor } from "@/lib/authz";
import { currentAgreement } from "./queries";

export const ACKNOWLEDGE_MESSAGE = "Check the box to acknowledge that you read the Customer Agreement.";

/** Records the organization's acceptance of the current agreement unless it already accepted it. Returns whether it is accepted now. */
export async function recordAgreementAcceptance(tx: DbOrTx, actor: Actor, organizationId: string, invitationId: string | null, now: Date): Promise<boolean> {
  const agreement = await currentAgreement(tx, now);
  if (!agreement) return false;
  const [created] = await tx
    .insert(agreementAcceptances)
    .values({ agreementId: agreement.id, organizationId, acceptedById: actor.userId, invitationId, acceptedAt: now })
    .onConflictDoNothing()
    .returning({ id: agreementAcceptances.id });
  if (created) {
    await recordAudit(tx, {
      actorUserId: actor.userId,
      actorLabel: actor.email,
      organizationId,
      action: "agreement.accepted",
      targetType: "agreement",
      targetId: agreement.id,
      details: { version: agreement.version },
    });
  }
  return true;
}

/** Accept agreement (alone): for an organization that works with a partner but has not accepted the current version. */
export async function acceptAgreement(db: Db, actor: Actor | null, organizationId: string, input: { acknowledged: boolean }, now = new Date()) {
  const by = requireMembership(actor, "agreement.accept", organizationId);
  if (!input.acknowledged) return { ok: false as const, message: ACKNOWLEDGE_MESSAGE, fieldErrors: { acknowledge: [ACKNOWLEDGE_MESSAGE] } };
  return db.transaction(async (tx) => {
    // One acceptance per organization and version, even when two administrators click at once.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`agreement:${organizationId}`}))`);
    const accepted = await recordAgreementAcceptance(tx, by.actor, organizationId, null, now);
    return accepted ? { ok: true as const } : { ok: false as const, message: "No Customer Agreement is published yet." };
  });
}
