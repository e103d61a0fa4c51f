import "server-only";
import { and, asc, desc, eq, ilike, isNotNull, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invitationAcceptances, invitations, memberships, organizationDomains, organizations, partnerProfiles, users, type InvitationStatus } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import { cappedCount, type CappedCount, containsPattern, COUNT_CAP, offsetPage, SEARCH_COUNT_CAP } from "@/lib/paging";
import { effectiveStatus, emailDomain, resendAvailableAt } from "./rules";
import { hashToken, isWellFormedToken } from "./tokens";

const columns = {
  id: invitations.id,
  customerEmail: invitations.customerEmail,
  // The organization's name once it accepted. Before that, where the address leads is the
  // addressee's business: the partner sees only the address it typed.
  customerName: sql<string | null>`case when ${invitations.status} = 'accepted' then ${organizations.name} end`,
  type: invitations.type,
  roles: invitations.roles,
  durationDays: invitations.durationDays,
  autoExtend: invitations.autoExtend,
  message: invitations.message,
  status: invitations.status,
  expiresAt: invitations.expiresAt,
  createdAt: invitations.createdAt,
  lastSentAt: invitations.lastSentAt,
  sentCount: invitations.sentCount,
  respondedAt: invitations.respondedAt,
  declineReason: invitations.declineReason,
  sentBy: users.name,
};

/** How the Invitations list can be ordered; each is an index range of invitations_partner_*_idx. */
export const INVITATION_SORTS = ["newest", "oldest", "expires"] as const;
export type InvitationSort = (typeof INVITATION_SORTS)[number];

export const INVITATIONS_PAGE_SIZE = 50;

export interface InvitationListQuery {
  status?: InvitationStatus;
  /** Part of the address the invitation went to (any case). */
  q?: string;
  sort?: InvitationSort;
  page?: number;
}

/** The SQL of a status as of now: pending until its end, expired from then on without waiting for a sweep. */
function statusCondition(status: InvitationStatus, now: Date): SQL {
  if (status === "expired") return sql`(${invitations.status} = 'expired' or (${invitations.status} = 'pending' and ${invitations.expiresAt} <= ${now}))`;
  if (status === "pending") return sql`(${invitations.status} = 'pending' and ${invitations.expiresAt} > ${now})`;
  return eq(invitations.status, status);
}

const ORDERS: Record<InvitationSort, SQL[]> = {
  newest: [desc(invitations.createdAt), desc(invitations.id)],
  oldest: [asc(invitations.createdAt), asc(invitations.id)],
  expires: [asc(invitations.expiresAt), asc(invitations.id)],
};

/**
 * One page of the partner's invitations (newest first unless sorted otherwise), with status as of
 * now. Filtered, searched, ordered, counted (up to a cap) and paged in SQL, so a partner with
 * 50,000 invitations reads 50 of them.
 */
export async function listPartnerInvitations(db: DbOrTx, partnerOrganizationId: string, query: InvitationListQuery = {}, now = new Date(), pageSize = INVITATIONS_PAGE_SIZE) {
  const where = and(
    eq(invitations.partnerOrganizationId, partnerOrganizationId),
    query.status ? statusCondition(query.status, now) : undefined,
    // The trigram index (invitations_email_trgm_idx) answers substrings of three characters or more.
    query.q ? ilike(invitations.customerEmail, containsPattern(query.q)) : undefined,
  );
  const page = await offsetPage({
    page: query.page ?? 1,
    pageSize,
    cap: query.q ? SEARCH_COUNT_CAP : COUNT_CAP,
    count: (cap) => cappedCount(db, db.select({ one: sql`1`.as("one") }).from(invitations).where(where).$dynamic(), cap),
    read: ({ limit, offset }) =>
      db
        .select(columns)
        .from(invitations)
        .leftJoin(organizations, eq(organizations.id, invitations.customerOrganizationId))
        .leftJoin(users, eq(users.id, invitations.createdById))
        .where(where)
        .orderBy(...ORDERS[query.sort ?? "newest"])
        .limit(limit)
        .offset(offset),
  });
  return { ...page, rows: page.rows.map((row) => ({ ...row, status: effectiveStatus(row, now) })) };
}

export async function getPartnerInvitation(db: DbOrTx, partnerOrganizationId: string, invitationId: string, now = new Date()) {
  if (!isUuid(invitationId)) return undefined;
  const [row] = await db
    .select({
      ...columns,
      granted: {
        roles: invitationAcceptances.grantedRoles,
        endsAt: invitationAcceptances.endsAt,
        autoExtend: invitationAcceptances.autoExtend,
        changes: invitationAcceptances.changes,
      },
    })
    .from(invitations)
    .leftJoin(organizations, eq(organizations.id, invitations.customerOrganizationId))
    .leftJoin(users, eq(users.id, invitations.createdById))
    .leftJoin(invitationAcceptances, eq(invitationAcceptances.invitationId, invitations.id))
    .where(and(eq(invitations.id, invitationId), eq(invitations.partnerOrganizationId, partnerOrganizationId)));
  // When Resend works again (it is refused within a minute of the last send): the page shows it.
  return row ? { ...row, status: effectiveStatus(row, now), resendAvailableAt: resendAvailableAt(row) } : undefined;
}

