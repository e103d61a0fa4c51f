import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contactRequestRecipients, contactRequests, partnerProfiles } from "@/db/schema";
import { recordAudit } from "@/lib/audit/service";
import { requireMembership, type Actor } from "@/lib/authz";
import { appUrl } from "@/lib/email/config";
import { sendEmail } from "@/lib/email/send";
import { countryName, SIZE_BAND_LABELS, type SizeBand } from "@/lib/partners/catalog";
import { takeRateLimit } from "@/lib/security/rate-limit";
import type { ContactRequestInput, DeclineRequestInput, RequestStatusInput } from "./schemas";
import { formatRetryTime } from "@/lib/format";

const CONTACT_LIMIT_PER_HOUR = 5;
const HOUR = 60 * 60 * 1000;

type ContactRequestResult =
  | { ok: true; requestId: string; duplicate: boolean }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

class Refused extends Error {
  constructor(readonly result: Extract<ContactRequestResult, { ok: false }>) {
    super(result.message);
  }
}

/** The sender's own earlier submission of this form: a key is matched only with the address that used it. */
async function existingRequest(db: Db, input: Pick<ContactRequestInput, "email" | "idempotencyKey">) {
  const [row] = await db
    .select({ id: contactRequests.id })
    .from(contactRequests)
    .where(and(sql`lower(${contactRequests.email}) = ${input.email.toLowerCase()}`, eq(contactRequests.idempotencyKey, input.idempotencyKey)));
  return row;
}

/**
 * Find a partner → Contact selected providers → Send: one request fanned out to each chosen
 * partner, with its emails and audit event, in one transaction. The same form sent twice (same
 * idempotency key) returns the first request.
 */
export async function createContactRequest(
  db: Db,
  input: ContactRequestInput,
  meta: { clientKey: string | null; now?: Date },
): Promise<ContactRequestResult> {
  const now = meta.now ?? new Date();
  const earlier = await existingRequest(db, input);
  if (earlier) return { ok: true, requestId: earlier.id, duplicate: true };

  try {
    return await db.transaction(async (tx) => {
      const profiles = await tx.select().from(partnerProfiles).where(inArray(partnerProfiles.slug, input.partners));
      if (profiles.length !== input.partners.length) {
        throw new Refused({
          ok: false,
          message: "One of the partners you selected is no longer in the directory. Go back and choose again.",
          fieldErrors: { partners: ["A selected partner is not in the directory."] },
        });
      }

      const limited = await takeRateLimit(
        tx,
        [
          { bucket: "contact-request:email", key: input.email, limit: CONTACT_LIMIT_PER_HOUR, windowMs: HOUR },
          ...(meta.clientKey ? [{ bucket: "contact-request:client", key: meta.clientKey, limit: CONTACT_LIMIT_PER_HOUR, windowMs: HOUR }] : []),
        ],
        now,
      );
      if (!limited.ok) {
        const at = formatRetryTime(limited.retryAt);
        throw new Refused({
          ok: false,
          message: `You've sent ${CONTACT_LIMIT_PER_HOUR} requests in the last hour, the most we accept. Try again after ${at}.`,
        });
      }

      const [request] = await tx
        .insert(contactRequests)
        .values({
          idempotencyKey: input.idempotencyKey,
          name: input.name,
          email: input.email,
          company: input.company,
          phone: input.phone,
          country: input.country,
          sizeBand: input.size,
          needs: input.needs,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: contactRequests.id });
      if (!request) throw new Refused({ ok: false, message: "duplicate" });

      const ordered = input.partners.map((slug) => profiles.find((p) => p.slug === slug)!);
      await tx.insert(contactRequestRecipients).values(
        ordered.map((p) => ({ requestId: request.id, partnerOrganizationId: p.organizationId, createdAt: now })),
      );

      const size = SIZE_BAND_LABELS[input.size as SizeBand];
      const country = countryName(input.country);
      for (const partner of ordered) {
        await sendEmail(tx, {
          to: partner.contactEmail,
          template: "contact-request-partner",
          props: {
            partnerName: partner.name,
            customerName: input.name,
            customerEmail: input.email,
            company: input.company,
            phone: input.phone,
            country,
            size,
            needs: input.needs,
            inboxUrl: `${appUrl()}/partner/requests`,
          },
        });
      }
      await sendEmail(tx, {
        to: input.email,
        template: "contact-request-confirmation",
        props: { customerName: input.name, partners: ordered.map((p) => ({ name: p.name, website: p.website })), needs: input.needs },
      });

      await recordAudit(tx, {
        actorUserId: null,
        actorLabel: `${input.name} <${input.email}>`,
        organizationId: null,
        action: "contact_request.sent",
        targetType: "contact_request",
        targetId: request.id,
        details: { company: input.company, partnerOrganizationIds: ordered.map((p) => p.organizationId) },
      });
      return { ok: true as const, requestId: request.id, duplicate: false };
    });
  } catch (error) {
    if (error instanceof Refused) {
      if (error.result.message === "duplicate") {
        const first = await existingRequest(db, input);
        if (first) return { ok: true, requestId: first.id, duplicate: true };
      }
      return error.result;
    }
    // Two submissions of one form raced: the loser hits the unique key and gets the winner's request.
    const first = await existingRequest(db, input);
    if (first) return { ok: true, requestId: first.id, duplicate: true };
    throw error;
  }
}

type RequestStatusResult = { ok: true; changed: boolean; message: string } | { ok: false; code: "not_found"; message: string; fieldErrors?: Record<string, string[]> };

const REQUEST_NOT_FOUND = { ok: false, code: "not_found", message: "That request was not found." } as const;

/**
 * Sets a contact request's status for the agent's own partner organization, with its audit event:
 * replied or new again (the decline reason is cleared), or declined with the reason.
 */
async function changeStatus(db: Db, actor: Actor | null, recipientId: string, status: "new" | "replied" | "declined", reason: string | null): Promise<RequestStatusResult> {
  const by = requireMembership(actor, "contact_requests.update");
  const partnerId = by.membership.organizationId;
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(contactRequestRecipients)
      .where(and(eq(contactRequestRecipients.id, recipientId), eq(contactRequestRecipients.partnerOrganizationId, partnerId)))
      .for("update");
    // Another partner's request is reported exactly like one that does not exist.
    if (!current) return REQUEST_NOT_FOUND;
    if (current.status === status) return { ok: true, changed: false, message: "No change." };
    await tx
      .update(contactRequestRecipients)
      .set({ status, statusChangedAt: new Date(), statusChangedById: by.actor.userId, declineReason: reason })
      .where(eq(contactRequestRecipients.id, current.id));
    await recordAudit(tx, {
      actorUserId: by.actor.userId,
      actorLabel: by.actor.email,
      organizationId: partnerId,
      action: `contact_request.${status === "new" ? "reopened" : status}`,
      targetType: "contact_request_recipient",
      targetId: current.id,
      details: { from: current.status, to: status, ...(reason ? { reason } : {}) },
    });
    return { ok: true, changed: true, message: `Marked ${status}.` };
  });
}

/** Marks a contact request replied or new again — only within the agent's own partner organization. */
export async function setRequestStatus(db: Db, actor: Actor | null, input: RequestStatusInput): Promise<RequestStatusResult> {
  return changeStatus(db, actor, input.recipientId, input.status, null);
}

/** Declines a contact request with the partner's reason; declining one already declined changes nothing. */
export async function declineRequest(db: Db, actor: Actor | null, input: DeclineRequestInput): Promise<RequestStatusResult> {
  return changeStatus(db, actor, input.recipientId, "declined", input.reason);
}
