// The list-scaling fixture and the pages it is measured on (`lists` and `export` sections).
//
// Three customers with 500, 5,000 and 50,000 partner relationships and three partners with 500, 5,000 and
// 50,000 customers, written with INSERT … SELECT generate_series into the base tables only (organizations,
// relationships, relationship_types, role_grants, invitations, contact requests, audit_events, agreement
// acceptances), so that whatever the database derives from them (summary columns kept by triggers) is derived
// as the app's own writes would. The fixture is kept between runs: a row in bench_fixtures holds its
// fingerprint (fixture version, sizes, the migrations applied) and when it was written; it is written again when
// the fingerprint differs or after 7 days (its GDAP end dates are relative to the day it was written).
//
// Organizations: "Bench List Customer 500" (bench-list-customer-500.example) …, "Bench List Partner 500"
// (bench-list-partner-500.example) …; their counterparties are 50,000 partner organizations bench-lp-00001…
// and 50,000 customer organizations bench-lc-00001… (the owner of size N uses the first N). Every name
// carries one of 20 words ("Harbor", "Summit", …), so a search by one of them matches 1 row in 20.
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { ensureMembership, ensureOrganization, ensureUser } from "./fixtures";
import { GDAP_ROLES } from "./fixtures";

export const LIST_SIZES = [500, 5_000, 50_000] as const;
export type ListSize = (typeof LIST_SIZES)[number];
const FIXTURE_VERSION = "lists-2";
const MAX_AGE_DAYS = 7;

/** A word in every counterparty's name; the search URLs look for the first one. */
export const NAME_WORDS = [
  "Harbor", "Summit", "Meadow", "Granite", "Cedar", "Falcon", "Beacon", "Willow", "Copper", "Aurora",
  "Northgate", "Riverside", "Lakeshore", "Pinecrest", "Bluebird", "Ironwood", "Silverline", "Oakridge", "Redstone", "Seaview",
] as const;
export const SEARCH_WORD = "harbor";

export interface ListOwner {
  side: "customer" | "partner";
  size: ListSize;
  organizationId: string;
  userId: string;
  email: string;
}

export interface ListsFixture {
  seeded: boolean;
  seconds: number;
  fingerprint: string;
  seededAt: string;
  owners: ListOwner[];
  /** A signed-in user without any membership, for the trivial signed-in page. */
  nobody: { userId: string; email: string };
  counts: Record<string, number>;
  steps: { step: string; seconds: number }[];
}

/** Which page of the app each list is, and the addresses measured on it. Change them here when a page's parameters change. */
export interface ListPage {
  key: string;
  side: "customer" | "partner";
  title: string;
  path: string;
  /** A page deep in the list. */
  deep: string | null;
  /** A search or filter. */
  filter: string | null;
  /** The CSV export of the whole list, if it has one. */
  exportPath: string | null;
}