/**
 * An invitation by its emailed token, compared by hash; malformed tokens never reach the database.
 * With the organizations its addressee belongs to now, for invitationAccess.
 */
export async function findInvitationByToken(db: DbOrTx, token: string, now = new Date()) {
  if (!isWellFormedToken(token)) return undefined;
  const [row] = await db
    .select({
      invitation: invitations,
      partnerName: organizations.name,
      partnerDomain: organizations.domain,
      partnerSlug: partnerProfiles.slug,
      partnerLocations: partnerProfiles.locations,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.partnerOrganizationId))
    .leftJoin(partnerProfiles, eq(partnerProfiles.organizationId, invitations.partnerOrganizationId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) return undefined;
  const [[acceptance], addressee] = await Promise.all([
    db
      .select({ acceptedAt: invitationAcceptances.acceptedAt, acceptedBy: users.name, acceptedByEmail: users.email })
      .from(invitationAcceptances)
      .innerJoin(users, eq(users.id, invitationAcceptances.acceptedById))
      .where(eq(invitationAcceptances.invitationId, row.invitation.id)),
    addresseeOrganizations(db, row.invitation.customerEmail),
  ]);
  return { ...row, status: effectiveStatus(row.invitation, now), acceptance, addressee };
}

export interface AddresseeOrganization {
  id: string;
  name: string;
}

/**
 * The customer organizations an address belongs to right now: those its user is a member of, and
 * the one that verified its domain. Their Global and Billing administrators may answer an
 * invitation to it. A domain someone only claimed (unverified) counts for nothing.
 */
export async function addresseeOrganizations(db: DbOrTx, email: string): Promise<AddresseeOrganization[]> {
  const [byMembership, byDomain] = await Promise.all([
    db
      .select({ id: organizations.id, name: organizations.name })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, eq(organizations.kind, "customer"))),
    db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizationDomains)
      .innerJoin(organizations, eq(organizations.id, organizationDomains.organizationId))
      .where(and(sql`lower(${organizationDomains.domain}) = ${emailDomain(email)}`, isNotNull(organizationDomains.verifiedAt), eq(organizations.kind, "customer"))),
  ]);
  const found = new Map<string, AddresseeOrganization>();
  for (const org of [...byMembership, ...byDomain]) found.set(org.id, org);
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/**
 * SQL: the invitation (of an outer query over `invitations`) is addressed to someone of this
 * organization (a member's address, or an address at a domain it verified: the rule of
 * addresseeOrganizations), tested on that row alone: for a query that
 * already narrowed its invitations to a few (a page's partners), where building the whole set of an
 * organization's invitations would cost in proportion to all of them.
 */
export function addressedToOrganizationRow(organizationId: string): SQL {
  return sql`(exists (select 1 from ${organizationDomains} d
      where d.organization_id = ${organizationId} and d.verified_at is not null and lower(d.domain) = lower(split_part(${invitations.customerEmail}, '@', 2)))
    or exists (select 1 from ${memberships} m join ${users} u on u.id = m.user_id
      where m.organization_id = ${organizationId} and lower(u.email) = lower(${invitations.customerEmail})))`;
}

/**
 * SQL: the first `reach` invitations waiting for the organization's answer (pending, not expired,
 * addressed to it by the rule of addresseeOrganizations), oldest first, as rows of (id, created_at).
 * Each verified domain and each member's address is read on its own, oldest first, and stops after
 * `reach` rows (invitations_waiting_*_idx), so the cost follows how far a page reads, not how many
 * invitations wait. The oldest `reach` of all are among them; counting them says how many there are
 * up to `reach` (when one address or domain has `reach`, so do they all together).
 */
export function firstWaitingFor(organizationId: string, now: Date, reach: number): SQL {
  return sql`(
    select w.id, w.created_at from ${organizationDomains} d
      cross join lateral (
        select i.id, i.created_at from ${invitations} i
        where lower(split_part(i.customer_email, '@', 2)) = lower(d.domain) and i.status = 'pending' and i.expires_at > ${now}
        order by i.created_at, i.id limit ${reach}
      ) w
    where d.organization_id = ${organizationId} and d.verified_at is not null
    union
    select w.id, w.created_at from ${memberships} m
      join ${users} u on u.id = m.user_id
      cross join lateral (
        select i.id, i.created_at from ${invitations} i
        where lower(i.customer_email) = lower(u.email) and i.status = 'pending' and i.expires_at > ${now}
        order by i.created_at, i.id limit ${reach}
      ) w
    where m.organization_id = ${organizationId}
  )`;
}

/** How many invitations wait for the organization's answer, counted up to `cap` (lib/paging.ts). */
export function countWaitingFor(db: DbOrTx, organizationId: string, now: Date, cap: number): Promise<CappedCount> {
  return cappedCount(db, db.select({ one: sql`1` }).from(sql`${firstWaitingFor(organizationId, now, cap + 1)} as waiting`).$dynamic(), cap);
}

/** SQL: the invitation is one of a window of those waiting for the organization's answer, oldest first. */
export function inWaitingWindow(organizationId: string, now: Date, window: { limit: number; offset: number }): SQL {
  return sql`${invitations.id} in (
    select waiting.id from ${firstWaitingFor(organizationId, now, window.offset + window.limit)} as waiting
    order by waiting.created_at, waiting.id limit ${window.limit} offset ${window.offset}
  )`;
}
