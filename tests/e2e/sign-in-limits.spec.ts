import { randomUUID } from "node:crypto";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";

/**
 * Auth.js's own endpoint (POST /api/auth/signin/resend) is a second door to sign-in links. It must
 * count against the same limits as the app's form, and no header a client writes may reset them.
 * Each test talks to the server from its own loopback address, so its client limit is its own.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);

async function clientAt(address: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: `http://${address}:${PORT}` });
}

async function requestLinkThroughAuthJs(client: APIRequestContext, email: string, forged: string) {
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await client.post("/api/auth/signin/resend", {
    form: { email, csrfToken, callbackUrl: "/home" },
    headers: { "x-forwarded-for": forged, "x-real-ip": forged, "x-partnerships-socket-address": forged },
    maxRedirects: 0,
  });
  // Over the limit the answer is the same as under it ("check your email"): nothing tells the caller which.
  expect(response.status()).toBe(302);
  expect(response.headers().location).toMatch(/\/api\/auth\/verify-request\?/);
}

async function linksSentTo(client: APIRequestContext, pattern: RegExp): Promise<number> {
  const html = await (await client.get("/dev/mailbox")).text();
  return [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].filter((m) => pattern.test(m[1] ?? "")).length;
}

test("Auth.js's own sign-in endpoint sends at most 10 links an hour to one address, whatever the forwarding headers say", async () => {
  const client = await clientAt("127.0.0.21");
  const email = `flood-${randomUUID().slice(0, 8)}@example.com`;
  for (let i = 0; i < 14; i++) await requestLinkThroughAuthJs(client, email, `198.51.100.${i + 1}`);
  expect(await linksSentTo(client, new RegExp(`^${email}$`))).toBe(10);
  await client.dispose();
});

test("one client gets at most 100 links an hour, and a forged X-Forwarded-For does not reset its count", async () => {
  const client = await clientAt("127.0.0.22");
  const batch = randomUUID().slice(0, 8);
  for (let i = 0; i < 103; i++) await requestLinkThroughAuthJs(client, `spray-${batch}-${i}@example.com`, `203.0.113.${i + 1}`);
  expect(await linksSentTo(client, new RegExp(`^spray-${batch}-\\d+@example\\.com$`))).toBe(100);
  await client.dispose();
});
