// Accept & Authorize under load, measured on the service (the page's server action is hard to drive from
// autocannon): pending invitations are created up front with the app's own `createInvitation` (a partner's
// admin agent → customer Global administrators, actors from `loadActor`), then `acceptInvitation` runs with
// W concurrent workers over distinct invitations for S seconds, in this process, on a pool like the server's.
// Also: the pending invitation behind the review page (`/admin/invitations/<token>`).
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { invitations } from "@/db/schema";
import { loadActor, type Actor } from "@/lib/authz";
import { acceptInvitation } from "@/lib/invitations/acceptance";
import type { InvitationInput } from "@/lib/invitations/schemas";
import { createInvitation } from "@/lib/invitations/service";
import { renderEmail } from "@/lib/email/send";
import { invitationToken } from "@/lib/invitations/tokens";
import { effectiveStatus } from "@/lib/invitations/rules";
import type { RelationshipType } from "@/db/schema";
import {
  ensureMembership,
  ensureOrganization,
  ensurePartnerAgent,
  ensureUser,
  GDAP_ROLES,
  prepareAcceptCustomers,
  REVIEW_CUSTOMER,
  reviewPartner,
  unusedPartner,
} from "./fixtures";

const DAY = 86_400_000;
/** The review invitation's fixed idempotency key: running the bench again finds the same invitation. */
const REVIEW_IDEMPOTENCY_KEY = "b3e1c0de-0000-4000-8000-000000000001";

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export function summarize(values: number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? (sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1] as number) : Number.NaN);
  return {
    count: sorted.length,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    mean: sorted.length ? sorted.reduce((s, n) => s + n, 0) / sorted.length : Number.NaN,
    max: sorted.length ? (sorted[sorted.length - 1] as number) : Number.NaN,
  };
}

async function mapConcurrent<T, R>(items: T[], concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      for (;;) {
        const index = next++;
        if (index >= items.length) return;
        results[index] = await fn(items[index] as T, index);
      }
    }),
  );
  return results;
}

async function actorFor(db: Db, userId: string): Promise<Actor> {
  const actor = await loadActor(db, userId);
  if (!actor) throw new Error(`loadActor found no user ${userId}`);
  return actor;
}

export interface ReviewFixture {
  token: string;
  invitationId: string;
  adminUserId: string;
  partnerName: string;
  agentUserId: string;
  agentEmail: string;
  partnerId: string;
}

/**
 * A pending GDAP invitation from a directory partner's admin agent to "Bench Review Customer", sent with
 * `createInvitation`; kept between runs (its fixed idempotency key finds it) and sent again once it is no
 * longer pending or expires within a week.
 */
export async function prepareReviewInvitation(db: Db, now = new Date()): Promise<ReviewFixture> {
  const partner = await reviewPartner(db);
  const agent = await ensurePartnerAgent(db, partner);
  const customerId = await ensureOrganization(db, { kind: "customer", name: REVIEW_CUSTOMER.name, domain: REVIEW_CUSTOMER.domain });
  const adminUserId = await ensureUser(db, REVIEW_CUSTOMER.admin, REVIEW_CUSTOMER.adminName);
  await ensureMembership(db, adminUserId, customerId, ["global_admin"]);

  const [existing] = await db.select().from(invitations).where(eq(invitations.idempotencyKey, REVIEW_IDEMPOTENCY_KEY));
  if (existing && (effectiveStatus(existing, now) !== "pending" || existing.expiresAt.getTime() - now.getTime() < 7 * DAY || existing.partnerOrganizationId !== partner.id)) {
    await db.delete(invitations).where(eq(invitations.id, existing.id));
  }
  const agentActor = await actorFor(db, agent.userId);
  const input: InvitationInput = {
    customerEmail: REVIEW_CUSTOMER.admin,
    type: "gdap",
    roles: ["security_admin", "exchange_admin", "user_admin", "license_admin", "global_reader"],
    tasks: ["manage_security", "manage_exchange", "manage_users", "manage_licenses"],
    durationDays: 365,
    autoExtend: true,
    message: "We'd like to manage security and licensing for you. These roles let our team handle mailboxes, users and licenses; nothing more.",
    idempotencyKey: REVIEW_IDEMPOTENCY_KEY,
  };
  const result = await createInvitation(db, agentActor, input, now);
  if (!result.ok) throw new Error(`createInvitation refused the review invitation: ${result.message} ${JSON.stringify(result.fieldErrors ?? {})}`);
  const [row] = await db.select().from(invitations).where(eq(invitations.id, result.invitationId));
  return {
    token: invitationToken(row!.tokenSalt),
    invitationId: row!.id,
    adminUserId,
    partnerName: partner.name,
    agentUserId: agent.userId,
    agentEmail: agent.email,
    partnerId: partner.id,
  };
}

interface AcceptItem {
  token: string;
  actor: Actor;
  type: RelationshipType;
}

