import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { contactRequestRecipients, contactRequests, partnerProfiles, type ContactRecipientStatus } from "@/db/schema";
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
  receivedAt: contactRequestRecipients.createdAt,
  name: contactRequests.name,
  email: contactRequests.email,
  company: contactRequests.company,
  phone: contactRequests.phone,
  country: contactRequests.country,
  sizeBand: contactRequests.sizeBand,
  needs: contactRequests.needs,
};

/** The partner's inbox: only requests sent to this partner organization. */
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
