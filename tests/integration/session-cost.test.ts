/**
 * What being signed in costs a request, and that the short-lived session cache never outlives a
 * change this process makes: one indexed query for the session, its person and their
 * organizations (none while it is cached, none again for the page behind the proxy), sign-out and
 * a deleted session take effect on the next request, a membership change too, and the session's
 * expiry slides forward with one write an hour rather than one a request.
 *
 * Through the real pieces: Auth.js's own routes (magic-link callback, sign-out with its CSRF
 * check) and adapter, the proxy, and getActor; only `next/headers` is replaced (the request's
 * cookies, as Next.js hands them to a server component).
 */
import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb, type Db } from "@/db/client";
import { memberships, sessions, users, verificationTokens } from "@/db/schema";
import { SESSION_COOKIE } from "@/lib/auth/paths";
import type * as SessionModule from "@/lib/auth/session";
import { freshDatabase, userIdOf } from "../support/fixtures";
import { sendTestInvitation } from "../support/invitations";

const ORIGIN = "http://localhost:3000";
const SECRET = "session-cost-test-secret-0123456789abcdef";

/** The request's cookies, as `cookies()` hands them to a server component. */
const jar = new Map<string, string>();

interface Statement {
  text: string;
  params: unknown[];
}

/** Every statement the app sends to the database while `run` runs (both drivers call their client's `query`). */
async function statementsOf(run: () => Promise<unknown>): Promise<Statement[]> {
  const { $client: client } = (await getDb()) as unknown as { $client: { query: (...args: unknown[]) => unknown } };
  const original = client.query;
  const seen: Statement[] = [];
  client.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    const text = typeof first === "string" ? first : ((first as { text?: string }).text ?? "");
    seen.push({ text, params: (Array.isArray(second) ? second : (first as { values?: unknown[] }).values) ?? [] });
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    client.query = original;
  }
  return seen;
}

/** The plan of a statement when Postgres may not scan a whole table: a table without a usable index still shows "Seq Scan". */
async function planWithoutSeqScans(statement: Statement): Promise<string> {
  type Query = (text: string, params?: unknown[]) => Promise<{ rows: Record<string, string>[] }>;
  const { $client: client } = (await getDb()) as unknown as { $client: { connect?: () => Promise<{ query: Query; release: () => void }>; query: Query } };
  // One connection for the setting and the plan: a pool's own, or the embedded database's only one.
  const connection = client.connect ? await client.connect() : { query: client.query.bind(client), release: () => undefined };
  try {
    await connection.query("set enable_seqscan = off");
    const { rows } = await connection.query(`explain ${statement.text}`, statement.params);
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  } finally {
    await connection.query("reset enable_seqscan");
    connection.release();
  }
}

