import "server-only";
import { and, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditEvents, contactRequestRecipients, contactRequests, invitations, organizations, relationships, users, type RelationshipType } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { cappedCount, COUNT_CAP, offsetPage, SEARCH_COUNT_CAP } from "@/lib/paging";
import { addDays } from "@/lib/time";
import { ACTIVITY_KINDS, ACTIVITY_PAGE_SIZE, type ActivityQuery } from "./schemas";

/**
 * An organization's own activity log: the audit events recorded for it (audit_events.organization_id),
 * newest first, filtered and paged in SQL. A customer's administrators and readers read their
 * organization's; a partner's agents read their partner organization's. Every read asks the
 * permission map first, so nobody reads another organization's log.
 */

export type ActivitySide = "customer" | "partner";

export interface ActivityRead {
  actor: Actor | null;
  organizationId: string;
  side: ActivitySide;
}

const READ_PERMISSION = { customer: "relationships.view", partner: "partner.view" } as const;

function requireActivityReader(read: ActivityRead): string {
  requirePermission(read.actor, READ_PERMISSION[read.side], read.organizationId);
  return read.organizationId;
}

export interface ActivityEntry {
  id: number;
  occurredAt: Date;
  action: string;
  /** The event's details, with the relationship type filled in when only its invitation or action names it. */
  details: Record<string, unknown>;
  type: RelationshipType | null;
  /** Who did it: a person with their name and address, or a label ("System", a visitor's name and address). */
  person: { name: string | null; email: string | null; label: string };
  /**
   * The other party as this organization may name it: the partner (on a customer's log); on a
   * partner's log the customer once it works with the partner, else the address the invitation went
   * to or the company a request came from. Sending an invitation never tells the partner which
   * organization an address belongs to.
   */
  counterparty: string | null;
}

/** The filters a log is read with; `counterpartyOrganizationId` narrows it to one relationship's history. */
export type ActivityFilter = Omit<ActivityQuery, "page"> & { counterpartyOrganizationId?: string };

/** The relationship type an event is about: its own, its invitation's, or the one its action names. */
const eventType = sql<RelationshipType | null>`coalesce(${auditEvents.details} ->> 'type', ${invitations.type}::text, case when ${auditEvents.action} like 'gdap.%' then 'gdap' when ${auditEvents.action} like 'mpsa.%' then 'mpsa' end)`;

/**
 * The type the filter compares, as audit_events_org_type_idx holds it: the type the event's details
 * name (every invitation event records its invitation's; migration 0016 filled in older ones), else
 * the one its action names. Keep it the index's expression (db/schema.ts) to the character.
 */
const indexedType = sql`(coalesce(${auditEvents.details} ->> 'type', case when ${auditEvents.action} like 'gdap.%' then 'gdap' when ${auditEvents.action} like 'mpsa.%' then 'mpsa' end))`;

/** What kind of thing happened: the action's first word, as audit_events_org_kind_idx holds it. */
const indexedKind = sql`(split_part(${auditEvents.action}, '.', 1))`;

/** The conditions of one organization's log with these filters; each an index range of audit_events with its order. */
function conditions(organizationId: string, filter: ActivityFilter): SQL[] {
  const where: SQL[] = [eq(auditEvents.organizationId, organizationId)];
  if (filter.counterpartyOrganizationId) where.push(eq(auditEvents.counterpartyOrganizationId, filter.counterpartyOrganizationId));
  if (filter.type) where.push(sql`${indexedType} = ${filter.type}`);
  if (filter.kind) where.push(inArray(indexedKind, ACTIVITY_KINDS[filter.kind].prefixes.map((p) => p.replace(/\.$/, ""))));
  if (filter.from) where.push(gte(auditEvents.occurredAt, new Date(`${filter.from}T00:00:00Z`)));
  if (filter.to) where.push(lt(auditEvents.occurredAt, addDays(new Date(`${filter.to}T00:00:00Z`), 1)));
  return where;
}

/** The invitation an event is about, when it is one between this organization and its counterparty. */
function invitationOf(read: ActivityRead, organizationId: string): SQL {
  return and(
    eq(auditEvents.targetType, "invitation"),
    sql`${invitations.id}::text = ${auditEvents.targetId}`,
    read.side === "partner" ? eq(invitations.partnerOrganizationId, organizationId) : sql`${invitations.partnerOrganizationId} = ${auditEvents.counterpartyOrganizationId}`,
  ) as SQL;
}

/** The log's rows with what they are joined to: the invitation an event is about (for its type), the person, the other party. */
function baseSelect(db: DbOrTx, read: ActivityRead, organizationId: string) {
  const partnerSide = read.side === "partner";
  const counterparty = partnerSide
    ? sql<string | null>`coalesce(
        case when exists (select 1 from ${relationships} where ${relationships.partnerOrganizationId} = ${organizationId} and ${relationships.customerOrganizationId} = ${auditEvents.counterpartyOrganizationId}) then ${organizations.name} end,
        ${invitations.customerEmail},
        ${contactRequests.company})`
    : sql<string | null>`${organizations.name}`;
  return db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      details: auditEvents.details,
      type: eventType,
      actorLabel: auditEvents.actorLabel,
      actorName: users.name,
      actorEmail: users.email,
      counterparty,
      /** The exact time as Postgres holds it (microseconds), for reading on after this row. */
      position: sql<string>`${auditEvents.occurredAt}::text`,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(organizations, eq(organizations.id, auditEvents.counterpartyOrganizationId))
    .leftJoin(invitations, invitationOf(read, organizationId))
    .leftJoin(
      contactRequestRecipients,
      and(
        eq(auditEvents.targetType, "contact_request_recipient"),
        sql`${contactRequestRecipients.id}::text = ${auditEvents.targetId}`,
        eq(contactRequestRecipients.partnerOrganizationId, organizationId),
      ),
    )
    .leftJoin(contactRequests, eq(contactRequests.id, contactRequestRecipients.requestId));
}

