import { expect, test } from "./fixtures";
import { acceptInvitationAs, sendInvitation } from "./helpers";

// The relationship lists search, filter and page on the server: a GET form and links, so they work without JavaScript.

test("the partner's Customers list searches by name and filters by GDAP status, without JavaScript", async ({ pageAs, page }) => {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const customer = { email: `admin@wingtip${stamp}.example`, name: `Wingtip${stamp}` };
  const link = await sendInvitation(await pageAs("agent@fabrikam.example"), { to: customer.email, type: /^Granular delegated administrator/, roles: [/^Helpdesk administrator/], durationDays: 20 });
  await acceptInvitationAs(page, link, customer.email);

  const agent = await pageAs("agent@fabrikam.example", { javaScriptEnabled: false });
  await agent.goto("/partner/customers");
  await agent.getByLabel("Search by name").fill(customer.name.toUpperCase());
  await agent.getByLabel("GDAP status").selectOption({ label: "Expiring" });
  await agent.getByRole("button", { name: "Apply" }).click();
  await expect(agent).toHaveURL(/status=expiring/);
  const table = agent.getByRole("table");
  await expect(table.getByRole("link", { name: customer.name })).toBeVisible();
  await expect(table).toContainText("1 customer match");

  await agent.getByLabel("GDAP status").selectOption({ label: "Expired" });
  await agent.getByRole("button", { name: "Apply" }).click();
  await expect(agent.getByText("No customers match")).toBeVisible();
  await agent.getByRole("link", { name: "Clear the filters" }).click();
  await expect(agent).toHaveURL(/\/partner\/customers$/);
  await expect(agent.getByRole("table")).toContainText(/\d+ customers?\b/);
});
