import "server-only";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { organizationDomains } from "@/db/schema";
import { recordAudit } from "@/lib/audit/service";
import { AuthorizationError, requirePermission, type Actor } from "@/lib/authz";
import { isUuid } from "@/lib/ids";
import { DnsUnavailableError, hasRecord, lookupTxt, newVerificationToken, systemTxtResolver, verificationRecord, type TxtResolver } from "./dns";
import type { AddDomainInput, DomainRef } from "./schemas";

export const MAX_DOMAINS = 20;

type DomainCode = "added" | "already_listed" | "verified" | "already_verified" | "removed" | "already_removed";
type DomainRefusal = "not_found" | "not_published" | "dns_unavailable" | "taken" | "verified" | "too_many";

type DomainResult =
  | { ok: true; code: DomainCode; domainId: string }
  | { ok: false; code: DomainRefusal; message: string; fieldErrors?: Record<string, string[]> };

export const TAKEN_MESSAGE =
  "Another organization has already verified this domain, so it can't be verified for yours. Invitations to its addresses go to that organization.";

const NOT_FOUND: DomainResult = { ok: false, code: "not_found", message: "That domain isn't on your organization's list any more. Reload the page." };
const TAKEN: DomainResult = { ok: false, code: "taken", message: TAKEN_MESSAGE };

/** The signed-in Global administrator of the organization, or an AuthorizationError. */
function domainManager(actor: Actor | null, organizationId: string): Actor {
  if (!actor) throw new AuthorizationError("unauthenticated");
  requirePermission(actor, "domains.manage", organizationId);
  return actor;
}

function byId(ref: DomainRef) {
  return and(eq(organizationDomains.id, ref.domainId), eq(organizationDomains.organizationId, ref.organizationId));
}

/** Whether an organization other than this one has verified the domain. */
async function verifiedElsewhere(db: DbOrTx, domain: string, organizationId: string): Promise<boolean> {
  const [row] = await db
    .select({ organizationId: organizationDomains.organizationId })
    .from(organizationDomains)
    .where(and(sql`lower(${organizationDomains.domain}) = ${domain}`, isNotNull(organizationDomains.verifiedAt)));
  return Boolean(row && row.organizationId !== organizationId);
}

/** One organization's verifications of one domain queue here, whoever they race with. */
async function lockDomain(tx: DbOrTx, domain: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`organization-domain:${domain}`}))`);
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown };
    if (code === "23505" && name === constraint) return true;
  }
  return false;
}

/** Add a domain: listed unverified, with its own token to publish. Listing it twice keeps one row. */
export async function addDomain(db: Db, actor: Actor | null, input: AddDomainInput, now = new Date()): Promise<DomainResult> {
  const manager = domainManager(actor, input.organizationId);
  const { organizationId, domain } = input;
  return db.transaction(async (tx) => {
    // Adds of one organization take turns, so the limit below holds under double submits.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`organization-domains:${organizationId}`}))`);
    const [listed] = await tx
      .select({ id: organizationDomains.id })
      .from(organizationDomains)
      .where(and(eq(organizationDomains.organizationId, organizationId), sql`lower(${organizationDomains.domain}) = ${domain}`));
    if (listed) return { ok: true, code: "already_listed", domainId: listed.id };
    if (await verifiedElsewhere(tx, domain, organizationId)) return { ok: false, code: "taken", message: TAKEN_MESSAGE, fieldErrors: { domain: [TAKEN_MESSAGE] } };
    if ((await tx.$count(organizationDomains, eq(organizationDomains.organizationId, organizationId))) >= MAX_DOMAINS) {
      const message = `An organization can list up to ${MAX_DOMAINS} domains. Remove one it doesn't use first.`;
      return { ok: false, code: "too_many", message, fieldErrors: { domain: [message] } };
    }
    const [row] = await tx
      .insert(organizationDomains)
      .values({ organizationId, domain, verificationToken: newVerificationToken(), createdAt: now })
      .returning({ id: organizationDomains.id });
    await recordAudit(tx, {
      actorUserId: manager.userId,
      actorLabel: manager.email,
      organizationId,
      action: "domain.added",
      targetType: "organization_domain",
      targetId: row!.id,
      details: { domain },
    });
    return { ok: true, code: "added", domainId: row!.id };
  });
}