export const LIST_PAGES: ListPage[] = [
  {
    key: "customer-relationships",
    side: "customer",
    title: "Partner relationships",
    path: "/admin/settings/partner-relationships",
    deep: "/admin/settings/partner-relationships?page=20",
    filter: `/admin/settings/partner-relationships?q=${SEARCH_WORD}&status=active&sort=gdap`,
    exportPath: "/admin/settings/partner-relationships/export",
  },
  {
    key: "customer-activity",
    side: "customer",
    title: "Customer activity",
    path: "/admin/activity",
    deep: "/admin/activity?page=20",
    filter: "/admin/activity?kind=access&type=gdap",
    exportPath: "/admin/activity/export",
  },
  {
    key: "customer-pending",
    side: "customer",
    title: "Invitations waiting for an answer",
    path: "/admin/invitations",
    deep: "/admin/invitations?page=20",
    filter: null,
    exportPath: null,
  },
  {
    key: "customer-home",
    side: "customer",
    title: "Admin Home",
    path: "/admin",
    deep: null,
    filter: null,
    exportPath: null,
  },
  {
    key: "partner-customers",
    side: "partner",
    title: "Partner customers",
    path: "/partner/customers",
    deep: "/partner/customers?page=20",
    filter: `/partner/customers?q=${SEARCH_WORD}`,
    exportPath: null,
  },
  {
    key: "partner-invitations",
    side: "partner",
    title: "Partner invitations",
    path: "/partner/invitations",
    deep: "/partner/invitations?page=20",
    filter: "/partner/invitations?status=pending",
    exportPath: null,
  },
  {
    key: "partner-requests",
    side: "partner",
    title: "Partner requests",
    path: "/partner/requests",
    deep: "/partner/requests?page=20",
    filter: "/partner/requests?status=new",
    exportPath: null,
  },
  {
    key: "partner-home",
    side: "partner",
    title: "Partner Overview",
    path: "/partner",
    deep: null,
    filter: null,
    exportPath: null,
  },
  {
    key: "partner-activity",
    side: "partner",
    title: "Partner activity",
    path: "/partner/activity",
    deep: "/partner/activity?page=20",
    filter: "/partner/activity?kind=invitations",
    exportPath: "/partner/activity/export",
  },
];

const ownerDomain = (side: "customer" | "partner", size: number) => `bench-list-${side}-${size}.example`;
const ownerEmail = (side: "customer" | "partner", size: number) => `${side === "customer" ? "admin" : "agent"}@${ownerDomain(side, size)}`;
const NOBODY_EMAIL = "nobody@bench-list-none.example";

function migrationsApplied(): string[] {
  try {
    return readdirSync(path.resolve("db", "migrations"))
      .filter((f) => f.endsWith(".sql"))
      .sort();
  } catch {
    return [];
  }
}

export function listsFingerprint(): string {
  return createHash("sha256")
    .update(JSON.stringify({ FIXTURE_VERSION, LIST_SIZES, migrations: migrationsApplied() }))
    .digest("hex")
    .slice(0, 16);
}

async function ensureFixtureTable(db: Db): Promise<void> {
  await db.execute(sql`create table if not exists bench_fixtures (name text primary key, fingerprint text not null, seeded_at timestamptz not null, details jsonb not null default '{}')`);
}

/** Removes every row of the fixture (triggers off: the rows go, nothing derived from them needs updating). */
async function removeFixture(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`create temp table bench_orgs on commit drop as
      select id from organizations where domain like 'bench-lp-%' or domain like 'bench-lc-%' or domain like 'bench-list-%'`);
    await tx.execute(sql`create temp table bench_rels on commit drop as
      select id from relationships where customer_organization_id in (select id from bench_orgs) or partner_organization_id in (select id from bench_orgs)`);
    await tx.execute(sql`delete from role_grants where relationship_id in (select id from bench_rels)`);
    await tx.execute(sql`delete from relationship_types where relationship_id in (select id from bench_rels)`);
    await tx.execute(sql`delete from relationships where id in (select id from bench_rels)`);
    await tx.execute(sql`delete from audit_events where organization_id in (select id from bench_orgs) or counterparty_organization_id in (select id from bench_orgs)`);
    await tx.execute(sql`delete from invitation_acceptances where organization_id in (select id from bench_orgs)`);
    await tx.execute(sql`delete from agreement_acceptances where organization_id in (select id from bench_orgs)`);
    await tx.execute(sql`delete from invitations where partner_organization_id in (select id from bench_orgs) or customer_organization_id in (select id from bench_orgs)`);
    await tx.execute(sql`delete from contact_request_recipients where partner_organization_id in (select id from bench_orgs)`);
    await tx.execute(sql`delete from contact_requests where email like '%@bench-lc-%'`);
    await tx.execute(sql`delete from sessions where user_id in (select id from users where email like '%@bench-list-%')`);
    await tx.execute(sql`delete from memberships where organization_id in (select id from bench_orgs) or user_id in (select id from users where email like '%@bench-list-%')`);
    await tx.execute(sql`delete from users where email like '%@bench-list-%'`);
    await tx.execute(sql`delete from organizations where id in (select id from bench_orgs)`);
  });
}