type Row = Awaited<ReturnType<ReturnType<typeof baseSelect>["execute"]>>[number];

/** The log's events matching the filters, by id: audit_events alone, an index range (audit_events_org_*_idx). */
function matching(db: DbOrTx, organizationId: string, filter: ActivityFilter, more: SQL[] = []) {
  return db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(and(...conditions(organizationId, filter), ...more))
    .$dynamic();
}

const NEWEST_FIRST = [desc(auditEvents.occurredAt), desc(auditEvents.id)];

/**
 * The entries of a window of the matching events, newest first: the window is chosen on the events
 * alone, and only its rows are joined to the people, invitations and organizations they name.
 */
function entriesOf(db: DbOrTx, read: ActivityRead, organizationId: string, filter: ActivityFilter, window: { limit: number; offset?: number; more?: SQL[] }): Promise<Row[]> {
  const ids = matching(db, organizationId, filter, window.more)
    .orderBy(...NEWEST_FIRST)
    .limit(window.limit)
    .offset(window.offset ?? 0);
  return baseSelect(db, read, organizationId)
    .where(inArray(auditEvents.id, ids))
    .orderBy(...NEWEST_FIRST);
}

function toEntry(row: Row): ActivityEntry {
  const type = row.type ?? null;
  return {
    id: row.id,
    occurredAt: row.occurredAt,
    action: row.action,
    details: type && !row.details.type ? { ...row.details, type } : row.details,
    type,
    person: { name: row.actorName, email: row.actorEmail, label: row.actorLabel },
    counterparty: row.counterparty,
  };
}


export interface ActivityPage {
  entries: ActivityEntry[];
  /** Entries counted, at most a cap (lib/paging.ts); `capped` when there are more. */
  total: number;
  capped: boolean;
  page: number;
  pageCount: number;
}

/**
 * One page of the organization's log, newest first (a page past the last shows the last). The
 * count stops a few pages past the one shown (lib/paging.ts), so a log of 50,000 events costs what
 * one of 500 does.
 */
export async function listActivity(db: DbOrTx, read: ActivityRead, query: ActivityFilter & { page?: number }, pageSize = ACTIVITY_PAGE_SIZE): Promise<ActivityPage> {
  const organizationId = requireActivityReader(read);
  const result = await offsetPage({
    page: query.page ?? 1,
    pageSize,
    // A filter by type or kind reads its matches through an index of that type or kind and the events' rows:
    // it counts as far as a search does ("1,000+").
    cap: query.type || query.kind ? SEARCH_COUNT_CAP : COUNT_CAP,
    count: (cap) => cappedCount(db, matching(db, organizationId, query), cap),
    read: (window) => entriesOf(db, read, organizationId, query, window),
  });
  return { entries: result.rows.map(toEntry), total: result.total, capped: result.capped, page: result.page, pageCount: result.pageCount };
}

/** The latest few entries, for a dashboard. */
export async function recentActivity(db: DbOrTx, read: ActivityRead, limit = 5): Promise<ActivityEntry[]> {
  const organizationId = requireActivityReader(read);
  return (await entriesOf(db, read, organizationId, {}, { limit })).map(toEntry);
}

/**
 * How many entries an export reads per query. Small enough that Postgres looks each batch's
 * invitations, requests and people up by index (at 500 or 1,000 it scans them whole, in every batch,
 * once a partner has 50,000 invitations).
 */
export const EXPORT_BATCH_SIZE = 100;

/**
 * Every entry matching the filters, newest first, in batches read one after another by their
 * position (occurred_at, id), so an export of any size holds one batch in memory at a time.
 * The permission is checked when it is called, before any batch is read.
 */
export function allActivity(db: DbOrTx, read: ActivityRead, filter: ActivityFilter, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<ActivityEntry[]> {
  // Checked now, not when the first batch is asked for.
  const organizationId = requireActivityReader(read);
  return batchesOf(db, read, organizationId, filter, batchSize);
}

async function* batchesOf(db: DbOrTx, read: ActivityRead, organizationId: string, filter: ActivityFilter, batchSize: number): AsyncGenerator<ActivityEntry[]> {
  let after: { position: string; id: number } | null = null;
  for (;;) {
    const position: SQL[] = after ? [sql`(${auditEvents.occurredAt}, ${auditEvents.id}) < (${after.position}::timestamptz, ${after.id})`] : [];
    // The batch's ids first, then its rows by those ids: a list of a thousand ids is a primary-key lookup,
    // where a subquery of them could be planned as a scan of every organization's events.
    const ids = await matching(db, organizationId, filter, position).orderBy(...NEWEST_FIRST).limit(batchSize);
    if (ids.length === 0) return;
    const rows: Row[] = await baseSelect(db, read, organizationId)
      .where(inArray(auditEvents.id, ids.map((row) => row.id)))
      .orderBy(...NEWEST_FIRST);
    yield rows.map(toEntry);
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1] as Row;
    after = { position: last.position, id: last.id };
  }
}
