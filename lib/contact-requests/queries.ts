import "server-only";
import { and, asc, type Column, desc, eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { contactRequestRecipients, contactRequests, invitations, partnerProfiles, type ContactRecipientStatus } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { isUuid } from "@/lib/ids";
import { cappedCount, type CappedCount, containsPattern, COUNT_CAP, offsetPage, OVERVIEW_COUNT_CAP, SEARCH_COUNT_CAP, type Page } from "@/lib/paging";

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

/**
 * When the partner last invited this request's customer because of it: an invitation sent from the
 * request, or one to the requester's address after the request arrived. Two index lookups
 * (invitations_contact_recipient_idx, invitations_email_idx) per request shown.
 */
function invitedAt(recipient: { id: SQLWrapper; partnerOrganizationId: SQLWrapper; receivedAt: SQLWrapper; email: SQLWrapper }) {
  return sql<Date | null>`greatest(
    (select max(${invitations.createdAt}) from ${invitations}
      where ${invitations.contactRecipientId} = ${recipient.id} and ${invitations.partnerOrganizationId} = ${recipient.partnerOrganizationId}),
    (select max(${invitations.createdAt}) from ${invitations}
      where lower(${invitations.customerEmail}) = lower(${recipient.email}) and ${invitations.partnerOrganizationId} = ${recipient.partnerOrganizationId}
        and ${invitations.createdAt} >= ${recipient.receivedAt}))`.mapWith(invitations.createdAt);
}

/** A request as the inbox shows it, but for when it was invited (looked up for the rows shown only). */
const requestColumns = {
  recipientId: contactRequestRecipients.id,
  partnerOrganizationId: contactRequestRecipients.partnerOrganizationId,
  status: contactRequestRecipients.status,
  statusChangedAt: contactRequestRecipients.statusChangedAt,
  declineReason: contactRequestRecipients.declineReason,
  receivedAt: contactRequestRecipients.createdAt,
  name: contactRequests.name,
  email: contactRequests.email,
  company: contactRequests.company,
  phone: contactRequests.phone,
  country: contactRequests.country,
  sizeBand: contactRequests.sizeBand,
  needs: contactRequests.needs,
};

/** What the search box searches: company, name and address in one text (contact_requests_search_trgm_idx). */
export const requestSearchText = sql`(${contactRequests.company} || ' ' || ${contactRequests.name} || ' ' || ${contactRequests.email})`;

export const REQUEST_SORTS = ["newest", "oldest"] as const;
export type RequestSort = (typeof REQUEST_SORTS)[number];
export const REQUESTS_PAGE_SIZE = 50;

export interface RequestListQuery {
  status?: ContactRecipientStatus;
  /** Part of the company, the person's name or their address (any case). */
  q?: string;
  sort?: RequestSort;
  page?: number;
}

/**
 * One page of the partner's inbox: only requests sent to this partner organization, newest first
 * unless sorted otherwise, filtered, searched, counted (up to a cap) and paged in SQL. A request
 * counts as invited once the partner sent an invitation from it, or to the requester's address
 * after it arrived; that is looked up for the page's rows only, in a query around the page.
 */
export async function listPartnerRequests(db: DbOrTx, partnerOrganizationId: string, query: RequestListQuery = {}, pageSize = REQUESTS_PAGE_SIZE): Promise<Page<PartnerInboxItem>> {
  const where = and(
    eq(contactRequestRecipients.partnerOrganizationId, partnerOrganizationId),
    query.status ? eq(contactRequestRecipients.status, query.status) : undefined,
    query.q ? sql`${requestSearchText} ilike ${containsPattern(query.q)}` : undefined,
  );
  const newest = query.sort !== "oldest";
  return offsetPage({
    page: query.page ?? 1,
    pageSize,
    cap: query.q ? SEARCH_COUNT_CAP : COUNT_CAP,
    count: (cap) => {
      const counting = db.select({ one: sql`1`.as("one") }).from(contactRequestRecipients).$dynamic();
      // The search reads the request's text; without it the recipients' index alone answers.
      return cappedCount(db, (query.q ? counting.innerJoin(contactRequests, eq(contactRequests.id, contactRequestRecipients.requestId)) : counting).where(where), cap);
    },
    read: async ({ limit, offset }) => {
      const order = (received: SQLWrapper, id: SQLWrapper) => (newest ? [desc(received), desc(id)] : [asc(received), asc(id)]);
      const shown = db
        .select(requestColumns)
        .from(contactRequestRecipients)
        .innerJoin(contactRequests, eq(contactRequests.id, contactRequestRecipients.requestId))
        .where(where)
        .orderBy(...order(contactRequestRecipients.createdAt, contactRequestRecipients.id))
        .limit(limit)
        .offset(offset)
        .as("shown");
      const rows = await db
        .select({
          ...shown._.selectedFields,
          // Qualified by hand: drizzle names a subquery's columns bare, which inside the lookups would mean the invitation's own.
          invitedAt: invitedAt({
            id: shownColumn(contactRequestRecipients.id),
            partnerOrganizationId: shownColumn(contactRequestRecipients.partnerOrganizationId),
            receivedAt: shownColumn(contactRequestRecipients.createdAt),
            email: shownColumn(contactRequests.email),
          }),
        })
        .from(shown)
        .orderBy(...order(shown.receivedAt, shown.recipientId));
      return rows.map(inboxItem);
    },
  });
}

/** A column of the page's rows ("shown"), by its name in the table it came from. */
function shownColumn(column: Column): SQL {
  return sql`${sql.identifier("shown")}.${sql.identifier(column.name)}`;
}

function inboxItem({ partnerOrganizationId: _, ...item }: PartnerInboxItem & { partnerOrganizationId: string }): PartnerInboxItem {
  return item;
}

export async function getPartnerRequest(db: DbOrTx, partnerOrganizationId: string, recipientId: string): Promise<PartnerInboxItem | undefined> {
  if (!isUuid(recipientId)) return undefined;
  const rows = await db
    .select({
      ...requestColumns,
      invitedAt: invitedAt({
        id: contactRequestRecipients.id,
        partnerOrganizationId: contactRequestRecipients.partnerOrganizationId,
        receivedAt: contactRequestRecipients.createdAt,
        email: contactRequests.email,
      }),
    })
    .from(contactRequestRecipients)
    .innerJoin(contactRequests, eq(contactRequests.id, contactRequestRecipients.requestId))
    .where(and(eq(contactRequestRecipients.id, recipientId), eq(contactRequestRecipients.partnerOrganizationId, partnerOrganizationId)));
  return rows[0] && inboxItem(rows[0]);
}

/** How many requests sent to this partner organization are still new (unanswered), counted as far as a dashboard does; for its agents only. */
export async function countNewRequests(db: DbOrTx, read: { actor: Actor | null; organizationId: string }): Promise<CappedCount> {
  const partnerOrganizationId = read.organizationId;
  requirePermission(read.actor, "contact_requests.read", partnerOrganizationId);
  return cappedCount(
    db,
    db
      .select({ one: sql`1` })
      .from(contactRequestRecipients)
      .where(and(eq(contactRequestRecipients.partnerOrganizationId, partnerOrganizationId), eq(contactRequestRecipients.status, "new")))
      .$dynamic(),
    OVERVIEW_COUNT_CAP,
  );
}