/** The triggers that keep relationships' summary columns, when the database has them and their refresh function. */
async function summaryTriggers(db: Db): Promise<{ table: string; name: string }[]> {
  return queryRows<{ table: string; name: string }>(
    db,
    sql`select t.tgrelid::regclass::text as "table", t.tgname as name from pg_trigger t join pg_proc p on p.oid = t.tgfoid
        where not t.tgisinternal and p.proname = 'relationship_summary_sync'
          and exists (select 1 from pg_proc f where f.proname = 'relationship_summary_refresh')`,
  );
}

/**
 * The relationships of one owner (customer or partner) with its first `size` counterparties, with their types,
 * role grants and audit events. Ten shapes in turn (n % 10), as in the 500-relationship fixture: reseller + GDAP
 * active (far end), GDAP expiring (1–29 days), GDAP expired, reseller + delegated admin, reseller only, reseller +
 * GDAP terminated, reseller & delegated admin + GDAP with one role removed, advisor + MPSA + LOB.
 */
async function seedRelationships(db: Db, owner: ListOwner): Promise<void> {
  const counterpartyPrefix = owner.side === "customer" ? "bench-lp-" : "bench-lc-";
  const roles = sql.raw(`array[${GDAP_ROLES.map((r) => `'${r}'`).join(",")}]::text[]`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`create temp table bench_rel on commit drop as
      select n, gen_random_uuid() as id, o.id as counterparty, n % 10 as k,
        now() - make_interval(days => 30 + (n * 37) % 1400, secs => n % 86400) as created,
        case n % 10 when 0 then 60 + (n * 7) % 600 when 1 then 60 + (n * 7) % 600 when 2 then 60 + (n * 7) % 600
          when 3 then 1 + n % 29 when 4 then -(1 + n % 200) when 7 then 200 when 8 then 300 + n % 300 end as gdap_days,
        case n % 10 when 0 then 2 + n % 5 when 1 then 2 + n % 5 when 2 then 2 + n % 5 when 3 then 3 when 4 then 3 when 7 then 4 when 8 then 5 else 0 end as gdap_roles,
        case n % 10 when 0 then '{reseller}' when 1 then '{reseller}' when 2 then '{reseller}' when 5 then '{reseller,delegated_admin}'
          when 6 then '{reseller}' when 7 then '{reseller}' when 8 then '{reseller_delegated_admin}' when 9 then '{advisor,mpsa,lob}' else '{}' end::relationship_type[] as other_types
      from generate_series(1, ${owner.size}) n
      join organizations o on o.domain = ${counterpartyPrefix} || lpad(n::text, 5, '0') || '.example'`);
    const customer = owner.side === "customer" ? sql.raw(`${"'"}${owner.organizationId}'::uuid`) : sql.raw("r.counterparty");
    const partner = owner.side === "partner" ? sql.raw(`${"'"}${owner.organizationId}'::uuid`) : sql.raw("r.counterparty");
    // The per-row summary triggers would refresh a relationship once per type and grant (seven times on
    // average, each an update of every index of relationships): they are off during the inserts, and the
    // database's own refresh function then runs once per relationship, as migration 0015 does for existing rows.
    const summary = await summaryTriggers(tx as unknown as Db);
    for (const t of summary) await tx.execute(sql.raw(`alter table ${t.table} disable trigger "${t.name}"`));
    // Statistics first, or an empty table's plan (a scan of every grant in force) is kept for the whole insert.
    await tx.execute(sql`analyze relationships, relationship_types, role_grants`);
    await tx.execute(sql`insert into relationships (id, customer_organization_id, partner_organization_id, mpsa_share_allowed, created_at)
      select r.id, ${customer}, ${partner}, r.k = 9, r.created from bench_rel r`);
    await tx.execute(sql`analyze relationships`);
    await tx.execute(sql`insert into relationship_types (relationship_id, type, established_at, established_by_id, ends_at, auto_extend, terminated_at, terminated_by_id)
      select r.id, t.type, r.created, ${owner.userId}, null, false, null, null from bench_rel r, unnest(r.other_types) as t(type)
      union all
      select r.id, 'gdap', r.created, ${owner.userId}, now() + make_interval(days => r.gdap_days), r.k < 3 and r.n % 2 = 0,
        case when r.k = 7 then now() - interval '10 days' end, case when r.k = 7 then ${owner.userId} end
      from bench_rel r where r.gdap_days is not null`);
    await tx.execute(sql`analyze relationship_types, role_grants`);
    // GDAP roles: gdap_roles of the twelve, from an offset per shape; ended as the shape says.
    await tx.execute(sql`insert into role_grants (relationship_id, role_id, via_type, granted_at, granted_by_id, expires_at, ended_at, ended_by_id, end_reason)
      select r.id, (${roles})[1 + (r.n + r.k + j) % 12], 'gdap', r.created, ${owner.userId}, now() + make_interval(days => r.gdap_days),
        case when r.k = 4 and r.n % 20 = 4 then now() + make_interval(days => r.gdap_days)
             when r.k = 7 then now() - interval '10 days'
             when r.k = 8 and j = 0 then now() - interval '5 days' end,
        case when r.k = 7 or (r.k = 8 and j = 0) then ${owner.userId} end,
        case when r.k = 4 and r.n % 20 = 4 then 'expired' when r.k = 7 then 'terminated' when r.k = 8 and j = 0 then 'removed' end
      from bench_rel r, generate_series(0, r.gdap_roles - 1) j
      where r.gdap_days is not null
      union all
      select r.id, x.role, x.via::relationship_type, r.created, ${owner.userId}, null, null, null, null
      from bench_rel r, (values (5, 'global_admin', 'delegated_admin'), (5, 'helpdesk_admin', 'delegated_admin'),
        (8, 'global_admin', 'reseller_delegated_admin'), (8, 'helpdesk_admin', 'reseller_delegated_admin'),
        (9, 'helpdesk_admin', 'advisor'), (9, 'service_support_admin', 'advisor')) as x(k, role, via)
      where x.k = r.k`);
    if (summary.length > 0) {
      await tx.execute(sql`analyze relationships, relationship_types, role_grants`);
      await tx.execute(sql`select relationship_summary_refresh(id) from bench_rel`);
      for (const t of summary) await tx.execute(sql.raw(`alter table ${t.table} enable trigger "${t.name}"`));
    }
    // Three events per relationship in the owner's log (the counterparty's own log is not read by the bench).
    await tx.execute(sql`insert into audit_events (occurred_at, actor_user_id, actor_label, organization_id, counterparty_organization_id, action, target_type, target_id, details)
      select r.created + e.after, ${owner.userId}, 'Bench', ${owner.organizationId}::uuid, r.counterparty, e.action, 'relationship', r.id::text, e.details
      from bench_rel r, lateral (values
        (interval '0 seconds', 'invitation.accepted', jsonb_build_object('type', case when r.gdap_days is not null then 'gdap' else 'reseller' end)),
        (interval '1 second', 'roles.granted', jsonb_build_object('type', 'gdap', 'roles', jsonb_build_array('security_admin'))),
        (make_interval(days => 1 + r.n % 25), case when r.k = 7 then 'gdap.terminated' when r.k = 8 then 'roles.removed' else 'gdap.auto_extend_off' end, jsonb_build_object('type', 'gdap'))
      ) as e(after, action, details)`);
    // Seven in ten counterparties accepted the Customer Agreement.
    if (owner.side === "partner") {
      await tx.execute(sql`insert into agreement_acceptances (agreement_id, organization_id, accepted_by_id, accepted_at)
        select a.id, r.counterparty, ${owner.userId}, r.created from bench_rel r, (select id from agreements order by published_at desc limit 1) a
        where r.n % 10 < 7 on conflict do nothing`);
    }
  });
}

