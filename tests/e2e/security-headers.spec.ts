import type { ConsoleMessage, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

function checkPolicy(headers: Record<string, string>, path: string) {
  const csp = headers["content-security-policy"] ?? "";
  const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
  expect(scriptSrc, path).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc, path).not.toContain("unsafe-inline");
  expect(csp, path).toContain("frame-ancestors 'none'");
  const styleSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("style-src")) ?? "";
  expect(styleSrc, path).not.toContain("unsafe-inline");
  expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"], path).toBe("nosniff");
  expect(headers["strict-transport-security"], path).toContain("max-age=");
}

/**
 * Runs `body` and returns every Content Security Policy violation the page reported meanwhile. The
 * listener goes when it ends: the visitor's and the accounts' pages are shared by the tests of a worker.
 */
async function cspViolationsDuring(page: Page, body: () => Promise<void>): Promise<string[]> {
  const violations: string[] = [];
  const listener = (message: ConsoleMessage) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  };
  page.on("console", listener);
  try {
    await body();
    // The scripts ran up to the load event; one frame more lets what they queued run too.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  } finally {
    page.off("console", listener);
  }
  return violations;
}

/** Opens the page, checks its headers, and that it runs under the policy without a violation. */
async function visit(page: Page, path: string) {
  const violations = await cspViolationsDuring(page, async () => {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    checkPolicy(response!.headers(), path);
  });
  expect(violations, `CSP violations on ${path}`).toEqual([]);
}

// One page per test.
const PUBLIC_PAGES = ["/", "/partners?location=US&q=security", "/partners/fabrikam-partners", "/partners/contact?sel=fabrikam-partners", "/signin", "/legal/customer-agreement", "/status"];
const SIGNED_IN_PAGES = ["/admin", "/admin/settings/partner-relationships", "/admin/agreement"];

for (const path of PUBLIC_PAGES) {
  test(`${path} sends a nonce-based Content-Security-Policy and the security headers, and runs under it`, async ({ visitor }) => {
    await visit(visitor, path);
  });
}

test("scripts really run under the policy: the selection bar reacts to a checkbox", async ({ visitor }) => {
  const violations = await cspViolationsDuring(visitor, async () => {
    await visitor.goto("/partners?location=US&q=security");
    await visitor.getByRole("checkbox").first().check();
    await expect(visitor.getByText("1 selected")).toBeVisible();
  });
  expect(violations).toEqual([]);
});

for (const path of SIGNED_IN_PAGES) {
  test(`signed in, ${path} sends a nonce-based Content-Security-Policy and the security headers, and runs under it`, async ({ pageAs }) => {
    await visit(await pageAs("billing@contoso.example"), path);
  });
}

test("signed in, the admin center can never be framed", async ({ pageAs }) => {
  const page = await pageAs("billing@contoso.example");
  const admin = await page.request.get("/admin");
  expect(admin.headers()["x-frame-options"]).toBe("DENY");
});
