// Bench data beside the directory (idempotent, plain inserts through the Drizzle schema, no UI):
//  - "Bench Customer" (bench-customer.example) with a Global administrator and 500 partner relationships,
//    each with a mix of relationship types and role grants, for Settings > Partner relationships;
//  - a partner agent (admin_agent) of a directory partner and "Bench Review Customer" with a pending GDAP
//    invitation, for the invitation review page;
//  - database sessions for those people (Auth.js `authjs.session-token` cookie over http).
import { randomBytes } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import {
  agreementAcceptances,
  memberships,
  organizations,
  relationshipTypes,
  relationships,
  roleGrants,
  sessions,
  users,
  type RelationshipType,
} from "@/db/schema";
import { currentAgreement } from "@/lib/agreements/queries";
import { SESSION_COOKIE } from "@/lib/auth/paths";

const DAY = 86_400_000;

export const BENCH_CUSTOMER = { name: "Bench Customer", domain: "bench-customer.example", admin: "bench-admin@bench-customer.example", adminName: "Bench Admin" };
export const REVIEW_CUSTOMER = { name: "Bench Review Customer", domain: "bench-review.example", admin: "bench-admin@bench-review.example", adminName: "Bench Reviewer" };

/** GDAP roles that never collide with the fixed roles of delegated admin / advisor types in one relationship. */
export const GDAP_ROLES = [
  "security_admin",
  "exchange_admin",
  "sharepoint_admin",
  "user_admin",
  "intune_admin",
  "license_admin",
  "teams_admin",
  "compliance_admin",
  "global_reader",
  "security_reader",
  "reports_reader",
  "directory_readers",
] as const;

export async function ensureOrganization(db: Db, org: { kind: "customer" | "partner"; name: string; domain: string }): Promise<string> {
  await db.insert(organizations).values(org).onConflictDoNothing();
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(sql`lower(${organizations.domain}) = ${org.domain.toLowerCase()}`);
  if (!row) throw new Error(`could not create the organization ${org.domain}`);
  return row.id;
}

export async function ensureUser(db: Db, email: string, name: string): Promise<string> {
  await db.insert(users).values({ email, name, emailVerified: new Date() }).onConflictDoNothing({ target: users.email });
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`could not create the user ${email}`);
  return row.id;
}

export async function ensureMembership(db: Db, userId: string, organizationId: string, roles: string[]): Promise<void> {
  await db
    .insert(memberships)
    .values({ userId, organizationId, roles })
    .onConflictDoUpdate({ target: [memberships.userId, memberships.organizationId], set: { roles } });
}

