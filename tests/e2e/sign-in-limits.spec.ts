import { randomUUID } from "node:crypto";
import http from "node:http";
import { expect, test } from "@playwright/test";
import { startForwardingProxy } from "../support/forwarding-proxy";

/**
 * Auth.js's own endpoint (POST /api/auth/signin/resend) is a second door to sign-in links. It must
 * count against the same limits as the app's form, and no header a client writes may reset them.
 *
 * The server runs behind one trusted proxy (TRUSTED_PROXY_HOPS=1 in playwright.config.ts): these
 * requests go through a forwarding proxy that appends the address it received from to X-Forwarded-For,
 * as nginx's `$proxy_add_x_forwarded_for` does, while the client forges X-Forwarded-For and X-Real-IP.
 * Each test connects to the proxy from its own loopback address (127.0.0.0/8 is all loopback), so its
 * client limit is its own and the browser tests' (straight to the server, counted as 127.0.0.1) are untouched.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
let proxy: Awaited<ReturnType<typeof startForwardingProxy>> | undefined;

test.beforeAll(async () => {
  proxy = await startForwardingProxy({ host: "127.0.0.1", port: PORT });
});

test.afterAll(async () => {
  await proxy?.close();
  proxy = undefined;
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request from the loopback address `from`, to the server itself or through the forwarding proxy. */
function send(from: string, method: string, path: string, headers: Record<string, string>, body?: string, via: "direct" | "proxy" = "proxy"): Promise<Reply> {
  const port = via === "direct" ? PORT : proxy?.port;
  if (!port) throw new Error("the forwarding proxy is not running");
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, localAddress: from, method, path, headers }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

async function requestLinkThroughAuthJs(from: string, email: string, forged: string) {
  const csrf = await send(from, "GET", "/api/auth/csrf", {});
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const form = new URLSearchParams({ email, csrfToken, callbackUrl: "/home" }).toString();
  const response = await send(
    from,
    "POST",
    "/api/auth/signin/resend",
    {
      cookie,
      "content-type": "application/x-www-form-urlencoded",
      "content-length": String(Buffer.byteLength(form)),
      "x-forwarded-for": forged,
      "x-real-ip": forged,
    },
    form,
  );
  // Over the limit the answer is the same as under it ("check your email"): nothing tells the caller which.
  expect(response.status).toBe(302);
  expect(response.headers.location).toMatch(/\/api\/auth\/verify-request\?/);
}

async function linksSentTo(pattern: RegExp): Promise<number> {
  const html = (await send("127.0.0.1", "GET", "/dev/mailbox", {}, undefined, "direct")).body;
  return [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].filter((m) => pattern.test(m[1] ?? "")).length;
}

test("Auth.js's own sign-in endpoint sends at most 10 links an hour to one address, whatever the forwarding headers say", async () => {
  const email = `flood-${randomUUID().slice(0, 8)}@example.com`;
  for (let i = 0; i < 14; i++) await requestLinkThroughAuthJs("127.0.0.21", email, `198.51.100.${i + 1}`);
  expect(await linksSentTo(new RegExp(`^${email}$`))).toBe(10);
});

test("one client gets at most 100 links an hour, and a forged X-Forwarded-For does not reset its count", async () => {
  const batch = randomUUID().slice(0, 8);
  for (let i = 0; i < 103; i++) await requestLinkThroughAuthJs("127.0.0.22", `spray-${batch}-${i}@example.com`, `203.0.113.${i + 1}`);
  expect(await linksSentTo(new RegExp(`^spray-${batch}-\\d+@example\\.com$`))).toBe(100);
});
