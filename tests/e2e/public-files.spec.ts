import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";

/** What public/ and the manifest route serve, as a crawler, a browser's tab and a home screen ask for them. */

async function fetchOk(request: APIRequestContext, path: string, contentType: RegExp) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"], path).toMatch(contentType);
  // The security headers of every response (next.config.mjs); the page policy is the proxy's, for pages only.
  expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
  return response;
}

/** RFC 9309: the longest matching rule decides ("*" any run of characters, "$" the end), Allow on a tie; no rule allows. */
function allowedBy(robots: string, path: string): boolean {
  const rules = robots
    .split("\n")
    .map((line) => line.replace(/#.*/, "").trim())
    .map((line) => /^(allow|disallow):\s*(\S*)$/i.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && match[2] !== "")
    .map(([, kind, pattern]) => ({
      allow: kind!.toLowerCase() === "allow",
      length: pattern!.length,
      test: new RegExp(`^${pattern!.replace(/[.+?^{}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}`),
    }));
  const matching = rules.filter((rule) => rule.test.test(path)).sort((a, b) => b.length - a.length || Number(b.allow) - Number(a.allow));
  return matching[0]?.allow ?? true;
}

test("robots.txt is plain text that admits the public pages and keeps crawlers out of everything else", async ({ request }) => {
  const robots = await (await fetchOk(request, "/robots.txt", /^text\/plain/)).text();
  expect(robots).toMatch(/^User-agent: \*$/m);
  for (const path of ["/", "/partners", "/partners?location=US&q=security", "/partners/fabrikam-partners", "/legal/customer-agreement"]) {
    expect(allowedBy(robots, path), `${path} may be crawled`).toBe(true);
  }
  for (const path of [
    "/admin",
    "/admin/settings/partner-relationships",
    "/admin/invitations/some-token",
    "/partner",
    "/partner/requests",
    "/home",
    "/signin",
    "/signin/check-email",
    "/api/auth/callback/resend?token=secret",
    "/dev/mailbox",
    "/partners/contact?sel=fabrikam-partners",
    "/partners/contact/sent/8c5d3d8e-2f4b-4c1e-9a77-0b8f7b5b9e11",
    "/status",
  ]) {
    expect(allowedBy(robots, path), `${path} may not be crawled`).toBe(false);
  }
});

test("the icons are served, and pages link the SVG icon and the manifest", async ({ request, visitor }) => {
  const png = await (await fetchOk(request, "/apple-touch-icon.png", /^image\/png/)).body();
  // A PNG's IHDR: width and height, big-endian, at bytes 16 and 20.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([180, 180]);
  const ico = await (await fetchOk(request, "/favicon.ico", /^image\/(x-icon|vnd\.microsoft\.icon)/)).body();
  expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
  await fetchOk(request, "/icon.svg", /^image\/svg\+xml/);

  await visitor.goto("/partners");
  await expect(visitor.locator('head link[rel="icon"][type="image/svg+xml"]')).toHaveAttribute("href", /^\/icon\.svg/);
  await expect(visitor.locator('head link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
});

test("the web app manifest names Partnerships and every icon it lists is served as declared", async ({ request }) => {
  const manifest = (await (await fetchOk(request, "/manifest.webmanifest", /^application\/manifest\+json/)).json()) as {
    name: string;
    short_name: string;
    start_url: string;
    display: string;
    icons: { src: string; sizes: string; type: string }[];
  };
  expect(manifest).toMatchObject({ name: "Partnerships", short_name: "Partnerships", start_url: "/" });
  expect(manifest.icons.length).toBeGreaterThan(0);
  for (const icon of manifest.icons) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()["content-type"], icon.src).toContain(icon.type);
  }
});

test("security.txt follows RFC 9116 and has not expired", async ({ request }) => {
  const text = await (await fetchOk(request, "/.well-known/security.txt", /^text\/plain/)).text();
  const field = (name: string) => new RegExp(`^${name}: (.+)$`, "m").exec(text)?.[1]?.trim();
  expect(field("Contact")).toMatch(/^(mailto:|https:\/\/)/);
  expect(field("Preferred-Languages")).toBe("en");
  expect(field("Canonical")).toMatch(/^https:\/\/[^/]+\/\.well-known\/security\.txt$/);
  const expires = Date.parse(field("Expires") ?? "");
  expect(expires, "Expires is a date").not.toBeNaN();
  // The file says how long it may be trusted: renew it in public/.well-known/security.txt before then.
  expect(expires, "security.txt has expired").toBeGreaterThan(Date.now());
  expect(expires - Date.now(), "Expires is at most a year ahead").toBeLessThanOrEqual(366 * 24 * 60 * 60 * 1000);
});

test("static files skip the page policy, while an unknown address beside them is a page that gets it", async ({ request }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.headers()["content-security-policy"]).toBeUndefined();
  const missing = await request.get("/robots.txt.bak");
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});
