import "server-only";
import { and, arrayContains, eq, gt, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { agreementAcceptances, invitations, memberships, organizations, partnerProfiles, relationshipTypes, relationships, roleGrants, users } from "@/db/schema";
import { currentAgreement } from "@/lib/agreements/queries";
import { PERMISSIONS, requirePermission, type Actor } from "@/lib/authz";
import { isUuid } from "@/lib/ids";
import { cappedCount, type CappedCount, OVERVIEW_COUNT_CAP } from "@/lib/paging";
import { PARTNER_RELATIONSHIP_ADMIN } from "@/lib/roles";
import { addDays } from "@/lib/time";

/** Every Global administrator of the organization: the people told whenever a partner gains or loses access. */
export async function globalAdminEmails(db: DbOrTx, organizationId: string): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), arrayContains(memberships.roles, ["global_admin"]), isNotNull(users.email)))
    .orderBy(users.email);
  return rows.map((r) => r.email as string);
}

/**
 * Who answers a partner's change request: the Global administrators and the Partner relationship
 * administrators (the delegated approvers), each address once.
 */
export async function changeDeciderEmails(db: DbOrTx, organizationId: string): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        or(arrayContains(memberships.roles, ["global_admin"]), arrayContains(memberships.roles, [PARTNER_RELATIONSHIP_ADMIN])),
        isNotNull(users.email),
      ),
    )
    .orderBy(users.email);
  return [...new Set(rows.map((r) => r.email as string))];
}

/**
 * The partner organization's people who hear about its admin access in a customer (removals, an
 * ended GDAP, expiry notices): those the permission map lets act on it (admin agents, not sales
 * agents), or its directory contact when it has none. Each address once.
 */
export async function partnerAdminRecipients(db: DbOrTx, partnerOrganizationId: string): Promise<string[]> {
  const roles: readonly string[] = PERMISSIONS["relationships.end_gdap"].roles;
  const agents = await db
    .select({ email: users.email, roles: memberships.roles })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, partnerOrganizationId), isNotNull(users.email)))
    .orderBy(users.email);
  const admins = agents.filter((a) => a.roles.some((r) => roles.includes(r))).map((a) => a.email as string);
  if (admins.length > 0) return [...new Set(admins)];
  const [profile] = await db.select({ email: partnerProfiles.contactEmail }).from(partnerProfiles).where(eq(partnerProfiles.organizationId, partnerOrganizationId));
  return profile ? [profile.email] : [];
}

/* The partner portal's reads of its own work: the Overview's counts and one customer's page. */

/** Who reads, for which partner organization: every read below asks the permission map first. */
interface PartnerRead {
  actor: Actor | null;
  organizationId: string;
}

const EXPIRING_WITHIN_DAYS = 30;

export interface ExpiringCustomer {
  relationshipId: string;
  customerName: string;
  endsAt: Date;
  autoExtend: boolean;
}

/** How many expiring customers the Overview lists before linking to the Customers list. */
const EXPIRING_SHOWN = 10;

/**
 * The partner's customers whose granular delegated access ends within 30 days (and has not ended),
 * soonest first: the first few, and how many there are (counted up to the cap) — one index range
 * of the list summary (migration 0015), whatever the number of customers.
 */
export async function expiringCustomers(db: DbOrTx, read: PartnerRead, now = new Date()): Promise<{ rows: ExpiringCustomer[] } & CappedCount> {
  requirePermission(read.actor, "partner.view", read.organizationId);
  const where = and(
    eq(relationships.partnerOrganizationId, read.organizationId),
    eq(relationships.gdapRank, 1),
    gt(relationships.gdapEndsAt, now),
    lte(relationships.gdapEndsAt, addDays(now, EXPIRING_WITHIN_DAYS)),
  );
  const [rows, counted] = await Promise.all([
    db
      .select({
        relationshipId: relationships.id,
        customerName: relationships.customerName,
        endsAt: sql<Date>`${relationships.gdapEndsAt}`.mapWith(relationships.gdapEndsAt),
        autoExtend: relationshipTypes.autoExtend,
      })
      .from(relationships)
      .innerJoin(relationshipTypes, and(eq(relationshipTypes.relationshipId, relationships.id), eq(relationshipTypes.type, "gdap")))
      .where(where)
      .orderBy(relationships.gdapRank, relationships.gdapEndsAt, sql`lower(${relationships.customerName})`, relationships.id)
      .limit(EXPIRING_SHOWN),
    cappedCount(db, db.select({ one: sql`1` }).from(relationships).where(where).$dynamic(), OVERVIEW_COUNT_CAP),
  ]);
  return { rows, ...counted };
}

/** How many of the partner's invitations still wait for an answer (pending and not expired), counted as far as a dashboard does. */
export async function countPendingInvitations(db: DbOrTx, read: PartnerRead, now = new Date()): Promise<CappedCount> {
  requirePermission(read.actor, "partner.view", read.organizationId);
  return cappedCount(
    db,
    db
      .select({ one: sql`1` })
      .from(invitations)
      .where(and(eq(invitations.partnerOrganizationId, read.organizationId), eq(invitations.status, "pending"), gt(invitations.expiresAt, now)))
      .$dynamic(),
    OVERVIEW_COUNT_CAP,
  );
}

/**
 * One customer as its partner sees it: the relationship types (in force, ended or expired), each
 * admin role in force with the type that grants it and its end, and whether the customer accepted
 * the agreement in force. Undefined for a relationship of another partner (or none).
 */
export async function getPartnerCustomer(db: DbOrTx, read: PartnerRead, relationshipId: string, now = new Date()) {
  requirePermission(read.actor, "partner.view", read.organizationId);
  if (!isUuid(relationshipId)) return undefined;
  const [relationship] = await db
    .select({ id: relationships.id, customerId: organizations.id, customerName: organizations.name, since: relationships.createdAt })
    .from(relationships)
    .innerJoin(organizations, eq(organizations.id, relationships.customerOrganizationId))
    .where(and(eq(relationships.id, relationshipId), eq(relationships.partnerOrganizationId, read.organizationId)));
  if (!relationship) return undefined;
  const [types, grants, agreement] = await Promise.all([
    db.select().from(relationshipTypes).where(eq(relationshipTypes.relationshipId, relationshipId)).orderBy(relationshipTypes.establishedAt),
    db
      .select()
      .from(roleGrants)
      .where(and(eq(roleGrants.relationshipId, relationshipId), isNull(roleGrants.endedAt), or(isNull(roleGrants.expiresAt), gt(roleGrants.expiresAt, now))))
      .orderBy(roleGrants.grantedAt),
    currentAgreement(db, now),
  ]);
  const [accepted] = agreement
    ? await db
        .select({ id: agreementAcceptances.id })
        .from(agreementAcceptances)
        .where(and(eq(agreementAcceptances.agreementId, agreement.id), eq(agreementAcceptances.organizationId, relationship.customerId)))
    : [];
  return { ...relationship, types, grants, agreementAccepted: Boolean(accepted) };
}
