import type { Page } from "@playwright/test";
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

/** Every Content Security Policy violation the page reports from now on. */
function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** Opens the page, checks its headers, and lets its scripts run (the load event, then a frame) before counting violations. */
async function visit(page: Page, path: string) {
  const violations = cspViolations(page);
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  checkPolicy(response!.headers(), path);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  expect(violations, `CSP violations on ${path}`).toEqual([]);
}

// One page per test.
const PUBLIC_PAGES = ["/", "/partners?location=US&q=security", "/partners/fabrikam-partners", "/partners/contact?sel=fabrikam-partners", "/signin", "/legal/customer-agreement", "/status"];
const SIGNED_IN_PAGES = ["/admin", "/admin/settings/partner-relationships", "/admin/agreement"];

for (const path of PUBLIC_PAGES) {
  test(`${path} sends a nonce-based Content-Security-Policy and the security headers, and runs under it`, async ({ page }) => {
    await visit(page, path);
  });
}

test("scripts really run under the policy: the selection bar reacts to a checkbox", async ({ page }) => {
  const violations = cspViolations(page);
  await page.goto("/partners?location=US&q=security");
  await page.getByRole("checkbox").first().check();
  await expect(page.getByText("1 selected")).toBeVisible();
  expect(violations).toEqual([]);
});

for (const path of SIGNED_IN_PAGES) {
  test(`signed in, ${path} sends a nonce-based Content-Security-Policy and the security headers, and runs under it`, async ({ pageAs }) => {
    const page = await pageAs("billing@contoso.example");
    await visit(page, path);
  });
}

test("signed in, the admin center can never be framed", async ({ pageAs }) => {
  const page = await pageAs("billing@contoso.example");
  const admin = await page.request.get("/admin");
  expect(admin.headers()["x-frame-options"]).toBe("DENY");
});
