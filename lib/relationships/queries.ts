import "server-only";
import { aliasedTable, and, desc, eq, gt, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import {
  agreementAcceptances,
  auditEvents,
  invitations,
  organizations,
  partnerProfiles,
  relationshipTypes,
  relationships,
  roleGrants,
  users,
  type RelationshipType,
} from "@/db/schema";
import { currentAcceptance, currentAgreement } from "@/lib/agreements/queries";
import { requirePermission, type Actor } from "@/lib/authz";
import { isUuid } from "@/lib/ids";
import { cappedCount, containsPattern, COUNT_CAP, offsetPage, OVERVIEW_COUNT_CAP, type Page, SEARCH_COUNT_CAP } from "@/lib/paging";
import { addressedToOrganizationRow, countWaitingFor, inWaitingWindow } from "@/lib/invitations/queries";
import { mostPrivileged, type DirectoryRole } from "@/lib/roles";
import { DAY_MS } from "@/lib/time";
import {
  EXPIRING_WITHIN_DAYS,
  gdapStatus,
  isGrantActive,
  isTypeInForce,
  LIST_PAGE_SIZE,
  parseListQuery,
  parsePartnerCustomersQuery,
  type GdapStatus,
  type ListQuery,
  type PartnerCustomersQuery,
  type StatusFilter,
} from "./rules";

export interface RelationshipSummary {
  id: string;
  partnerOrganizationId: string;
  partnerName: string;
  types: RelationshipType[];
  activeRoles: string[];
  topRole: DirectoryRole | undefined;
  gdap: GdapStatus;
  agreementAccepted: boolean;
  since: Date;
}

/** Who reads, for which customer organization: every read below asks the permission map first. */
interface CustomerRead {
  actor: Actor | null;
  organizationId: string;
}

/** Throws AuthorizationError unless the actor may read the organization's partners (Global or Billing administrator, Global reader). */
function requireRelationshipReader(read: CustomerRead): string {
  requirePermission(read.actor, "relationships.view", read.organizationId);
  return read.organizationId;
}

/** Counts a list's rows up to the cap (lib/paging.ts): one bounded index range. */
function countRows(db: DbOrTx, table: PgTable, where: SQL | undefined) {
  return (cap: number) => cappedCount(db, db.select({ one: sql`1` }).from(table).where(where).$dynamic(), cap);
}

/**
 * SQL: the relationship's GDAP status as of `now` is `status`, by the same rule as gdapStatus()
 * (rules.ts), read from the list summary the database keeps on each relationship. `pendingGdap`
 * says whether a GDAP invitation of this relationship's partner waits for the customer's answer.
 */
function gdapStatusIs(status: StatusFilter, now: Date, pendingGdap: SQL): SQL {
  const expiringFrom = new Date(now.getTime() + EXPIRING_WITHIN_DAYS * DAY_MS);
  switch (status) {
    case "terminated":
      return sql`${relationships.gdapRank} = 0`;
    case "expired":
      return sql`${relationships.gdapRank} = 1 and ${relationships.gdapEndsAt} <= ${now}`;
    case "expiring":
      return sql`${relationships.gdapRank} = 1 and ${relationships.gdapEndsAt} > ${now} and ${relationships.gdapEndsAt} <= ${expiringFrom}`;
    case "active":
      return sql`${relationships.gdapRank} = 1 and ${relationships.gdapEndsAt} > ${expiringFrom}`;
    case "pending":
      return sql`${relationships.gdapRank} = 2 and ${pendingGdap}`;
    case "none":
      return sql`(${relationships.gdapRank} = 3 or (${relationships.gdapRank} = 2 and not ${pendingGdap}))`;
  }
}

/** SQL: the relationship holds a type in force (a GDAP only until its end). */
function hasTypeInForce(type: RelationshipType, now: Date): SQL {
  const listed = sql`${relationships.types} @> array[${type}]::relationship_type[]`;
  return type === "gdap" ? sql`${listed} and ${relationships.gdapEndsAt} > ${now}` : listed;
}

/** SQL: a name contains the searched text, whatever its case (served by the trigram index on lower(name)). */
function nameContains(column: typeof relationships.partnerName | typeof relationships.customerName, q: string): SQL {
  return sql`lower(${column}) like ${containsPattern(q.toLowerCase())}`;
}

/** SQL: a GDAP invitation from the relationship's partner, to this customer, still waits for an answer. */
function pendingGdapInvitation(customerOrganizationId: string, now: Date): SQL {
  return sql`exists (select 1 from ${invitations} where ${invitations.partnerOrganizationId} = ${relationships.partnerOrganizationId}
    and ${invitations.type} = 'gdap' and ${invitations.status} = 'pending' and ${invitations.expiresAt} > ${now}
    and ${addressedToOrganizationRow(customerOrganizationId)})`;
}

/** The order of each sortable column, every key index-backed (migration 0015); ties by name, then id. */
function customerOrder(query: ListQuery): SQL[] {
  const name = sql`lower(${relationships.partnerName})`;
  const keys: SQL[] = {
    partner: [name],
    agreement: [name], // one agreement per customer: the same for every row
    since: [sql`${relationships.createdAt}`],
    types: [sql`${relationships.types}`, name],
    roles: [sql`${relationships.topRoleRank}`, sql`${relationships.roleCount}`, name],
    gdap: [sql`${relationships.gdapRank}`, sql`${relationships.gdapEndsAt}`, name],
  }[query.sort];
  const dir = query.dir === "desc" ? sql`desc` : sql`asc`;
  return [...keys, sql`${relationships.id}`].map((key) => sql`${key} ${dir}`);
}

/** The customer's list filters as one where clause. */
function customerWhere(customerOrganizationId: string, query: Pick<ListQuery, "q" | "type" | "status">, now: Date): SQL | undefined {
  return and(
    eq(relationships.customerOrganizationId, customerOrganizationId),
    query.q ? nameContains(relationships.partnerName, query.q) : undefined,
    query.type ? hasTypeInForce(query.type, now) : undefined,
    query.status ? gdapStatusIs(query.status, now, pendingGdapInvitation(customerOrganizationId, now)) : undefined,
  );
}

const summaryColumns = {
  id: relationships.id,
  partnerOrganizationId: relationships.partnerOrganizationId,
  partnerName: relationships.partnerName,
  since: relationships.createdAt,
  gdapRank: relationships.gdapRank,
};

/** Where the GDAP status rule looks for a pending invitation: rows without a GDAP type (rank 2). */
const NO_GDAP = 2;

/** What the rows of one page show: types and roles in force by date, GDAP status and agreement, read for those rows only. */
async function summarize(
  db: DbOrTx,
  customerOrganizationId: string,
  rows: { id: string; partnerOrganizationId: string; partnerName: string; since: Date; gdapRank: number }[],
  now: Date,
): Promise<RelationshipSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // A pending GDAP invitation matters only to partners without a GDAP type: ask for those alone.
  const withoutGdap = rows.filter((r) => r.gdapRank === NO_GDAP).map((r) => r.partnerOrganizationId);
  const [types, grants, pendingGdap, agreement] = await Promise.all([
    db.select().from(relationshipTypes).where(inArray(relationshipTypes.relationshipId, ids)),
    db.select().from(roleGrants).where(and(inArray(roleGrants.relationshipId, ids), isNull(roleGrants.endedAt))),
    withoutGdap.length === 0
      ? []
      : db
          .select({ partnerOrganizationId: invitations.partnerOrganizationId })
          .from(invitations)
          .where(
            and(
              inArray(invitations.partnerOrganizationId, withoutGdap),
              addressedToOrganizationRow(customerOrganizationId),
              eq(invitations.type, "gdap"),
              eq(invitations.status, "pending"),
              gt(invitations.expiresAt, now),
            ),
          ),
    currentAcceptance(db, customerOrganizationId, now),
  ]);
  return rows.map(({ gdapRank: _, ...row }) => {
    const mine = types.filter((t) => t.relationshipId === row.id);
    // A role two types grant is one role the partner holds.
    const activeRoles = [...new Set(grants.filter((g) => g.relationshipId === row.id && isGrantActive(g, now)).map((g) => g.roleId))];
    const gdap = mine.find((t) => t.type === "gdap");
    return {
      ...row,
      types: mine.filter((t) => isTypeInForce(t, now)).map((t) => t.type),
      activeRoles,
      topRole: mostPrivileged(activeRoles),
      gdap: gdapStatus(gdap, pendingGdap.some((p) => p.partnerOrganizationId === row.partnerOrganizationId), now),
      agreementAccepted: Boolean(agreement.acceptance),
    };
  });
}

