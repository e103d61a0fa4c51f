import "server-only";
import { and, count, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { contactRequestRecipients, contactRequests, invitations, partnerProfiles, type ContactRecipientStatus } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { isUuid } from "@/lib/ids";

/** What the customer sees after Send: who was contacted. */
export async function getContactConfirmation(db: DbOrTx, requestId: string) {
  if (!isUuid(requestId)) return undefined;
  const [request] = await db
    .select({ id: contactRequests.id, name: contactRequests.name, email: contactRequests.email, createdAt: contactRequests.createdAt })
    .from(contactRequests)
    .where(eq(contactRequests.id, requestId));
  if (!request) return undefined;
  const partners = await db
    .select({ name: partnerProfiles.name, slug: partnerProfiles.slug, website: partnerProfiles.website })
    .from(contactRequestRecipients)
    .innerJoin(partnerProfiles, eq(partnerProfiles.organizationId, contactRequestRecipients.partnerOrganizationId))
    .where(eq(contactRequestRecipients.requestId, requestId))
    .orderBy(contactRequestRecipients.createdAt, partnerProfiles.name);
  return { ...request, partners };
}

export interface PartnerInboxItem {
  recipientId: string;
  status: ContactRecipientStatus;
  statusChangedAt: Date | null;
  /** Why the partner declined it (declined requests only). */
  declineReason: string | null;
  /** When the partner last sent this customer an invitation because of it, or null. */
  invitedAt: Date | null;
  receivedAt: Date;
  name: string;
  email: string;
  company: string;
  phone: string | null;
  country: string;
  sizeBand: string;
  needs: string;
}

const inboxColumns = {
  recipientId: contactRequestRecipients.id,
  status: contactRequestRecipients.status,
  statusChangedAt: contactRequestRecipients.statusChangedAt,
  declineReason: contactRequestRecipients.declineReason,
  invitedAt: sql<Date | null>`(
    select max(${invitations.createdAt}) from ${invitations}
    where ${invitations.partnerOrganizationId} = ${contactRequestRecipients.partnerOrganizationId}
      and (${invitations.contactRecipientId} = ${contactRequestRecipients.id}
        or (lower(${invitations.customerEmail}) = lower(${contactRequests.email}) and ${invitations.createdAt} >= ${contactRequestRecipients.createdAt})))`.mapWith(invitations.createdAt),
  receivedAt: contactRequestRecipients.createdAt,
  name: contactRequests.name,
  email: contactRequests.email,
  company: contactRequests.company,
  phone: contactRequests.phone,
  country: contactRequests.country,
  sizeBand: contactRequests.sizeBand,
  needs: contactRequests.needs,
};

/**
 * The partner's inbox: only requests sent to this partner organization. A request counts as invited
 * once the partner sent an invitation from it, or to the requester's address after it arrived.
 */
export async function listPartnerRequests(db: DbOrTx, partnerOrganizationId: string, status?: ContactRecipientStatus): Promise<PartnerInboxItem[]> {
  const conditions = [eq(contactRequestRecipients.partnerOrganizationId, partnerOrganizationId)];
  if (status) conditions.push(eq(contactRequestRecipients.status, status));
  return db
    .select(inboxColumns)
    .from(contactRequestRecipients)
    .innerJoin(contactRequests, eq(contactRequests.id, contactRequestRecipients.requestId))
    .where(and(...conditions))
    .orderBy(desc(contactRequestRecipients.createdAt))
    .limit(200);
}

export async function getPartnerRequest(db: DbOrTx, partnerOrganizationId: string, recipientId: string): Promise<PartnerInboxItem | undefined> {
  if (!isUuid(recipientId)) return undefined;
  const rows = await db
    .select(inboxColumns)
    .from(contactRequestRecipients)
    .innerJoin(contactRequests, eq(contactRequests.id, contactRequestRecipients.requestId))
    .where(and(eq(contactRequestRecipients.id, recipientId), eq(contactRequestRecipients.partnerOrganizationId, partnerOrganizationId)));
  return rows[0];
}

/** How many requests sent to this partner organization are still new (unanswered); for its agents only. */
export async function countNewRequests(db: DbOrTx, read: { actor: Actor | null; organizationId: string }): Promise<number> {
  const partnerOrganizationId = read.organizationId;
  requirePermission(read.actor, "contact_requests.read", partnerOrganizationId);
  const [row] = await db
    .select({ n: count() })
    .from(contactRequestRecipients)
    .where(and(eq(contactRequestRecipients.partnerOrganizationId, partnerOrganizationId), eq(contactRequestRecipients.status, "new")));
  return Number(row?.n ?? 0);
}