/** A partner's invitations (one per customer, every status), contact requests (one per customer) and their events. */
async function seedPartnerInbox(db: Db, owner: ListOwner): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`create temp table bench_inv on commit drop as
      select n, gen_random_uuid() as id, o.id as customer, 'admin@bench-lc-' || lpad(n::text, 5, '0') || '.example' as email, o.name as company,
        now() - make_interval(days => 31 + (n * 37) % 1400, secs => n % 86400) as created,
        case when n % 10 < 6 then 'accepted' when n % 10 = 6 then 'pending' when n % 10 = 7 then 'declined' when n % 10 = 8 then 'cancelled' else 'expired' end::invitation_status as status
      from generate_series(1, ${owner.size}) n
      join organizations o on o.domain = 'bench-lc-' || lpad(n::text, 5, '0') || '.example'`);
    await tx.execute(sql`insert into invitations (id, partner_organization_id, customer_email, customer_organization_id, type, roles, duration_days, auto_extend,
        token_hash, token_salt, status, expires_at, last_sent_at, created_by_id, responded_at, created_at)
      select i.id, ${owner.organizationId}::uuid, i.email, i.customer, case when i.n % 3 = 0 then 'reseller' else 'gdap' end::relationship_type,
        case when i.n % 3 = 0 then '{}'::text[] else array['security_admin', 'user_admin'] end, case when i.n % 3 = 0 then null else 365 end, false,
        encode(sha256(('bench-list-' || i.id::text)::bytea), 'hex'), md5(i.id::text || 'salt'), i.status,
        case when i.status = 'pending' then now() + make_interval(days => 1 + i.n % 29) else i.created + interval '30 days' end,
        i.created, ${owner.userId}, case when i.status in ('accepted', 'declined') then i.created + interval '1 day' end,
        case when i.status = 'pending' then now() - make_interval(days => i.n % 29, secs => i.n % 86400) else i.created end
      from bench_inv i`);
    await tx.execute(sql`create temp table bench_req on commit drop as
      select i.n, gen_random_uuid() as id, gen_random_uuid() as recipient, i.email, i.company, i.created - interval '3 days' as created
      from bench_inv i`);
    await tx.execute(sql`insert into contact_requests (id, idempotency_key, name, email, company, phone, country, size_band, needs, created_at)
      select r.id, 'bench-list-' || r.id::text, 'Buyer ' || r.n, r.email, r.company, null, 'US', '50-249',
        'We are looking for help with security, licensing and a migration of our mailboxes.', r.created
      from bench_req r`);
    await tx.execute(sql`insert into contact_request_recipients (id, request_id, partner_organization_id, status, status_changed_at, decline_reason, created_at)
      select r.recipient, r.id, ${owner.organizationId}::uuid, case r.n % 3 when 0 then 'new' when 1 then 'replied' else 'declined' end::contact_recipient_status,
        case when r.n % 3 <> 0 then r.created + interval '1 day' end, case when r.n % 3 = 2 then 'Outside the regions we serve.' end, r.created
      from bench_req r`);
    await tx.execute(sql`insert into audit_events (occurred_at, actor_user_id, actor_label, organization_id, counterparty_organization_id, action, target_type, target_id, details)
      select i.created, ${owner.userId}, 'Bench', ${owner.organizationId}::uuid, i.customer, 'invitation.sent', 'invitation', i.id::text, '{}'::jsonb from bench_inv i
      union all
      select r.created, null, 'Buyer ' || r.n, ${owner.organizationId}::uuid, null, 'contact_request.sent', 'contact_request_recipient', r.recipient::text, '{}'::jsonb from bench_req r`);
  });
}