/**
 * One page of the partners the customer works with, searched, filtered, sorted and paged in SQL on
 * the list summary (an index range per sort order), with types and roles in force (by date), GDAP
 * status and agreement status read for the page's rows only.
 */
export async function listCustomerRelationships(
  db: DbOrTx,
  read: CustomerRead,
  query: ListQuery = parseListQuery({}),
  now = new Date(),
): Promise<Page<RelationshipSummary>> {
  const customerOrganizationId = requireRelationshipReader(read);
  const where = customerWhere(customerOrganizationId, query, now);
  const page = await offsetPage({
    page: query.page,
    pageSize: LIST_PAGE_SIZE,
    cap: query.q ? SEARCH_COUNT_CAP : COUNT_CAP,
    count: countRows(db, relationships, where),
    read: ({ limit, offset }) => db.select(summaryColumns).from(relationships).where(where).orderBy(...customerOrder(query)).limit(limit).offset(offset),
  });
  return { ...page, rows: await summarize(db, customerOrganizationId, page.rows, now) };
}

/** Rows per query of an export: each batch is one index range after the last row of the one before. */
const EXPORT_BATCH = 200;

/**
 * Every partner matching the list's filters, by name, in batches of EXPORT_BATCH read by keyset (the
 * next batch starts after the last name and id), for an export that streams in constant memory.
 */
