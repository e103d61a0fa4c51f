import type { ConsoleMessage } from "@playwright/test";
import { expect, test } from "./fixtures";
import { acceptInvitationAs, openLatestEmail, sendInvitation, tabTo } from "./helpers";

/** The notice after Remove roles > Yes: the relationship stays with its other types, or ends with its last one. */
const REMOVED = /^The partner's admin roles were removed(\. The relationship stays with its other types\.|, and with them the relationship: no relationship type is left\.)$/;

test("Settings > Partner relationships > Remove roles > Yes keeps the partner as a Reseller and tells it", async ({ pageAs }) => {
  // The dialog's scroll lock writes a <style> element: it must carry the nonce, as styles need it.
  const violations: string[] = [];
  const listener = (message: ConsoleMessage) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  };
  const agent = await pageAs("agent@adatum.example");
  const page = await pageAs("admin@contoso.example");
  // The accounts' pages are shared by the tests of a worker: the listener goes at the end.
  for (const p of [agent, page]) p.on("console", listener);
  const link = await sendInvitation(agent, { to: "admin@contoso.example", type: /^Reseller & delegated administrator/ });
  await acceptInvitationAs(page, link, "admin@contoso.example");

  // 1. In the admin center, go to Settings > Partner relationships.
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin center" }).getByRole("link", { name: "Partner relationships" }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Adatum Consulting" }) });
  await expect(row).toContainText("Reseller & delegated administrator");
  await expect(row).toContainText("Global administrator");

  // 2–3. Select the row that contains the partner's name.
  await row.getByRole("link", { name: "Adatum Consulting" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Adatum Consulting" })).toBeVisible();

  // 4. Select Remove roles. 5. In the Remove roles? dialog, select Yes.
  await page.getByRole("button", { name: "Remove roles", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Remove roles?" });
  await expect(dialog).toContainText("Global administrator");
  await expect(dialog).toContainText("The Reseller & delegated administrator relationship ends; Adatum Consulting stays your Reseller.");
  await expect(dialog).toContainText("The relationship stays: Adatum Consulting remains your Reseller.");
  await dialog.getByRole("button", { name: "No" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Remove roles", exact: true }).click();
  await page.getByRole("dialog", { name: "Remove roles?" }).getByRole("button", { name: "Yes" }).click();

  await expect(page.getByText("The partner's admin roles were removed. The relationship stays with its other types.")).toBeVisible();
  await expect(page.getByText("Adatum Consulting holds no admin roles in Contoso.")).toBeVisible();
  expect(violations).toEqual([]);
  await expect(page.getByRole("button", { name: "Remove roles", exact: true })).toHaveCount(0);
  await page.getByRole("link", { name: "Partner relationships" }).first().click();
  const after = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Adatum Consulting" }) });
  await expect(after.getByRole("cell").nth(1)).toHaveText("Reseller");
  await expect(after.getByRole("cell").nth(2)).toHaveText("None");

  // The partner received an email.
  await openLatestEmail(page, "agent@adatum.example", "Contoso removed your admin roles");
  for (const p of [agent, page]) p.off("console", listener);
});

test("the same flow with the keyboard alone", async ({ pageAs }) => {
  const link = await sendInvitation(await pageAs("agent@adatum.example"), {
    to: "billing@contoso.example",
    type: /^Granular delegated administrator/,
    roles: [/^User administrator/],
    durationDays: 30,
  });
  const page = await pageAs("billing@contoso.example");
  await acceptInvitationAs(page, link, "billing@contoso.example");

  await page.goto("/admin/settings/partner-relationships");
  await tabTo(page, "Adatum Consulting");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Adatum Consulting" })).toBeVisible();
  await tabTo(page, "Remove roles");
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Remove roles?" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Remove roles", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await tabTo(page, "Yes", 10);
  await page.keyboard.press("Enter");
  // Whether the relationship stays depends on the types Adatum had with Contoso before (other tests add some).
  await expect(page.getByText(REMOVED)).toBeVisible();
});

test("Remove roles works without JavaScript through a confirmation page", async ({ pageAs }) => {
  const link = await sendInvitation(await pageAs("agent@fabrikam.example"), {
    to: "admin@contoso.example",
    type: /^Granular delegated administrator/,
    roles: [/^Reports reader/],
    durationDays: 60,
  });
  await acceptInvitationAs(await pageAs("admin@contoso.example"), link, "admin@contoso.example");
  // Signing in without JavaScript is tested in sign-in.spec.ts.
  const page = await pageAs("admin@contoso.example", { javaScriptEnabled: false });
  await page.goto("/admin/settings/partner-relationships?type=gdap");
  await page.getByRole("table").getByRole("link", { name: "Fabrikam Partners", exact: true }).click();
  await page.getByRole("button", { name: "Remove roles", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Remove roles?" })).toBeVisible();
  await page.getByRole("button", { name: "Yes" }).click();
  await expect(page.getByText(REMOVED)).toBeVisible();
});

test("a Global reader may look but not remove; a Helpdesk administrator and a user without an admin role see no partner", async ({ pageAs }) => {
  const page = await pageAs("reader@contoso.example");
  await page.goto("/admin/settings/partner-relationships");
  await page.getByRole("table").getByRole("link", { name: "Adatum Consulting", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Adatum Consulting" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove roles", exact: true })).toHaveCount(0);
  const csv = await page.request.get("/admin/settings/partner-relationships/export");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain('"Adatum Consulting","Reseller');

  for (const email of ["helpdesk@contoso.example", "user@contoso.example"]) {
    const other = await pageAs(email);
    await other.goto("/admin/settings/partner-relationships");
    await expect(other.getByText("Partner relationships are for Global administrators, Billing administrators and Global readers")).toBeVisible();
    await expect(other.locator("main")).not.toContainText("Adatum");
    await expect(other.getByRole("navigation", { name: "Admin center" }).getByRole("link", { name: "Partner relationships" })).toHaveCount(0);
    expect((await other.request.get("/admin/settings/partner-relationships/export")).status()).toBe(403);
  }
});