describe("the session of a signed-in request", () => {
  let db: Db;
  let session: typeof SessionModule;
  let proxy: (request: NextRequest) => Promise<Response>;
  let getActor: () => Promise<Awaited<ReturnType<typeof SessionModule.currentActor>>>;
  let route: { GET: (request: NextRequest) => Promise<Response>; POST: (request: NextRequest) => Promise<Response> };

  beforeAll(async () => {
    vi.stubEnv("AUTH_SECRET", SECRET);
    vi.stubEnv("AUTH_URL", ORIGIN);
    vi.resetModules();
    vi.doMock("next/headers", () => ({
      cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined), has: (name: string) => jar.has(name) }),
      headers: async () => new Headers(),
    }));
    db = await freshDatabase();
    session = await import("@/lib/auth/session");
    ({ proxy } = await import("@/proxy"));
    ({ getActor } = await import("@/lib/authz"));
    route = await import("@/app/api/auth/[...nextauth]/route");
  });

  afterAll(() => {
    vi.doUnmock("next/headers");
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  beforeEach(() => {
    session.forgetAllSessions();
    jar.clear();
  });

  afterEach(() => session.forgetAllSessions());

  /** A session as Auth.js writes it at sign-in (expiring in eight hours unless `expires` says otherwise). */
  async function signedIn(email: string, expires = new Date(Date.now() + session.SESSION_MAX_AGE_SECONDS * 1000)): Promise<string> {
    const token = randomBytes(32).toString("hex");
    await db.insert(sessions).values({ sessionToken: token, userId: await userIdOf(db, email), expires });
    return token;
  }

  /** A request the browser sends for a page, carrying the session cookie. */
  function pageRequest(path: string, token: string | null): NextRequest {
    return new NextRequest(`${ORIGIN}${path}`, { headers: token ? { cookie: `${SESSION_COOKIE}=${token}` } : {} });
  }

  /** One request: the proxy in front, then the page's own reading of who is signed in (its layout and page share it). */
  async function request(path: string, token: string) {
    const response = await proxy(pageRequest(path, token));
    jar.set(SESSION_COOKIE, token);
    const actor = await getActor();
    jar.clear();
    return { response, actor };
  }

  it("costs one query, by indexes: the session, its person and their organizations", async () => {
    const token = await signedIn("admin@contoso.example");
    let outcome: Awaited<ReturnType<typeof request>> | undefined;
    const statements = await statementsOf(async () => {
      outcome = await request("/admin/settings/partner-relationships", token);
    });
    expect(outcome?.response.headers.get("location")).toBeNull();
    expect(outcome?.actor).toMatchObject({ email: "admin@contoso.example", memberships: [{ organizationName: "Contoso", kind: "customer", roles: ["global_admin"] }] });
    expect(statements).toHaveLength(1);
    const plan = await planWithoutSeqScans(statements[0]!);
    expect(plan).toContain("sessions_pkey");
    expect(plan).not.toMatch(/Seq Scan/);
  });

  it("costs nothing more while the session is cached, on a signed-in area or a public page", async () => {
    const token = await signedIn("agent@fabrikam.example");
    await request("/partner", token);
    const statements = await statementsOf(async () => {
      for (let i = 0; i < 5; i += 1) expect((await request("/partner/requests", token)).actor?.email).toBe("agent@fabrikam.example");
      jar.set(SESSION_COOKIE, token);
      expect((await getActor())?.email).toBe("agent@fabrikam.example");
    });
    expect(statements).toEqual([]);
  });

  it("concurrent requests of one person share the one query", async () => {
    const token = await signedIn("admin@contoso.example");
    const statements = await statementsOf(() => Promise.all(Array.from({ length: 8 }, () => session.readSession(token))));
    expect(statements).toHaveLength(1);
  });

  it("sends a visitor without a session, or with one that no longer exists, to sign in (and removes the stale cookie)", async () => {
    const none = await proxy(pageRequest("/admin", null));
    expect(none.headers.get("location")).toBe(`${ORIGIN}/signin?callbackUrl=%2Fadmin`);
    const stale = await proxy(pageRequest("/admin", randomBytes(32).toString("hex")));
    expect(stale.headers.get("location")).toBe(`${ORIGIN}/signin?callbackUrl=%2Fadmin`);
    expect(stale.headers.get("set-cookie")).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`, "i"));
  });

  it("keeps an invitation's address out of the sign-in URL for a signed-out visitor", async () => {
    const response = await proxy(pageRequest("/admin/invitations/some-token", null));
    expect(response.headers.get("location")).toBe(`${ORIGIN}/signin`);
    expect(response.headers.get("set-cookie")).toContain("partnerships-return-to=%2Fadmin%2Finvitations%2Fsome-token");
  });

  it("gives the cookie the session's expiry", async () => {
    // Written half an hour ago: not due to slide yet.
    const expires = new Date(Date.now() + (session.SESSION_MAX_AGE_SECONDS - 30 * 60) * 1000);
    const token = await signedIn("admin@contoso.example", expires);
    const response = await proxy(pageRequest("/admin", token));
    expect(response.headers.get("set-cookie")).toContain(`${SESSION_COOKIE}=${token}`);
    expect(response.headers.get("set-cookie")).toContain(`Expires=${expires.toUTCString()}`);
  });

  it("slides the expiry forward with one write an hour, not one a request", async () => {
    const now = new Date();
    // Written an hour and a minute ago: due.
    const token = await signedIn("admin@contoso.example", new Date(now.getTime() + (session.SESSION_MAX_AGE_SECONDS - 61 * 60) * 1000));
    const first = await statementsOf(() => session.readSession(token, now));
    expect(first.map((s) => s.text.split(" ")[0]?.toLowerCase())).toEqual(["select", "update"]);
    const [row] = await db.select({ expires: sessions.expires }).from(sessions).where(eq(sessions.sessionToken, token));
    expect(row?.expires.getTime()).toBe(now.getTime() + session.SESSION_MAX_AGE_SECONDS * 1000);
    // Cached, and once it is not: read again, written no more.
    expect(await statementsOf(() => session.readSession(token, new Date(now.getTime() + 1000)))).toEqual([]);
    session.forgetAllSessions();
    const later = await statementsOf(() => session.readSession(token, new Date(now.getTime() + 60_000)));
    expect(later.map((s) => s.text.split(" ")[0]?.toLowerCase())).toEqual(["select"]);
  });

  it("ends at its expiry, and the ended session is deleted", async () => {
    const token = await signedIn("admin@contoso.example", new Date(Date.now() - 1000));
    expect(await session.readSession(token)).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.sessionToken, token))).toEqual([]);
    expect((await request("/admin", token)).response.headers.get("location")).toBe(`${ORIGIN}/signin?callbackUrl=%2Fadmin`);
  });

  /** Signs in through Auth.js's own magic-link callback; returns the session token of its cookie. */
  async function signInByLink(email: string): Promise<string> {
    const token = randomBytes(32).toString("hex");
    await db.insert(verificationTokens).values({ identifier: email, token: createHash("sha256").update(`${token}${SECRET}`).digest("hex"), expires: new Date(Date.now() + 600_000) });
    const response = await route.GET(new NextRequest(`${ORIGIN}/api/auth/callback/resend?${new URLSearchParams({ callbackUrl: "/admin", token, email })}`));
    expect(response.status).toBe(302);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    return cookie!.slice(SESSION_COOKIE.length + 1).split(";")[0]!;
  }

  /** Signs out through Auth.js's own route, with its CSRF token, as the Sign out button does. */
  async function signOutByRoute(token: string): Promise<void> {
    const csrf = await route.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const response = await route.POST(
      new NextRequest(`${ORIGIN}/api/auth/signout`, {
        method: "POST",
        headers: { cookie: `${csrfCookie}; ${SESSION_COOKIE}=${token}`, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, callbackUrl: "/" }).toString(),
      }),
    );
    expect(response.status).toBe(302);
  }

  it("signing out takes effect on the very next request, though the session was cached", async () => {
    const token = await signInByLink("admin@contoso.example");
    expect((await request("/admin", token)).actor?.email).toBe("admin@contoso.example");
    expect(await statementsOf(() => request("/admin", token))).toEqual([]);
    await signOutByRoute(token);
    const after = await request("/admin", token);
    expect(after.response.headers.get("location")).toBe(`${ORIGIN}/signin?callbackUrl=%2Fadmin`);
    expect(after.actor).toBeNull();
  });

  it("a membership removed is gone from the next request once its writer says so (forgetUserSessions)", async () => {
    const token = await signedIn("billing@contoso.example");
    expect((await request("/admin", token)).actor?.memberships.map((m) => m.organizationName)).toEqual(["Contoso"]);
    const userId = await userIdOf(db, "billing@contoso.example");
    await db.delete(memberships).where(eq(memberships.userId, userId));
    // Unannounced (as from another instance, or an operator's SQL), the change waits out the cache.
    expect((await request("/admin", token)).actor?.memberships).toHaveLength(1);
    session.forgetUserSessions(userId);
    expect((await request("/admin", token)).actor?.memberships).toEqual([]);
  });

  it("an organization created by accepting an invitation is in the acceptor's next request", async () => {
    const email = "it@tailspin.example";
    const { token: invitationToken } = await sendTestInvitation(db, { customerEmail: email, type: "reseller" }, "sales@fabrikam.example");
    await db.insert(users).values({ email, name: "Tailspin IT" });
    const token = await signedIn(email);
    const before = await request("/home", token);
    expect(before.actor?.memberships).toEqual([]);
    const { acceptInvitation } = await import("@/lib/invitations/acceptance");
    const result = await acceptInvitation(db, before.actor, invitationToken, { acknowledged: true });
    expect(result.ok).toBe(true);
    expect((await request("/home", token)).actor?.memberships).toMatchObject([{ organizationName: "Tailspin", kind: "customer", roles: ["global_admin"] }]);
  });
});