/** Invitations waiting for the customer's answer (one per 20 relationships), from its first partners. */
async function seedCustomerPending(db: Db, owner: ListOwner, senderId: string): Promise<void> {
  await db.execute(sql`insert into invitations (partner_organization_id, customer_email, customer_organization_id, type, roles, duration_days, auto_extend,
      token_hash, token_salt, status, expires_at, last_sent_at, created_by_id, created_at)
    select o.id, ${owner.email}, ${owner.organizationId}::uuid, 'gdap', array['security_admin', 'global_reader'], 365, false,
      encode(sha256(('bench-list-pending-' || ${owner.size}::text || '-' || n)::bytea), 'hex'), md5('bench-list-pending-' || ${owner.size}::text || '-' || n), 'pending',
      now() + make_interval(days => 1 + n % 29), now() - make_interval(days => n % 29, secs => n % 86400), ${senderId}, now() - make_interval(days => n % 29, secs => n % 86400)
    from generate_series(1, ${Math.max(1, owner.size / 20)}) n
    join organizations o on o.domain = 'bench-lp-' || lpad(n::text, 5, '0') || '.example'`);
}

async function readOwners(db: Db): Promise<ListOwner[]> {
  const owners: ListOwner[] = [];
  for (const side of ["customer", "partner"] as const) {
    for (const size of LIST_SIZES) {
      const organizationId = await ensureOrganization(db, { kind: side, name: `Bench List ${side === "customer" ? "Customer" : "Partner"} ${size}`, domain: ownerDomain(side, size) });
      const email = ownerEmail(side, size);
      const userId = await ensureUser(db, email, side === "customer" ? `Bench Admin ${size}` : `Bench Agent ${size}`);
      await ensureMembership(db, userId, organizationId, side === "customer" ? ["global_admin"] : ["admin_agent"]);
      owners.push({ side, size, organizationId, userId, email });
    }
  }
  return owners;
}