export async function* customerRelationshipBatches(
  db: DbOrTx,
  read: CustomerRead,
  query: Pick<ListQuery, "q" | "type" | "status">,
  now = new Date(),
): AsyncGenerator<RelationshipSummary[]> {
  const customerOrganizationId = requireRelationshipReader(read);
  const where = customerWhere(customerOrganizationId, query, now);
  let after: { name: string; id: string } | undefined;
  for (;;) {
    const rows = await db
      .select({ ...summaryColumns, sortName: sql<string>`lower(${relationships.partnerName})` })
      .from(relationships)
      .where(and(where, after ? sql`(lower(${relationships.partnerName}), ${relationships.id}) > (${after.name}, ${after.id})` : undefined))
      .orderBy(sql`lower(${relationships.partnerName})`, relationships.id)
      .limit(EXPORT_BATCH);
    if (rows.length === 0) return;
    yield await summarize(db, customerOrganizationId, rows.map(({ sortName: _, ...row }) => row), now);
    if (rows.length < EXPORT_BATCH) return;
    const last = rows[rows.length - 1] as (typeof rows)[number];
    after = { name: last.sortName, id: last.id };
  }
}

/** A relationship of the customer's by id, as its list row (for the "you authorized …" notice after Accept). */
export async function findCustomerRelationship(db: DbOrTx, read: CustomerRead, relationshipId: string, now = new Date()): Promise<RelationshipSummary | undefined> {
  const customerOrganizationId = requireRelationshipReader(read);
  if (!isUuid(relationshipId)) return undefined;
  const rows = await db
    .select(summaryColumns)
    .from(relationships)
    .where(and(eq(relationships.customerOrganizationId, customerOrganizationId), eq(relationships.id, relationshipId)));
  const [row] = await summarize(db, customerOrganizationId, rows, now);
  return row;
}

/** A window of the invitations waiting for the organization's answer, oldest first, with their partner's name. */
function waitingRows(db: DbOrTx, customerOrganizationId: string, now: Date, window: { limit: number; offset: number }) {
  return db
    .select({ invitation: invitations, partnerName: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.partnerOrganizationId))
    .where(inWaitingWindow(customerOrganizationId, now, window))
    .orderBy(invitations.createdAt, invitations.id);
}

/**
 * One page of the invitations waiting for this organization's answer, oldest first: those addressed
 * to its members or to its verified domains, by the rule that decides who may answer them
 * (lib/invitations/rules.ts).
 */
export async function listPendingInvitationsFor(db: DbOrTx, read: CustomerRead, page = 1, now = new Date(), pageSize = LIST_PAGE_SIZE, countCap = COUNT_CAP) {
  const customerOrganizationId = requireRelationshipReader(read);
  return offsetPage({
    page,
    pageSize,
    cap: countCap,
    count: (cap) => countWaitingFor(db, customerOrganizationId, now, cap),
    read: (window) => waitingRows(db, customerOrganizationId, now, window),
  });
}

/**
 * The invitations waiting for the customer's answer as a page shows them above other things: all of
 * them when there are at most `shown`, else none and how many (counted to OVERVIEW_COUNT_CAP), with
 * a link to their own list. Either way the cost does not grow with the invitations waiting.
 */
