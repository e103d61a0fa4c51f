/**
 * Where a sign-in returns to, through the real pieces: Auth.js's own magic-link callback (its
 * handler, its adapter, our redirect callback) and the /signin page a signed-in visitor opens. A
 * sign-in link's callbackUrl is chosen by whoever asks for the link, so a genuine email from us
 * could carry `/signin?callbackUrl=/.//evil.example/phish`: the chain must end on this site.
 */
import { createHash, randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { verificationTokens } from "@/db/schema";
import { capture, harness, loadApp, unloadApp } from "../support/action-harness";
import { freshDatabase, userIdOf } from "../support/fixtures";

const ORIGIN = "http://localhost:3000";
const SECRET = "sign-in-return-test-secret-0123456789abcdef";
const PHISH = "/.//evil.example/phish";

/** A sign-in link as Auth.js emails it, for a token written the way Auth.js writes it (hashed with the secret). */
async function signInLink(db: Db, email: string, callbackUrl: string): Promise<string> {
  const token = randomBytes(32).toString("hex");
  await db.insert(verificationTokens).values({
    identifier: email,
    token: createHash("sha256").update(`${token}${SECRET}`).digest("hex"),
    expires: new Date(Date.now() + 10 * 60_000),
  });
  return `${ORIGIN}/api/auth/callback/resend?${new URLSearchParams({ callbackUrl, token, email })}`;
}

describe("a sign-in link's callbackUrl, through Auth.js's own callback", () => {
  let db: Db;
  let GET: (request: NextRequest) => Promise<Response>;

  beforeAll(async () => {
    vi.stubEnv("AUTH_SECRET", SECRET);
    vi.resetModules();
    db = await freshDatabase();
    ({ GET } = await import("@/app/api/auth/[...nextauth]/route"));
  });

  afterAll(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  async function follow(callbackUrl: string): Promise<string> {
    const response = await GET(new NextRequest(await signInLink(db, "admin@contoso.example", callbackUrl)));
    expect(response.status).toBe(302);
    expect(response.headers.get("set-cookie")).toContain("authjs.session-token=");
    return response.headers.get("location") ?? "";
  }

  it("returns to the page the link names on this site", async () => {
    expect(await follow(`${ORIGIN}/partner/requests?status=new`)).toBe(`${ORIGIN}/partner/requests?status=new`);
    expect(await follow("/admin")).toBe(`${ORIGIN}/admin`);
  });

  it.each([PHISH, `${ORIGIN}${PHISH}`, "https://evil.example/phish", "//evil.example/phish", `${ORIGIN}/x/..//evil.example`])(
    "sends a link with callbackUrl %s home instead",
    async (callbackUrl) => {
      expect(await follow(callbackUrl)).toBe(`${ORIGIN}/home`);
    },
  );

  it("keeps a same-site /signin?callbackUrl=… whose own return path the page then judges", async () => {
    const location = await follow(`/signin?callbackUrl=${encodeURIComponent(PHISH)}`);
    expect(location).toBe(`${ORIGIN}/signin?callbackUrl=${encodeURIComponent(PHISH)}`);
  });
});

describe("Auth.js's own routes, whatever callback URL they are handed", () => {
  let db: Db;
  let route: { GET: (request: NextRequest) => Promise<Response>; POST: (request: NextRequest) => Promise<Response> };
  const HOSTILE = ["javascript:alert(1)", "\\\\evil.example", "%2F.%2F%2Fevil.example", "\uFF0F\uFF0Fevil.example", `${ORIGIN}.evil.example/`, "%00", "data:text/html,x", ""];

  beforeAll(async () => {
    vi.stubEnv("AUTH_SECRET", SECRET);
    vi.resetModules();
    db = await freshDatabase();
    route = await import("@/app/api/auth/[...nextauth]/route");
  });

  afterAll(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it.each(["session", "csrf", "providers", "signin", "signout"])("/api/auth/%s answers a hostile callback URL in its query or cookie without a 500, and never points away", async (action) => {
    for (const value of HOSTILE) {
      for (const request of [
        new NextRequest(`${ORIGIN}/api/auth/${action}?${new URLSearchParams({ callbackUrl: value })}`),
        new NextRequest(`${ORIGIN}/api/auth/${action}`, { headers: { cookie: `authjs.callback-url=${encodeURIComponent(value)}` } }),
      ]) {
        const response = await route.GET(request);
        expect(response.status, `${action} ${JSON.stringify(value)}`).toBeLessThan(500);
        const location = response.headers.get("location");
        if (location) expect(new URL(location, ORIGIN).origin).toBe(ORIGIN);
      }
    }
  });

  it("a magic link carrying a hostile callback cookie still signs in, and lands on this site", async () => {
    const link = await signInLink(db, "admin@contoso.example", "/admin");
    const response = await route.GET(new NextRequest(link, { headers: { cookie: "authjs.callback-url=javascript%3Aalert(1)" } }));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${ORIGIN}/admin`);
  });
});

describe("the /signin page, for someone already signed in", () => {
  let db: Db;
  let SignInPage: (props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) => Promise<unknown>;

  beforeAll(async () => {
    await loadApp();
    db = await freshDatabase();
    SignInPage = (await import("@/app/(auth)/signin/page")).default;
  });

  afterAll(() => {
    unloadApp();
  });

  async function openSignIn(callbackUrl: string | string[] | undefined) {
    harness.reset(await userIdOf(db, "admin@contoso.example"));
    return capture(() => SignInPage({ searchParams: Promise.resolve({ callbackUrl }) }));
  }

  it("sends them to the page they asked for", async () => {
    expect(await openSignIn("/partner/requests?status=new")).toEqual({ kind: "redirect", url: "/partner/requests?status=new" });
    expect(await openSignIn(undefined)).toEqual({ kind: "redirect", url: "/home" });
  });

  it.each([PHISH, "/x/..//evil.example", "/./%2Fevil.example", "/\t/evil.example", "/\\evil.example", "/%2e%2e//evil.example"])(
    "sends them home instead of to %j",
    async (callbackUrl) => {
      expect(await openSignIn(callbackUrl)).toEqual({ kind: "redirect", url: "/home" });
    },
  );

  it("ends on this site after the whole chain a hostile sign-in email sets up", async () => {
    // What Auth.js's callback redirected to above, as the page reads it from its query.
    const query = new URL(`${ORIGIN}/signin?callbackUrl=${encodeURIComponent(PHISH)}`).searchParams;
    expect(await openSignIn(query.get("callbackUrl") ?? undefined)).toEqual({ kind: "redirect", url: "/home" });
  });
});