export async function fixtureCounts(db: Db, owners: ListOwner[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const o of owners) {
    const column = o.side === "customer" ? sql.raw("customer_organization_id") : sql.raw("partner_organization_id");
    const [row] = await queryRows<{ relationships: number; events: number; invitations: number; requests: number; pending: number }>(
      db,
      sql`select (select count(*)::int from relationships where ${column} = ${o.organizationId}) as relationships,
        (select count(*)::int from audit_events where organization_id = ${o.organizationId}) as events,
        (select count(*)::int from invitations where partner_organization_id = ${o.organizationId}) as invitations,
        (select count(*)::int from contact_request_recipients where partner_organization_id = ${o.organizationId}) as requests,
        (select count(*)::int from invitations where customer_organization_id = ${o.organizationId} and status = 'pending') as pending`,
    );
    const prefix = `${o.side} ${o.size}`;
    counts[`${prefix} relationships`] = row?.relationships ?? 0;
    counts[`${prefix} audit events`] = row?.events ?? 0;
    if (o.side === "partner") {
      counts[`${prefix} invitations`] = row?.invitations ?? 0;
      counts[`${prefix} contact requests`] = row?.requests ?? 0;
    } else {
      counts[`${prefix} pending invitations`] = row?.pending ?? 0;
    }
  }
  return counts;
}

