// The access plane's hot paths: token issuance (POST /api/tokens) and introspection (POST /api/oauth/introspect),
// against a trivial JSON route (GET /api/health) in the same run.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accessAssignments, relationshipTypes, relationships, roleGrants, securityGroupMembers, securityGroups } from "@/db/schema";
import { ensureMembership, ensureOrganization, ensureUser, newSession, sessionCookie } from "./fixtures";
import { runLoad, type LoadStats } from "./load";

export const BENCH_INTROSPECTION_SECRET = "bench-introspection-secret-0123456789";
const DAY = 86_400_000;

export interface TokensFixture {
  relationshipId: string;
  cookie: string;
}

/** A partner with a technician in a group assigned Helpdesk administrator in a customer that granted it (kept between runs). */
export async function prepareTokens(db: Db, now = new Date()): Promise<TokensFixture> {
  const partnerId = await ensureOrganization(db, { kind: "partner", name: "Bench Token Partner", domain: "bench-token-partner.example" });
  const customerId = await ensureOrganization(db, { kind: "customer", name: "Bench Token Customer", domain: "bench-token-customer.example" });
  const techId = await ensureUser(db, "tech@bench-token-partner.example", "Bench Technician");
  await ensureMembership(db, techId, partnerId, ["technician"]);
  await db.insert(relationships).values({ customerOrganizationId: customerId, partnerOrganizationId: partnerId }).onConflictDoNothing();
  const [relationship] = await db
    .select({ id: relationships.id })
    .from(relationships)
    .where(and(eq(relationships.customerOrganizationId, customerId), eq(relationships.partnerOrganizationId, partnerId)));
  const endsAt = new Date(now.getTime() + 365 * DAY);
  await db
    .insert(relationshipTypes)
    .values({ relationshipId: relationship!.id, type: "gdap", endsAt })
    .onConflictDoUpdate({ target: [relationshipTypes.relationshipId, relationshipTypes.type], set: { endsAt, terminatedAt: null } });
  const [grant] = await db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(and(eq(roleGrants.relationshipId, relationship!.id), eq(roleGrants.roleId, "helpdesk_admin"), isNull(roleGrants.endedAt)));
  if (grant) await db.update(roleGrants).set({ expiresAt: endsAt }).where(eq(roleGrants.id, grant.id));
  else await db.insert(roleGrants).values({ relationshipId: relationship!.id, roleId: "helpdesk_admin", viaType: "gdap", expiresAt: endsAt });
  await db.insert(securityGroups).values({ partnerOrganizationId: partnerId, name: "Bench helpdesk" }).onConflictDoNothing();
  const [group] = await db
    .select({ id: securityGroups.id })
    .from(securityGroups)
    .where(and(eq(securityGroups.partnerOrganizationId, partnerId), sql`lower(${securityGroups.name}) = 'bench helpdesk'`));
  await db.insert(securityGroupMembers).values({ groupId: group!.id, userId: techId }).onConflictDoNothing();
  await db.insert(accessAssignments).values({ relationshipId: relationship!.id, groupId: group!.id, roles: ["helpdesk_admin"] }).onConflictDoNothing();
  return { relationshipId: relationship!.id, cookie: sessionCookie(await newSession(db, techId)) };
}

export interface TokensResult {
  connections: number;
  health: LoadStats;
  introspect: LoadStats;
  issue: LoadStats;
}

/** One token for the introspection load, then each route at `connections` for `seconds`: the trivial route first and last. */
export async function measureTokens(origin: string, fixture: TokensFixture, connections: number, seconds: number, log: (line: string) => void): Promise<TokensResult> {
  const issued = await fetch(`${origin}/api/tokens`, {
    method: "POST",
    headers: { cookie: fixture.cookie, "content-type": "application/json" },
    body: JSON.stringify({ relationshipId: fixture.relationshipId, reason: "bench" }),
  });
  if (issued.status !== 200) throw new Error(`POST /api/tokens answered ${issued.status}: ${await issued.text()}`);
  const { access_token: token } = (await issued.json()) as { access_token: string };
  const introspection = { body: new URLSearchParams({ token }).toString(), contentType: "application/x-www-form-urlencoded" };
  const authorization = { authorization: `Bearer ${BENCH_INTROSPECTION_SECRET}`, accept: "application/json" };
  const issueBody = { body: JSON.stringify({ relationshipId: fixture.relationshipId, reason: "bench" }), contentType: "application/json" };
  // Warm every route first.
  await runLoad({ origin, label: "warm-up", paths: ["/api/health"], connections: 8, seconds: 3 });
  await runLoad({ origin, label: "warm-up", paths: ["/api/oauth/introspect"], connections: 8, seconds: 3, headers: authorization, post: introspection });
  await runLoad({ origin, label: "warm-up", paths: ["/api/tokens"], connections: 8, seconds: 3, headers: { cookie: fixture.cookie, accept: "application/json" }, post: issueBody });
  const healthStart = await runLoad({ origin, label: "/api/health", paths: ["/api/health"], connections, seconds });
  log(`GET /api/health: ${healthStart.rps.toFixed(1)} req/s, p95 ${healthStart.latencyMs.p95.toFixed(1)} ms`);
  const introspect = await runLoad({ origin, label: "/api/oauth/introspect", paths: ["/api/oauth/introspect"], connections, seconds, headers: authorization, post: introspection });
  log(`POST /api/oauth/introspect: ${introspect.rps.toFixed(1)} req/s, p95 ${introspect.latencyMs.p95.toFixed(1)} ms, non-2xx ${introspect.non2xx}`);
  const issue = await runLoad({ origin, label: "/api/tokens", paths: ["/api/tokens"], connections, seconds, headers: { cookie: fixture.cookie, accept: "application/json" }, post: issueBody });
  log(`POST /api/tokens: ${issue.rps.toFixed(1)} req/s, p95 ${issue.latencyMs.p95.toFixed(1)} ms, non-2xx ${issue.non2xx}`);
  const healthEnd = await runLoad({ origin, label: "/api/health", paths: ["/api/health"], connections, seconds });
  const health = { ...healthStart, rps: (healthStart.rps + healthEnd.rps) / 2 };
  return { connections, health, introspect, issue };
}
