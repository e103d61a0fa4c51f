import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { sendInvitation, signInAs } from "./helpers";

async function expectAccessible(page: Page, path: string) {
  if (path) await page.goto(path);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}

test("public pages have no serious or critical accessibility violations", async ({ page }) => {
  for (const path of [
    "/",
    "/partners",
    "/partners?location=US&size=50-249&q=security",
    "/partners?q=zzqqxx",
    "/partners/fabrikam-partners",
    "/partners/contact?sel=fabrikam-partners&sel=adatum-consulting",
    "/signin",
    "/signin/check-email",
    "/legal/customer-agreement",
    "/dev/mailbox",
  ]) {
    await expectAccessible(page, path);
  }
  // A form with errors shown.
  await page.goto("/partners/contact?sel=fabrikam-partners");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expectAccessible(page, "");
});

test("partner portal and admin center pages have no serious or critical accessibility violations", async ({ page }) => {
  const link = await sendInvitation(page, { from: "agent@fabrikam.example", to: "admin@contoso.example", type: /^Partner Gets/ });
  await signInAs(page, "agent@fabrikam.example");
  for (const path of ["/partner", "/partner/requests", "/partner/invitations", "/partner/invitations/new", "/partner/customers"]) await expectAccessible(page, path);
  await page.goto("/partner/invitations");
  await page.getByRole("link", { name: "admin@contoso.example" }).first().click();
  await expectAccessible(page, "");

  await page.getByRole("button", { name: "Sign out" }).click();
  await signInAs(page, "admin@contoso.example");
  await expectAccessible(page, link);
  for (const path of ["/admin", "/admin/agreement", "/admin/settings/partner-relationships", "/admin/settings/domains"]) await expectAccessible(page, path);
  const details = page.getByRole("table").getByRole("link").first();
  if (await details.count()) {
    await details.click();
    await expectAccessible(page, "");
    const remove = page.getByRole("button", { name: "Remove roles" });
    if (await remove.count()) {
      await remove.click();
      await expect(page.getByRole("dialog", { name: "Remove roles?" })).toBeVisible();
      await expectAccessible(page, "");
    }
  }
});
