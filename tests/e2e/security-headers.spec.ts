import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

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

async function visit(page: Page, path: string, violations: string[]) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  checkPolicy(response!.headers(), path);
  expect(violations, `CSP violations on ${path}`).toEqual([]);
}

test("every page sends a nonce-based Content-Security-Policy and the security headers, and runs under it", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  for (const path of ["/", "/partners?location=US&q=security", "/partners/fabrikam-partners", "/partners/contact?sel=fabrikam-partners", "/signin", "/legal/customer-agreement", "/status"]) {
    await visit(page, path, violations);
  }
  // Scripts really run under the policy: the selection bar reacts to a checkbox.
  await page.goto("/partners?location=US&q=security");
  await page.getByRole("checkbox").first().check();
  await expect(page.getByText("1 selected")).toBeVisible();

  await signInAs(page, "billing@contoso.example");
  for (const path of ["/admin", "/admin/settings/partner-relationships", "/admin/agreement"]) await visit(page, path, violations);
  const admin = await page.request.get("/admin");
  expect(admin.headers()["x-frame-options"]).toBe("DENY");
  expect(violations).toEqual([]);
});