export async function pendingInvitationsPreview(db: DbOrTx, read: CustomerRead, shown: number, now = new Date()) {
  const customerOrganizationId = requireRelationshipReader(read);
  const counted = await countWaitingFor(db, customerOrganizationId, now, OVERVIEW_COUNT_CAP);
  const rows = counted.count > 0 && counted.count <= shown ? await waitingRows(db, customerOrganizationId, now, { limit: shown, offset: 0 }) : [];
  return { rows, total: counted.count, capped: counted.capped };
}

/** Whether the customer works with any partner, without loading the relationships. */
export async function hasRelationships(db: DbOrTx, customerOrganizationId: string): Promise<boolean> {
  const [row] = await db.select({ id: relationships.id }).from(relationships).where(eq(relationships.customerOrganizationId, customerOrganizationId)).limit(1);
  return Boolean(row);
}

/** Everything a customer sees about one partner: types, grants in force and past, the agreement record, the timeline. */
export async function getRelationshipDetails(db: DbOrTx, read: CustomerRead, relationshipId: string) {
  const customerOrganizationId = requireRelationshipReader(read);
  if (!isUuid(relationshipId)) return undefined;
  const [relationship] = await db
    .select({ relationship: relationships, partnerName: organizations.name, partnerDomain: organizations.domain, profile: partnerProfiles })
    .from(relationships)
    .innerJoin(organizations, eq(organizations.id, relationships.partnerOrganizationId))
    .leftJoin(partnerProfiles, eq(partnerProfiles.organizationId, relationships.partnerOrganizationId))
    .where(and(eq(relationships.id, relationshipId), eq(relationships.customerOrganizationId, customerOrganizationId)));
  if (!relationship) return undefined;

  const grantedBy = aliasedTable(users, "granted_by");
  const endedBy = aliasedTable(users, "ended_by");
  const actors = aliasedTable(users, "actor");
  const [types, grants, timeline, agreement] = await Promise.all([
    db
      .select({ type: relationshipTypes, establishedBy: users.name, establishedByEmail: users.email })
      .from(relationshipTypes)
      .leftJoin(users, eq(users.id, relationshipTypes.establishedById))
      .where(eq(relationshipTypes.relationshipId, relationshipId))
      .orderBy(relationshipTypes.establishedAt),
    db
      .select({ grant: roleGrants, grantedBy: grantedBy.name, grantedByEmail: grantedBy.email, endedBy: endedBy.name, endedByEmail: endedBy.email })
      .from(roleGrants)
      .leftJoin(grantedBy, eq(grantedBy.id, roleGrants.grantedById))
      .leftJoin(endedBy, eq(endedBy.id, roleGrants.endedById))
      .where(eq(roleGrants.relationshipId, relationshipId))
      .orderBy(desc(roleGrants.grantedAt)),
    db
      .select({ event: auditEvents, actorName: actors.name })
      .from(auditEvents)
      .leftJoin(actors, eq(actors.id, auditEvents.actorUserId))
      .where(and(eq(auditEvents.organizationId, customerOrganizationId), eq(auditEvents.counterpartyOrganizationId, relationship.relationship.partnerOrganizationId)))
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
      .limit(200),
    currentAcceptance(db, customerOrganizationId),
  ]);
  return { ...relationship, types, grants, timeline: timeline.map(({ event, actorName }) => ({ ...event, actorName })), agreement };
}

/** SQL: the partner's customers list, filtered. A partner sees no pending state here (its invitations have their own list). */
function partnerWhere(partnerOrganizationId: string, query: Pick<PartnerCustomersQuery, "q" | "type" | "status">, now: Date): SQL | undefined {
  return and(
    eq(relationships.partnerOrganizationId, partnerOrganizationId),
    query.q ? nameContains(relationships.customerName, query.q) : undefined,
    query.type ? hasTypeInForce(query.type, now) : undefined,
    query.status ? gdapStatusIs(query.status, now, sql`false`) : undefined,
  );
}

function partnerOrder(query: PartnerCustomersQuery): SQL[] {
  const name = sql`lower(${relationships.customerName})`;
  const keys: SQL[] = {
    customer: [name],
    since: [sql`${relationships.createdAt}`],
    gdap: [sql`${relationships.gdapRank}`, sql`${relationships.gdapEndsAt}`, name],
  }[query.sort];
  const dir = query.dir === "desc" ? sql`desc` : sql`asc`;
  return [...keys, sql`${relationships.id}`].map((key) => sql`${key} ${dir}`);
}