/**
 * Verify: looks up the domain's TXT record and, when it holds this organization's token, marks
 * the domain verified, from then on routing invitations to its addresses here. DNS is asked
 * before the transaction (no row is locked while waiting on the network); the write happens only
 * if no other organization verified the domain meanwhile, which the database enforces as well.
 */
export async function verifyDomain(
  db: Db,
  actor: Actor | null,
  ref: DomainRef,
  options: { resolveTxt?: TxtResolver; now?: Date } = {},
): Promise<DomainResult> {
  const manager = domainManager(actor, ref.organizationId);
  if (!isUuid(ref.domainId)) return NOT_FOUND;
  const [row] = await db.select().from(organizationDomains).where(byId(ref));
  if (!row) return NOT_FOUND;
  if (row.verifiedAt) return { ok: true, code: "already_verified", domainId: row.id };
  if (await verifiedElsewhere(db, row.domain, row.organizationId)) return TAKEN;

  const record = verificationRecord(row.domain, row.verificationToken);
  let records: string[][];
  try {
    records = await lookupTxt(options.resolveTxt ?? systemTxtResolver, record.name);
  } catch (error) {
    if (!(error instanceof DnsUnavailableError)) throw error;
    return { ok: false, code: "dns_unavailable", message: "DNS didn't answer, so the domain couldn't be checked. Try again in a few minutes." };
  }
  if (!hasRecord(records, record.value)) {
    return {
      ok: false,
      code: "not_published",
      message: `The TXT record wasn't found at ${record.name}. Publish it with the value shown and try again; a new record can take up to an hour to appear.`,
    };
  }

  const now = options.now ?? new Date();
  try {
    return await db.transaction(async (tx): Promise<DomainResult> => {
      await lockDomain(tx, row.domain);
      const [current] = await tx.select().from(organizationDomains).where(byId(ref)).for("update");
      if (!current) return NOT_FOUND;
      if (current.verifiedAt) return { ok: true, code: "already_verified", domainId: current.id };
      if (await verifiedElsewhere(tx, current.domain, current.organizationId)) return TAKEN;
      await tx.update(organizationDomains).set({ verifiedAt: now, verifiedById: manager.userId }).where(eq(organizationDomains.id, current.id));
      await recordAudit(tx, {
        actorUserId: manager.userId,
        actorLabel: manager.email,
        organizationId: current.organizationId,
        action: "domain.verified",
        targetType: "organization_domain",
        targetId: current.id,
        details: { domain: current.domain, record: record.name },
      });
      return { ok: true, code: "verified", domainId: current.id };
    });
  } catch (error) {
    if (isUniqueViolation(error, "organization_domains_verified_unique")) return TAKEN;
    throw error;
  }
}

/** Remove a domain that is not verified. Removing it twice is not an error. */
export async function removeDomain(db: Db, actor: Actor | null, ref: DomainRef): Promise<DomainResult> {
  const manager = domainManager(actor, ref.organizationId);
  if (!isUuid(ref.domainId)) return NOT_FOUND;
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(organizationDomains).where(byId(ref)).for("update");
    if (!row) return { ok: true, code: "already_removed", domainId: ref.domainId };
    if (row.verifiedAt) {
      return { ok: false, code: "verified", message: "A verified domain can't be removed: invitations to its addresses reach your organization through it." };
    }
    await tx.delete(organizationDomains).where(eq(organizationDomains.id, row.id));
    await recordAudit(tx, {
      actorUserId: manager.userId,
      actorLabel: manager.email,
      organizationId: row.organizationId,
      action: "domain.removed",
      targetType: "organization_domain",
      targetId: row.id,
      details: { domain: row.domain },
    });
    return { ok: true, code: "removed", domainId: row.id };
  });
}