/** A fresh database session (the user's earlier bench sessions are removed); returns the cookie value. */
export async function newSession(db: Db, userId: string, now = new Date()): Promise<string> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
  const sessionToken = randomBytes(32).toString("hex");
  await db.insert(sessions).values({ sessionToken, userId, expires: new Date(now.getTime() + 7 * DAY) });
  return sessionToken;
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}`;
}

export interface RelationshipsFixture {
  organizationId: string;
  adminUserId: string;
  relationships: number;
  typeRows: number;
  grantRows: number;
  activeGrants: number;
  mix: Record<string, number>;
  seconds: number;
}

interface Pattern {
  name: string;
  types: { type: RelationshipType; endsInDays?: number; terminatedDaysAgo?: number; autoExtend?: boolean }[];
  grants: { roleId: string; via: RelationshipType; expiresInDays?: number; ended?: "removed" | "expired" | "terminated"; endedDaysAgo?: number }[];
  mpsaShareAllowed?: boolean;
}

/** Relationship i of the 500: ten shapes in turn, so every GDAP status and role state appears. */
function patternFor(i: number): Pattern {
  const gdap = (n: number, offset: number) => Array.from({ length: n }, (_, k) => GDAP_ROLES[(i + offset + k) % GDAP_ROLES.length] as string);
  switch (i % 10) {
    case 0:
    case 1:
    case 2: {
      const days = 60 + ((i * 7) % 600);
      return {
        name: "reseller + GDAP active",
        types: [{ type: "reseller" }, { type: "gdap", endsInDays: days, autoExtend: i % 2 === 0 }],
        grants: gdap(2 + (i % 5), 0).map((roleId) => ({ roleId, via: "gdap", expiresInDays: days })),
      };
    }
    case 3: {
      const days = 1 + (i % 29);
      return { name: "GDAP expiring", types: [{ type: "gdap", endsInDays: days }], grants: gdap(3, 1).map((roleId) => ({ roleId, via: "gdap", expiresInDays: days })) };
    }
    case 4: {
      const days = -(1 + (i % 200));
      // Half of them already swept (grants ended with reason "expired"), half still waiting for the sweep.
      const swept = i % 20 === 4;
      return {
        name: "GDAP expired",
        types: [{ type: "gdap", endsInDays: days }],
        grants: gdap(3, 2).map((roleId) => ({ roleId, via: "gdap", expiresInDays: days, ...(swept ? { ended: "expired" as const, endedDaysAgo: -days } : {}) })),
      };
    }
    case 5:
      return {
        name: "reseller + delegated admin",
        types: [{ type: "reseller" }, { type: "delegated_admin" }],
        grants: [
          { roleId: "global_admin", via: "delegated_admin" },
          { roleId: "helpdesk_admin", via: "delegated_admin" },
        ],
      };
    case 6:
      return { name: "reseller only", types: [{ type: "reseller" }], grants: [] };
    case 7:
      return {
        name: "reseller + GDAP terminated",
        types: [{ type: "reseller" }, { type: "gdap", endsInDays: 200, terminatedDaysAgo: 10 }],
        grants: gdap(4, 3).map((roleId) => ({ roleId, via: "gdap", expiresInDays: 200, ended: "terminated", endedDaysAgo: 10 })),
      };
    case 8: {
      const days = 300 + (i % 300);
      const roles = gdap(5, 4);
      return {
        name: "reseller & delegated admin + GDAP active, one role removed",
        types: [{ type: "reseller_delegated_admin" }, { type: "gdap", endsInDays: days }],
        grants: [
          { roleId: "global_admin", via: "reseller_delegated_admin" },
          { roleId: "helpdesk_admin", via: "reseller_delegated_admin" },
          ...roles.map((roleId, k) => ({ roleId, via: "gdap" as const, expiresInDays: days, ...(k === 0 ? { ended: "removed" as const, endedDaysAgo: 5 } : {}) })),
        ],
      };
    }
    default:
      return {
        name: "advisor + MPSA + LOB",
        types: [{ type: "advisor" }, { type: "mpsa" }, { type: "lob" }],
        grants: [
          { roleId: "helpdesk_admin", via: "advisor" },
          { roleId: "service_support_admin", via: "advisor" },
        ],
        mpsaShareAllowed: true,
      };
  }
}

async function insertInBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size));
}

/**
 * "Bench Customer" with exactly `count` relationships to distinct directory partners. The relationships are
 * written again on every run (deleted and inserted, a few thousand rows) so their dates stay relative to now:
 * the GDAP mix of active / expiring / expired / terminated is the same on every run.
 */
export async function preparePartnerRelationships(db: Db, count = 500, now = new Date()): Promise<RelationshipsFixture> {
  const started = performance.now();
  const organizationId = await ensureOrganization(db, { kind: "customer", name: BENCH_CUSTOMER.name, domain: BENCH_CUSTOMER.domain });
  const adminUserId = await ensureUser(db, BENCH_CUSTOMER.admin, BENCH_CUSTOMER.adminName);
  await ensureMembership(db, adminUserId, organizationId, ["global_admin"]);
  const agreement = await currentAgreement(db, now);
  if (agreement) {
    await db
      .insert(agreementAcceptances)
      .values({ agreementId: agreement.id, organizationId, acceptedById: adminUserId, acceptedAt: new Date(now.getTime() - 400 * DAY) })
      .onConflictDoNothing();
  }

  const partners = await queryRows<{ id: string }>(
    db,
    sql`select id from organizations where kind = 'partner' and domain is not null and lower(domain) not like 'bench-%'
        order by lower(domain) limit ${count}`,
  );
  if (partners.length < count) throw new Error(`the directory has only ${partners.length} partner organizations, ${count} needed`);

  const mix: Record<string, number> = {};
  let typeRows = 0;
  let grantRows = 0;
  let activeGrants = 0;
  await db.transaction(async (tx) => {
    await tx.delete(relationships).where(eq(relationships.customerOrganizationId, organizationId));
    const created = await tx
      .insert(relationships)
      .values(
        partners.map((p, i) => ({
          customerOrganizationId: organizationId,
          partnerOrganizationId: p.id,
          mpsaShareAllowed: patternFor(i).mpsaShareAllowed ?? false,
          createdAt: new Date(now.getTime() - (30 + ((i * 37) % 1400)) * DAY),
        })),
      )
      .returning({ id: relationships.id, partnerOrganizationId: relationships.partnerOrganizationId, createdAt: relationships.createdAt });
    const byPartner = new Map(created.map((r) => [r.partnerOrganizationId, r]));
    const typeValues: (typeof relationshipTypes.$inferInsert)[] = [];
    const grantValues: (typeof roleGrants.$inferInsert)[] = [];
    partners.forEach((p, i) => {
      const rel = byPartner.get(p.id)!;
      const pattern = patternFor(i);
      mix[pattern.name] = (mix[pattern.name] ?? 0) + 1;
      const at = (days: number | undefined) => (days === undefined ? null : new Date(now.getTime() + days * DAY));
      for (const t of pattern.types) {
        typeValues.push({
          relationshipId: rel.id,
          type: t.type,
          establishedAt: rel.createdAt,
          establishedById: adminUserId,
          endsAt: at(t.endsInDays),
          autoExtend: t.autoExtend ?? false,
          terminatedAt: t.terminatedDaysAgo === undefined ? null : at(-t.terminatedDaysAgo),
          terminatedById: t.terminatedDaysAgo === undefined ? null : adminUserId,
        });
      }
      for (const g of pattern.grants) {
        const expiresAt = at(g.expiresInDays);
        const ended = g.ended !== undefined;
        if (!ended && (!expiresAt || expiresAt > now)) activeGrants += 1;
        grantValues.push({
          relationshipId: rel.id,
          roleId: g.roleId,
          viaType: g.via,
          grantedAt: rel.createdAt,
          grantedById: adminUserId,
          expiresAt,
          endedAt: ended ? at(-(g.endedDaysAgo ?? 0)) : null,
          endedById: ended && g.ended !== "expired" ? adminUserId : null,
          endReason: g.ended ?? null,
        });
      }
    });
    await insertInBatches(typeValues, 1000, (batch) => tx.insert(relationshipTypes).values(batch));
    await insertInBatches(grantValues, 1000, (batch) => tx.insert(roleGrants).values(batch));
    typeRows = typeValues.length;
    grantRows = grantValues.length;
  });
  await db.execute(sql`analyze relationships`);
  await db.execute(sql`analyze relationship_types`);
  await db.execute(sql`analyze role_grants`);
  return { organizationId, adminUserId, relationships: partners.length, typeRows, grantRows, activeGrants, mix, seconds: (performance.now() - started) / 1000 };
}

/** A directory partner organization with a bench admin agent (`bench-agent@<its domain>`). */
export async function ensurePartnerAgent(db: Db, partner: { id: string; domain: string }): Promise<{ userId: string; email: string }> {
  const email = `bench-agent@${partner.domain.toLowerCase()}`;
  const userId = await ensureUser(db, email, "Bench Agent");
  await ensureMembership(db, userId, partner.id, ["admin_agent"]);
  return { userId, email };
}

/** The directory partner that sends the review invitation: the last one by domain (never one of the 500). */
export async function reviewPartner(db: Db): Promise<{ id: string; name: string; domain: string }> {
  const [row] = await queryRows<{ id: string; name: string; domain: string }>(
    db,
    sql`select id, name, domain from organizations where kind = 'partner' and domain is not null and lower(domain) not like 'bench-%'
        order by lower(domain) desc limit 1`,
  );
  if (!row) throw new Error("the directory has no partner organizations");
  return row;
}

/**
 * A directory partner that has never been used by any relationship, invitation or membership: each accept run
 * takes a new one, so every acceptance creates a new relationship.
 */
export async function unusedPartner(db: Db, skip: string[]): Promise<{ id: string; name: string; domain: string }> {
  const [row] = await queryRows<{ id: string; name: string; domain: string }>(
    db,
    sql`select o.id, o.name, o.domain from organizations o
        where o.kind = 'partner' and o.domain is not null and lower(o.domain) not like 'bench-%'
          and not exists (select 1 from relationships r where r.partner_organization_id = o.id)
          and not exists (select 1 from invitations i where i.partner_organization_id = o.id)
          and not exists (select 1 from memberships m where m.organization_id = o.id)
          ${skip.length ? sql`and o.id not in (${sql.join(skip.map((id) => sql`${id}`), sql`, `)})` : sql``}
        order by lower(o.domain) desc limit 1`,
  );
  if (!row) throw new Error("no unused partner organization left in the directory");
  return row;
}

/**
 * `count` customer organizations "Bench Accept Customer 00001…" (bench-accept-00001.example), each with one
 * Global administrator, kept between runs. Their agreement acceptances are removed so each acceptance in the
 * run also records the customer's first agreement acceptance, like a new customer.
 */
export async function prepareAcceptCustomers(db: Db, count: number): Promise<{ organizationId: string; userId: string; email: string }[]> {
  const wanted = Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(5, "0");
    return { name: `Bench Accept Customer ${n}`, domain: `bench-accept-${n}.example`, email: `admin@bench-accept-${n}.example` };
  });
  await insertInBatches(wanted, 1000, (batch) =>
    db
      .insert(organizations)
      .values(batch.map((w) => ({ kind: "customer" as const, name: w.name, domain: w.domain, country: "US", sizeBand: "50-249" })))
      .onConflictDoNothing(),
  );
  await insertInBatches(wanted, 1000, (batch) =>
    db
      .insert(users)
      .values(batch.map((w) => ({ email: w.email, name: `Admin of ${w.name}`, emailVerified: new Date() })))
      .onConflictDoNothing({ target: users.email }),
  );
  const orgs = new Map<string, string>();
  const people = new Map<string, string>();
  for (let start = 0; start < wanted.length; start += 1000) {
    const batch = wanted.slice(start, start + 1000);
    for (const o of await db.select({ id: organizations.id, domain: organizations.domain }).from(organizations).where(inArray(organizations.domain, batch.map((w) => w.domain)))) {
      orgs.set(o.domain as string, o.id);
    }
    for (const u of await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, batch.map((w) => w.email)))) {
      people.set(u.email as string, u.id);
    }
  }
  const rows = wanted.map((w) => ({ organizationId: orgs.get(w.domain)!, userId: people.get(w.email)!, email: w.email }));
  await insertInBatches(rows, 1000, (batch) =>
    db
      .insert(memberships)
      .values(batch.map((r) => ({ userId: r.userId, organizationId: r.organizationId, roles: ["global_admin"] })))
      .onConflictDoNothing(),
  );
  await db.execute(sql`delete from agreement_acceptances a using organizations o where o.id = a.organization_id and o.domain like 'bench-accept-%'`);
  return rows;
}

/** Counts that show the fixture is what the page will render. */
export async function relationshipCounts(db: Db, organizationId: string) {
  const [row] = await queryRows<{ relationships: number; types: number; grants: number }>(
    db,
    sql`select (select count(*)::int from relationships where customer_organization_id = ${organizationId}) as relationships,
               (select count(*)::int from relationship_types t join relationships r on r.id = t.relationship_id where r.customer_organization_id = ${organizationId}) as types,
               (select count(*)::int from role_grants g join relationships r on r.id = g.relationship_id where r.customer_organization_id = ${organizationId}) as grants`,
  );
  return row!;
}