export interface AcceptPrepared {
  partner: { id: string; name: string; domain: string };
  agentEmail: string;
  items: AcceptItem[];
  mix: Record<string, number>;
  create: { count: number; concurrency: number; seconds: number; perSecond: number; latencyMs: LatencySummary; refused: number; refusals: Record<string, number> };
}

function invitationInput(i: number, email: string): InvitationInput {
  const base = { customerEmail: email, idempotencyKey: randomUUID(), autoExtend: false, message: null, durationDays: 365, tasks: [] };
  switch (i % 4) {
    case 0:
    case 1:
      return { ...base, type: "gdap", roles: [0, 1, 2].map((k) => GDAP_ROLES[(i + k) % GDAP_ROLES.length]!) };
    case 2:
      return { ...base, type: "reseller", roles: [] };
    default:
      return { ...base, type: "delegated_admin", roles: [] };
  }
}

/**
 * `count` pending invitations, one per bench customer, from the admin agent of a directory partner never used
 * before (so every acceptance creates a new relationship): GDAP with 3 roles for 365 days (half), reseller
 * (a quarter), delegated admin (a quarter). Created with `createInvitation` at `concurrency`.
 */
export async function prepareAcceptRun(db: Db, count: number, concurrency: number, log: (line: string) => void, skipPartners: string[]): Promise<AcceptPrepared> {
  const customers = await prepareAcceptCustomers(db, count);
  const partner = await unusedPartner(db, skipPartners);
  const agent = await ensurePartnerAgent(db, partner);
  const agentActor = await actorFor(db, agent.userId);
  log(`  ${count} bench customers ready; sending ${count} invitations from ${partner.name} (${agent.email}) with createInvitation at ${concurrency} concurrent…`);

  const refusals: Record<string, number> = {};
  const latencies: number[] = [];
  const started = performance.now();
  const created = await mapConcurrent(customers, concurrency, async (customer, i) => {
    const input = invitationInput(i, customer.email);
    const t0 = performance.now();
    const result = await createInvitation(db, agentActor, input);
    latencies.push(performance.now() - t0);
    if (!result.ok) {
      refusals[result.message] = (refusals[result.message] ?? 0) + 1;
      return null;
    }
    return { invitationId: result.invitationId, customer, type: input.type };
  });
  const seconds = (performance.now() - started) / 1000;
  const ok = created.filter((c): c is NonNullable<typeof c> => c !== null);

  const salts = new Map(
    (await queryRows<{ id: string; token_salt: string }>(db, sql`select id, token_salt from invitations where partner_organization_id = ${partner.id} and status = 'pending'`)).map((r) => [
      r.id,
      r.token_salt,
    ]),
  );
  const actors = await mapConcurrent(ok, 16, (c) => actorFor(db, c.customer.userId));
  const items: AcceptItem[] = ok.map((c, i) => ({ token: invitationToken(salts.get(c.invitationId)!), actor: actors[i]!, type: c.type }));
  const mix: Record<string, number> = {};
  for (const item of items) mix[item.type] = (mix[item.type] ?? 0) + 1;
  return {
    partner,
    agentEmail: agent.email,
    items,
    mix,
    create: {
      count: ok.length,
      concurrency,
      seconds,
      perSecond: ok.length / seconds,
      latencyMs: summarize(latencies),
      refused: created.length - ok.length,
      refusals,
    },
  };
}

export interface AcceptRun {
  workers: number;
  seconds: number;
  elapsedSeconds: number;
  started: number;
  accepted: number;
  errors: number;
  errorMessages: Record<string, number>;
  ranOut: boolean;
  perSecond: number;
  latencyMs: LatencySummary;
  /** Share of the wall time this process's event loop was busy (rendering the emails, drizzle, pg parsing). */
  eventLoopUtilization: number;
}

/** W workers take the next unused invitation until the time is up; every acceptance is timed on its own. */
export async function runAccepts(db: Db, items: AcceptItem[], options: { workers: number; seconds: number }): Promise<AcceptRun> {
  let next = 0;
  let ranOut = false;
  const latencies: number[] = [];
  const errorMessages: Record<string, number> = {};
  const note = (message: string) => {
    const key = message.slice(0, 200);
    errorMessages[key] = (errorMessages[key] ?? 0) + 1;
  };
  const elu = performance.eventLoopUtilization();
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.workers }, async () => {
      for (;;) {
        if (performance.now() >= deadline) return;
        const item = items[next++];
        if (!item) {
          ranOut = true;
          return;
        }
        const t0 = performance.now();
        try {
          const result = await acceptInvitation(db, item.actor, item.token, { acknowledged: true });
          if (result.ok && !result.alreadyAccepted) latencies.push(performance.now() - t0);
          else note(result.ok ? "already accepted" : result.message);
        } catch (error) {
          note(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
        }
      }
    }),
  );
  const elapsedSeconds = (performance.now() - started) / 1000;
  const errors = Object.values(errorMessages).reduce((s, n) => s + n, 0);
  return {
    workers: options.workers,
    seconds: options.seconds,
    elapsedSeconds,
    started: Date.now() - elapsedSeconds * 1000,
    accepted: latencies.length,
    errors,
    errorMessages,
    ranOut,
    perSecond: latencies.length / elapsedSeconds,
    latencyMs: summarize(latencies),
    eventLoopUtilization: performance.eventLoopUtilization(elu).utilization,
  };
}

