import "server-only";
import { and, eq, inArray, isNotNull, isNull, lte } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { organizations, relationshipTypes, relationships, roleGrants } from "@/db/schema";
import { recordAuditOnBothSides } from "@/lib/audit/service";
import { appUrl } from "@/lib/email/config";
import { sendEmail } from "@/lib/email/send";
import { formatDate } from "@/lib/format";
import { globalAdminEmails, partnerAdminRecipients } from "@/lib/organizations/queries";
import { recordGdapVersion } from "@/lib/relationships/changes";
import { GDAP_AUTO_EXTEND_DAYS } from "@/lib/relationships/types";
import { roleName } from "@/lib/roles";
import { DAY_MS } from "@/lib/time";

const NOTICE_DAYS = [1, 7, 30] as const;

export interface GdapSweepReport {
  extended: number;
  expired: number;
  notices: number;
}

type NoticeKind = "30" | "7" | "1" | "expired" | "extended";

/**
 * Sends one notice to both sides. Each recipient's email carries a dedupe key naming the
 * relationship, its end date and the notice, so the database lets it out exactly once however
 * often (or however concurrently) the sweep runs.
 */
async function notify(tx: DbOrTx, relationshipId: string, typeId: string, kind: NoticeKind, endsAt: Date, keyDate: Date, roles: string[]): Promise<number> {
  const [rel] = await tx
    .select({ customerId: relationships.customerOrganizationId, partnerId: relationships.partnerOrganizationId })
    .from(relationships)
    .where(eq(relationships.id, relationshipId));
  if (!rel) return 0;
  const orgs = await tx.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, [rel.customerId, rel.partnerId]));
  const name = (id: string) => orgs.find((o) => o.id === id)?.name ?? "";
  const base = { kind, partnerName: name(rel.partnerId), customerName: name(rel.customerId), roles, endsOn: formatDate(endsAt) };
  let sent = 0;
  // A notice before the end leads to the action that keeps the access: Request renewal, Extend.
  const before = kind === "30" || kind === "7" || kind === "1";
  const audiences: [("partner" | "customer"), string[], string][] = [
    ["partner", await partnerAdminRecipients(tx, rel.partnerId), `${appUrl()}/partner/customers/${relationshipId}${before ? "#renewal" : ""}`],
    ["customer", await globalAdminEmails(tx, rel.customerId), `${appUrl()}/admin/settings/partner-relationships/${relationshipId}${before ? "#extend" : ""}`],
  ];
  for (const [audience, recipients, url] of audiences) {
    for (const to of recipients) {
      const id = await sendEmail(tx, {
        to,
        template: "gdap-notice",
        props: { ...base, audience, url },
        dedupeKey: `gdap:${typeId}:${keyDate.toISOString()}:${kind}:${to}`,
      });
      if (id) sent += 1;
    }
  }
  return sent;
}

async function processOne(db: Db, typeId: string, now: Date): Promise<GdapSweepReport> {
  return db.transaction(async (tx) => {
    const report = { extended: 0, expired: 0, notices: 0 };
    // Locks in the order every change takes them: the relationship, then its types and grants (the
    // list summary's triggers write the relationship row). A concurrent sweep or change holding them
    // handles this one; the sweep moves on.
    const [target] = await tx.select({ relationshipId: relationshipTypes.relationshipId }).from(relationshipTypes).where(eq(relationshipTypes.id, typeId));
    if (!target) return report;
    const [locked] = await tx.select({ id: relationships.id }).from(relationships).where(eq(relationships.id, target.relationshipId)).for("update", { skipLocked: true });
    if (!locked) return report;
    const [gdap] = await tx.select().from(relationshipTypes).where(eq(relationshipTypes.id, typeId)).for("update", { skipLocked: true });
    if (!gdap || gdap.terminatedAt || !gdap.endsAt) return report;
    const grants = await tx
      .select()
      .from(roleGrants)
      .where(and(eq(roleGrants.relationshipId, gdap.relationshipId), eq(roleGrants.viaType, "gdap"), isNull(roleGrants.endedAt)));
    const roles = grants.map((g) => roleName(g.roleId));
    const endsAt = gdap.endsAt;

    if (endsAt.getTime() > now.getTime()) {
      const daysLeft = (endsAt.getTime() - now.getTime()) / DAY_MS;
      const due = NOTICE_DAYS.find((d) => daysLeft <= d);
      if (due && grants.length > 0) report.notices += await notify(tx, gdap.relationshipId, gdap.id, String(due) as NoticeKind, endsAt, endsAt, roles);
      return report;
    }

    const canExtend = gdap.autoExtend && grants.length > 0 && !grants.some((g) => g.roleId === "global_admin");
    if (canExtend) {
      const newEnd = new Date(endsAt.getTime() + GDAP_AUTO_EXTEND_DAYS * DAY_MS);
      await tx.update(relationshipTypes).set({ endsAt: newEnd }).where(eq(relationshipTypes.id, gdap.id));
      await tx
        .update(roleGrants)
        .set({ expiresAt: newEnd })
        .where(and(eq(roleGrants.relationshipId, gdap.relationshipId), eq(roleGrants.viaType, "gdap"), isNull(roleGrants.endedAt)));
      await auditBoth(tx, gdap.relationshipId, "gdap.extended", { from: endsAt.toISOString(), to: newEnd.toISOString(), roles });
      await recordGdapVersion(tx, gdap.relationshipId, "auto_extended", { userId: null }, now);
      report.extended += 1;
      report.notices += await notify(tx, gdap.relationshipId, gdap.id, "extended", newEnd, endsAt, roles);
      return report;
    }

    const ended = await tx
      .update(roleGrants)
      .set({ endedAt: endsAt, endReason: "expired" })
      .where(and(eq(roleGrants.relationshipId, gdap.relationshipId), eq(roleGrants.viaType, "gdap"), isNull(roleGrants.endedAt)))
      .returning({ id: roleGrants.id });
    if (ended.length > 0) {
      await auditBoth(tx, gdap.relationshipId, "gdap.expired", { endsAt: endsAt.toISOString(), roles });
      await recordGdapVersion(tx, gdap.relationshipId, "expired", { userId: null }, now);
      report.expired += 1;
    }
    report.notices += await notify(tx, gdap.relationshipId, gdap.id, "expired", endsAt, endsAt, roles);
    return report;
  });
}

async function auditBoth(tx: DbOrTx, relationshipId: string, action: string, details: Record<string, unknown>) {
  const [rel] = await tx.select().from(relationships).where(eq(relationships.id, relationshipId));
  if (!rel) return;
  await recordAuditOnBothSides(tx, [rel.customerOrganizationId, rel.partnerOrganizationId], { actorUserId: null, actorLabel: "System", action, targetType: "relationship", targetId: relationshipId, details });
}

/** Records GDAP expiries, applies auto-extend and sends the 30/7/1-day and expiry notices. */
export async function sweepGdap(db: Db, now = new Date()): Promise<GdapSweepReport> {
  const horizon = new Date(now.getTime() + 30 * DAY_MS);
  const due = await db
    .select({ id: relationshipTypes.id })
    .from(relationshipTypes)
    .where(and(eq(relationshipTypes.type, "gdap"), isNull(relationshipTypes.terminatedAt), isNotNull(relationshipTypes.endsAt), lte(relationshipTypes.endsAt, horizon)));
  const total: GdapSweepReport = { extended: 0, expired: 0, notices: 0 };
  for (const { id } of due) {
    const one = await processOne(db, id, now);
    total.extended += one.extended;
    total.expired += one.expired;
    total.notices += one.notices;
  }
  return total;
}