/**
 * One page of the partner's customers, searched, filtered, sorted and paged in SQL on the list
 * summary, with the types and roles in force and whether the current agreement is accepted, read
 * for the page's rows only.
 */
export async function listPartnerCustomers(
  db: DbOrTx,
  read: { actor: Actor | null; organizationId: string },
  query: PartnerCustomersQuery = parsePartnerCustomersQuery({}),
  now = new Date(),
) {
  requirePermission(read.actor, "partner.view", read.organizationId);
  const where = partnerWhere(read.organizationId, query, now);
  const page = await offsetPage({
    page: query.page,
    pageSize: LIST_PAGE_SIZE,
    cap: query.q ? SEARCH_COUNT_CAP : COUNT_CAP,
    count: countRows(db, relationships, where),
    read: ({ limit, offset }) =>
      db
        .select({ id: relationships.id, customerId: relationships.customerOrganizationId, customerName: relationships.customerName, since: relationships.createdAt })
        .from(relationships)
        .where(where)
        .orderBy(...partnerOrder(query))
        .limit(limit)
        .offset(offset),
  });
  const rows = page.rows;
  if (rows.length === 0) return { ...page, rows: [] };
  const ids = rows.map((r) => r.id);
  const [types, grants, agreement] = await Promise.all([
    db.select().from(relationshipTypes).where(inArray(relationshipTypes.relationshipId, ids)),
    db.select().from(roleGrants).where(and(inArray(roleGrants.relationshipId, ids), isNull(roleGrants.endedAt))),
    currentAgreement(db, now),
  ]);
  const accepted = agreement
    ? await db
        .select({ organizationId: agreementAcceptances.organizationId })
        .from(agreementAcceptances)
        .where(and(eq(agreementAcceptances.agreementId, agreement.id), inArray(agreementAcceptances.organizationId, rows.map((r) => r.customerId))))
    : [];
  return {
    ...page,
    rows: rows.map((row) => ({
      ...row,
      types: types.filter((t) => t.relationshipId === row.id && isTypeInForce(t, now)),
      roles: [...new Set(grants.filter((g) => g.relationshipId === row.id && isGrantActive(g, now)).map((g) => g.roleId))],
      gdap: gdapStatus(
        types.find((t) => t.relationshipId === row.id && t.type === "gdap"),
        false,
        now,
      ),
      agreementAccepted: accepted.some((a) => a.organizationId === row.customerId),
    })),
  };
}

/** A row of the partner's customers list. */
export type PartnerCustomer = Awaited<ReturnType<typeof listPartnerCustomers>>["rows"][number];

/** How many items the Home page lists before linking to the whole list, and how far it counts them ("100+"). */
const OVERVIEW_ITEMS = 10;

/**
 * What the customer's Home shows about its partners, at the same cost for 50 partners or 50,000:
 * capped counts, the first invitations waiting and the first GDAP access to expire.
 */
export async function customerOverview(db: DbOrTx, read: CustomerRead, now = new Date()) {
  const customerOrganizationId = requireRelationshipReader(read);
  const mine = eq(relationships.customerOrganizationId, customerOrganizationId);
  const expiring = and(mine, gdapStatusIs("expiring", now, sql`false`));
  // Each count an index-only range (relationships_customer_partner_unique, relationships_customer_by_roles_idx).
  const [partners, withRoles, expiringPage, pending] = await Promise.all([
    countRows(db, relationships, mine)(COUNT_CAP),
    countRows(db, relationships, and(mine, sql`${relationships.topRoleRank} > 0`))(COUNT_CAP),
    offsetPage({
      page: 1,
      pageSize: OVERVIEW_ITEMS,
      cap: OVERVIEW_COUNT_CAP,
      count: countRows(db, relationships, expiring),
      read: ({ limit, offset }) =>
        db
          .select(summaryColumns)
          .from(relationships)
          .where(expiring)
          .orderBy(relationships.gdapRank, relationships.gdapEndsAt, sql`lower(${relationships.partnerName})`, relationships.id)
          .limit(limit)
          .offset(offset),
    }),
    pendingInvitationsPreview(db, read, OVERVIEW_ITEMS, now),
  ]);
  const expiringRows = await summarize(db, customerOrganizationId, expiringPage.rows, now);
  return {
    partners,
    withRoles,
    expiring: { ...expiringPage, rows: expiringRows.flatMap((r) => (r.gdap.kind === "expiring" ? [{ ...r, gdap: r.gdap }] : [])) },
    pending,
  };
}