export interface AcceptCheck {
  invitationsAccepted: number;
  acceptances: number;
  relationships: number;
  roleGrants: number;
  agreementAcceptances: number;
  answeredEmails: number;
  authorizedEmails: number;
  auditEvents: number;
}

/** What the database holds afterwards for the run's partner: every acceptance exactly once, with its emails. */
export async function checkAccepts(db: Db, partnerId: string, agentEmail: string, since: Date): Promise<AcceptCheck> {
  const [row] = await queryRows<AcceptCheck>(
    db,
    sql`select
      (select count(*)::int from invitations where partner_organization_id = ${partnerId} and status = 'accepted') as "invitationsAccepted",
      (select count(*)::int from invitation_acceptances a join invitations i on i.id = a.invitation_id where i.partner_organization_id = ${partnerId}) as "acceptances",
      (select count(*)::int from relationships where partner_organization_id = ${partnerId}) as "relationships",
      (select count(*)::int from role_grants g join relationships r on r.id = g.relationship_id where r.partner_organization_id = ${partnerId}) as "roleGrants",
      (select count(*)::int from agreement_acceptances a join invitations i on i.id = a.invitation_id where i.partner_organization_id = ${partnerId}) as "agreementAcceptances",
      (select count(*)::int from email_outbox where "to" = ${agentEmail} and template = 'invitation-answered' and created_at >= ${since}) as "answeredEmails",
      (select count(*)::int from email_outbox e where e.template = 'partner-authorized' and e."to" like 'admin@bench-accept-%' and e.created_at >= ${since}
         and exists (select 1 from invitations i where i.partner_organization_id = ${partnerId} and i.status = 'accepted' and lower(i.customer_email) = e."to")) as "authorizedEmails",
      (select count(*)::int from audit_events where counterparty_organization_id = ${partnerId} and action in ('invitation.accepted', 'roles.granted')) as "auditEvents"`,
  );
  return row!;
}

/**
 * Afterwards: invitations left pending are cancelled and the bench's emails removed from the outbox (they are
 * never delivered; a run writes a few thousand rendered emails).
 */
export async function cleanupAcceptRun(db: Db, partnerId: string, agentEmail: string): Promise<void> {
  await db.execute(sql`update invitations set status = 'cancelled', responded_at = now() where partner_organization_id = ${partnerId} and status = 'pending'`);
  await db.execute(sql`delete from email_outbox where "to" = ${agentEmail} or "to" like 'admin@bench-accept-%' or "to" = ${REVIEW_CUSTOMER.admin}`);
}

/**
 * CPU time of the two emails every acceptance renders (to the partner's agent and to each Global administrator
 * of the customer; HTML and text each), one after the other on an otherwise idle event loop. acceptInvitation
 * renders them inside its transaction, so this is also time the invitation row lock and a pool connection are held.
 */
export async function emailRenderMs(samples = 60): Promise<number> {
  const answered = {
    outcome: "accepted" as const,
    customerName: "Bench Accept Customer 00001",
    answeredBy: "Admin of Bench Accept Customer 00001",
    typeName: "Granular delegated administrator",
    roles: ["Security administrator", "Exchange administrator", "SharePoint administrator"],
    endsOn: "November 27, 2027",
    reason: null,
    agreementAccepted: true,
    url: "http://localhost:3000/partner/customers",
  };
  const authorized = {
    partnerName: "Bench Partner",
    organizationName: "Bench Accept Customer 00001",
    authorizedBy: "Admin of Bench Accept Customer 00001",
    typeName: "Granular delegated administrator",
    roles: [
      { name: "Security administrator", highlyPrivileged: true },
      { name: "Exchange administrator", highlyPrivileged: true },
      { name: "SharePoint administrator", highlyPrivileged: true },
    ],
    endsOn: "November 27, 2027",
    url: "http://localhost:3000/admin/settings/partner-relationships/00000000-0000-4000-8000-000000000000",
  };
  for (let i = 0; i < 10; i++) {
    await renderEmail("invitation-answered", answered);
    await renderEmail("partner-authorized", authorized);
  }
  const started = performance.now();
  for (let i = 0; i < samples; i++) {
    await renderEmail("invitation-answered", answered);
    await renderEmail("partner-authorized", authorized);
  }
  return (performance.now() - started) / samples;
}
