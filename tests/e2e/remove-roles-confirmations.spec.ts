import { expect, test } from "./fixtures";
import { acceptInvitationAs, sendInvitation } from "./helpers";

/*
 * The Remove roles? confirmations name exactly what ends, per relationship type, before Yes.
 * Northwind has no partner relationship in the other browser tests, so these start from a known state.
 */

test("Remove roles? on an Advisor-only relationship says the relationship ends, and it does", async ({ pageAs }) => {
  const link = await sendInvitation(await pageAs("agent@adatum.example"), { to: "admin@northwind.example", type: /^Advisor/ });
  const page = await pageAs("admin@northwind.example");
  await acceptInvitationAs(page, link, "admin@northwind.example");
  await page.getByRole("link", { name: "Adatum Consulting", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Adatum Consulting" })).toBeVisible();

  await page.getByRole("button", { name: "Remove roles", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Remove roles?" });
  await expect(dialog).toContainText("Helpdesk administrator — granted by Advisor, with no end date");
  await expect(dialog).toContainText("The Advisor relationship ends.");
  await expect(dialog).toContainText("The relationship with Adatum Consulting ends: no relationship type is left.");
  await expect(dialog).not.toContainText("stays");
  await expect(dialog).not.toContainText("contact Adatum Consulting");
  await dialog.getByRole("button", { name: "Yes" }).click();

  await expect(page.getByText("The partner's admin roles were removed, and with them the relationship: no relationship type is left.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Relationship types" }).or(page.locator("section[aria-labelledby=types]"))).toContainText("Terminated");
  await expect(page.getByText("This relationship has ended: no relationship type is in force.")).toBeVisible();
});

test("a role two types grant: per-role Remove confirms in a dialog with JavaScript and on a page without, naming the type and what stays", async ({
  pageAs,
}) => {
  const agent = await pageAs("agent@fabrikam.example");
  const page = await pageAs("admin@northwind.example");
  for (const options of [
    { type: /^Granular delegated administrator/, roles: [/^Helpdesk administrator/], durationDays: 30 },
    { type: /^Delegated administrator/ },
  ]) {
    await acceptInvitationAs(page, await sendInvitation(agent, { to: "admin@northwind.example", ...options }), "admin@northwind.example");
  }
  await page.getByRole("link", { name: "Fabrikam Partners", exact: true }).click();
  const roles = page.locator("section[aria-labelledby=roles]");
  // Each grant is its own row: the type that grants it and until when.
  const gdapRow = roles.getByRole("row").filter({ hasText: "Helpdesk administrator" }).filter({ hasText: "Granular delegated administrator" });
  const daRow = roles.getByRole("row").filter({ hasText: "Helpdesk administrator" }).filter({ hasText: /^(?!.*Granular).*Delegated administrator/ });
  await expect(gdapRow).toHaveCount(1);
  await expect(daRow).toHaveCount(1);
  await expect(daRow).toContainText("No end date");

  // With JavaScript: a dialog naming the role, the type that grants it and what else ends.
  await gdapRow.getByRole("button", { name: "Remove Helpdesk administrator granted by Granular delegated administrator" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove Helpdesk administrator?" });
  await expect(dialog).toContainText(/Helpdesk administrator — granted by Granular delegated administrator, until \w{3} \d{1,2}, \d{4}/);
  await expect(dialog).toContainText("The Granular delegated administrator relationship ends.");
  await expect(dialog).toContainText("The relationship stays: Fabrikam Partners remains your Delegated administrator.");
  await expect(dialog).not.toContainText("contact Fabrikam Partners");
  await dialog.getByRole("button", { name: "No" }).click();
  await expect(dialog).toBeHidden();
  await expect(gdapRow).toHaveCount(1);

  // Remove roles? with every role: both types end, and with them the relationship.
  await page.getByRole("button", { name: "Remove roles", exact: true }).click();
  const all = page.getByRole("dialog", { name: "Remove roles?" });
  await expect(all).toContainText("The Granular delegated administrator relationship ends.");
  await expect(all).toContainText("The Delegated administrator relationship ends.");
  await expect(all).toContainText("The relationship with Fabrikam Partners ends");
  await all.getByRole("button", { name: "No" }).click();

  // Without JavaScript: the same question on a page.
  const noJs = await pageAs("admin@northwind.example", { javaScriptEnabled: false });
  await noJs.goto(page.url());
  // Without JavaScript, rows streamed after their table show below it: look in the whole page.
  await noJs.getByRole("button", { name: "Remove Helpdesk administrator granted by Granular delegated administrator" }).click();
  await expect(noJs.getByRole("heading", { level: 1, name: "Remove Helpdesk administrator?" })).toBeVisible();
  await expect(noJs.getByTestId("removal-summary")).toContainText("The Granular delegated administrator relationship ends.");
  await noJs.getByRole("button", { name: "Yes" }).click();
  await expect(noJs.getByText("The role was removed.")).toBeVisible();
  // (Rows of roles in force, each with its Remove; the access history's rows name roles too.)
  const left = noJs.getByRole("row").filter({ hasText: "Helpdesk administrator" }).filter({ has: noJs.getByRole("button", { name: /^Remove Helpdesk administrator/ }) });
  await expect(left).toHaveCount(1);
  await expect(left).toContainText("Delegated administrator");
  await expect(left).not.toContainText("Granular");
});