/** The fixture, written unless an identical one (same fingerprint, under 7 days old) is there. */
export async function prepareLists(db: Db, options: { reseed: boolean }, log: (line: string) => void): Promise<ListsFixture> {
  const started = performance.now();
  const fingerprint = listsFingerprint();
  await ensureFixtureTable(db);
  const [existing] = await queryRows<{ fingerprint: string; seeded_at: Date; fresh: boolean }>(
    db,
    sql`select fingerprint, seeded_at, seeded_at > now() - make_interval(days => ${MAX_AGE_DAYS}) as fresh from bench_fixtures where name = 'lists'`,
  );
  const steps: ListsFixture["steps"] = [];
  const step = async (name: string, fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    const seconds = (performance.now() - t) / 1000;
    steps.push({ step: name, seconds });
    log(`  ${name}: ${seconds.toFixed(1)} s`);
  };
  const reuse = existing && existing.fingerprint === fingerprint && existing.fresh && !options.reseed;
  let owners: ListOwner[];
  if (reuse) {
    owners = await readOwners(db);
    log(`list fixture ${fingerprint} (written ${new Date(existing.seeded_at).toISOString()}) reused (BENCH_RESEED_LISTS=1 writes it again)`);
  } else {
    log(
      existing
        ? `list fixture ${existing.fingerprint} ${existing.fingerprint === fingerprint ? "is older than 7 days" : `differs from ${fingerprint}`}: writing it again`
        : `writing the list fixture ${fingerprint} (3 customers and 3 partners with 500, 5,000 and 50,000 relationships)`,
    );
    await step("remove the earlier fixture", () => removeFixture(db));
    await step("50,000 partner and 50,000 customer organizations", async () => {
      const words = sql.raw(`array[${NAME_WORDS.map((w) => `'${w}'`).join(",")}]::text[]`);
      await db.execute(sql`insert into organizations (kind, name, domain, country, size_band)
        select 'partner', (${words})[1 + n % 20] || ' ' || (array['Cloud', 'IT', 'Networks', 'Systems', 'Digital'])[1 + (n / 20) % 5] || ' Partners ' || n,
          'bench-lp-' || lpad(n::text, 5, '0') || '.example', 'US', '50-249'
        from generate_series(1, 50000) n`);
      await db.execute(sql`insert into organizations (kind, name, domain, country, size_band)
        select 'customer', (${words})[1 + n % 20] || ' ' || (array['Foods', 'Logistics', 'Health', 'Retail', 'Energy'])[1 + (n / 20) % 5] || ' ' || n,
          'bench-lc-' || lpad(n::text, 5, '0') || '.example', 'US', '250-999'
        from generate_series(1, 50000) n`);
    });
    owners = await readOwners(db);
    const sender = await ensureUser(db, "sender@bench-list-sender.example", "Bench Sender");
    for (const owner of owners) {
      await step(`${owner.side} with ${owner.size.toLocaleString("en-US")}: relationships, types, role grants, events`, () => seedRelationships(db, owner));
      if (owner.side === "partner") await step(`partner with ${owner.size.toLocaleString("en-US")}: invitations, contact requests, events`, () => seedPartnerInbox(db, owner));
      else {
        await step(`customer with ${owner.size.toLocaleString("en-US")}: pending invitations`, () => seedCustomerPending(db, owner, sender));
        await db.execute(sql`insert into agreement_acceptances (agreement_id, organization_id, accepted_by_id, accepted_at)
          select a.id, ${owner.organizationId}::uuid, ${owner.userId}, now() - interval '400 days' from (select id from agreements order by published_at desc limit 1) a
          on conflict do nothing`);
      }
    }
    // What autovacuum does to a table that took a bulk write: statistics for the planner, and the visibility
    // map that lets counts read their index alone (index-only scans without heap fetches).
    await step("VACUUM ANALYZE", () => db.execute(sql`vacuum analyze`));
    await db.execute(sql`insert into bench_fixtures (name, fingerprint, seeded_at) values ('lists', ${fingerprint}, now())
      on conflict (name) do update set fingerprint = excluded.fingerprint, seeded_at = excluded.seeded_at`);
  }
  const nobodyId = await ensureUser(db, NOBODY_EMAIL, "Bench Nobody");
  const [row] = await queryRows<{ seeded_at: Date }>(db, sql`select seeded_at from bench_fixtures where name = 'lists'`);
  const counts = await fixtureCounts(db, owners);
  return {
    seeded: !reuse,
    seconds: (performance.now() - started) / 1000,
    fingerprint,
    seededAt: new Date(row!.seeded_at).toISOString(),
    owners,
    nobody: { userId: nobodyId, email: NOBODY_EMAIL },
    counts,
    steps,
  };
}
