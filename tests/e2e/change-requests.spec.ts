import type { Page } from "@playwright/test";
import { expect, test, type PageAs } from "./fixtures";
import { acceptInvitationAs, openLatestEmail, sendInvitation } from "./helpers";

/** A customer organization of the test's own, with Fabrikam's granular delegated access accepted as asked. */
async function customerWithGdap(pageAs: PageAs, durationDays: number) {
  const stamp = Date.now().toString(36);
  const customer = { email: `admin@proseware${stamp}.example`, name: `Proseware${stamp}` };
  const agent = await pageAs("agent@fabrikam.example");
  const link = await sendInvitation(agent, { to: customer.email, type: /^Granular delegated administrator/, roles: [/^Helpdesk administrator/], durationDays });
  const admin = await pageAs(customer.email);
  await acceptInvitationAs(admin, link, customer.email);
  return { customer, agent, admin };
}

async function openCustomer(agent: Page, name: string) {
  await agent.goto(`/partner/customers?q=${encodeURIComponent(name)}`);
  await agent.getByRole("link", { name, exact: true }).click();
  await expect(agent.getByRole("heading", { level: 1, name })).toBeVisible();
}

const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("an amendment asks for more access; the customer reviews the diff and approves it", async ({ pageAs }) => {
  const { customer, agent, admin } = await customerWithGdap(pageAs, 90);
  await openCustomer(agent, customer.name);
  const change = agent.getByRole("region", { name: "Change the access" });
  // The picker offers roles from least to most privileged, Global administrator last.
  const names = await change.getByRole("checkbox").evaluateAll((boxes) => boxes.map((b) => (b.closest("label")?.textContent ?? "").trim()));
  expect(names[0]).toMatch(/^Directory readers/);
  expect(names.at(-1)).toMatch(/^Global administrator/);
  await expect(change.getByRole("checkbox", { name: /^Helpdesk administrator/ })).toBeChecked();
  await change.getByRole("checkbox", { name: /^Exchange administrator/ }).check();
  await change.getByLabel("End date").fill(dayFromToday(150));
  await change.getByLabel("Message").fill("For the mailbox migration.");
  await change.getByRole("button", { name: "Propose change" }).click();
  await expect(agent.getByText("Change request sent. Nothing changes until the customer approves it.")).toBeVisible();
  await expect(agent.getByText(/Change request waiting for .*'s answer/)).toBeVisible();

  // The customer's email leads to the diff.
  await openLatestEmail(admin, customer.email, `Fabrikam Partners asks for more access in ${customer.name}`);
  await admin.getByRole("region", { name: "Links in this message" }).getByRole("link", { name: "Review the change" }).click();
  const request = admin.getByRole("region", { name: "Change requested" });
  await expect(request).toContainText("+ Exchange administrator Highly privileged");
  await expect(request).toContainText(/End date: .* → /);
  await expect(request).toContainText("For the mailbox migration.");
  await expect(request.getByRole("checkbox", { name: /^Exchange administrator/ })).toBeChecked();
  await request.getByRole("button", { name: "Approve" }).click();
  await expect(admin.getByText("You approved the change. The partner was told.")).toBeVisible();
  await expect(admin.getByRole("region", { name: "Admin roles in force" }).getByRole("row", { name: /Exchange administrator/ })).toBeVisible();
  await expect(admin.getByRole("region", { name: "Access history" })).toContainText("Change request approved");

  // Giving a role up needs no approval: it applies at once.
  await openCustomer(agent, customer.name);
  await change.getByRole("checkbox", { name: /^Helpdesk administrator/ }).uncheck();
  await change.getByRole("button", { name: "Propose change" }).click();
  await expect(agent.getByText("Done: the roles you gave up and an earlier end apply now. The customer was told.")).toBeVisible();
  await expect(agent.getByRole("region", { name: "Admin roles in force" }).getByRole("cell", { name: "Helpdesk administrator" })).toHaveCount(0);
});

test("renewal from a notice: the partner requests it from the 30-day email, the customer approves it", async ({ pageAs, request }) => {
  const { customer, agent, admin } = await customerWithGdap(pageAs, 20);
  const sweep = await request.post("/api/jobs/sweep", { headers: { authorization: "Bearer e2e-cron-secret" } });
  expect(sweep.status()).toBe(200);

  await openLatestEmail(agent, "agent@fabrikam.example", `Your access to ${customer.name} ends in 30 days`);
  await agent.getByRole("region", { name: "Links in this message" }).getByRole("link", { name: "Request renewal" }).click();
  const renewal = agent.getByRole("region", { name: "Request renewal" });
  await renewal.getByLabel("End date").fill(dayFromToday(200));
  await renewal.getByRole("button", { name: "Request renewal" }).click();
  await expect(agent.getByText("Renewal requested. The customer's Global administrators were told by email.")).toBeVisible();

  await openLatestEmail(admin, customer.email, `Fabrikam Partners asks to renew its access to ${customer.name}`);
  await admin.getByRole("region", { name: "Links in this message" }).getByRole("link", { name: "Review the renewal" }).click();
  const asked = admin.getByRole("region", { name: "Renewal requested" });
  await expect(asked).toContainText(/End date: .* → /);
  await asked.getByRole("button", { name: "Approve" }).click();
  await expect(admin.getByText("You approved the change. The partner was told.")).toBeVisible();
  await expect(admin.getByRole("region", { name: "Relationship types" })).toContainText(/ends .*2027/);
});

test("End relationship: the customer ends every type, Reseller included, after a dialog naming what ends", async ({ pageAs }) => {
  const { customer, agent, admin } = await customerWithGdap(pageAs, 90);
  const reseller = await sendInvitation(agent, { to: customer.email, type: /^Reseller You/ });
  await acceptInvitationAs(admin, reseller, customer.email);
  await admin.getByRole("table").getByRole("link", { name: "Fabrikam Partners", exact: true }).click();
  const end = admin.getByRole("region", { name: "Ending the relationship" });
  await end.getByRole("button", { name: "End relationship" }).click();
  const dialog = admin.getByRole("dialog", { name: "End relationship?" });
  await expect(dialog).toContainText("Granular delegated administrator");
  await expect(dialog).toContainText("Reseller");
  await expect(dialog).toContainText("Admin roles: Helpdesk administrator");
  await dialog.getByRole("button", { name: "Yes" }).click();
  await expect(admin.getByText("The relationship ended: every relationship type and admin role. The partner was told.")).toBeVisible();
  await expect(admin.getByRole("region", { name: "Relationship types" }).getByText("Terminated")).toHaveCount(2);
  await expect(admin.getByText(/Fabrikam Partners holds no admin roles/)).toBeVisible();
  await openLatestEmail(agent, "agent@fabrikam.example", new RegExp(`${customer.name}`));
});

test("the advisor: the partner states a task, the customer's review marks the role it doesn't need", async ({ pageAs }) => {
  const stamp = Date.now().toString(36);
  const customerEmail = `admin@adventureworks${stamp}.example`;
  const agent = await pageAs("agent@fabrikam.example");
  await agent.goto("/partner/invitations/new");
  await agent.getByLabel("Customer email").fill(customerEmail);
  await agent.getByRole("radio", { name: /^Granular delegated administrator/ }).check();
  // Ticking a task ticks its least-privileged role.
  await agent.getByRole("checkbox", { name: "Assign and manage licences" }).check();
  await expect(agent.getByRole("checkbox", { name: /^License administrator/ })).toBeChecked();
  await agent.getByRole("checkbox", { name: /^Exchange administrator/ }).check();
  await agent.getByRole("button", { name: "Send invitation" }).click();
  await expect(agent.getByText(/Invitation sent to/)).toBeVisible();
  await openLatestEmail(agent, customerEmail, /invites you to a/);
  const link = (await agent.getByRole("region", { name: "Links in this message" }).getByRole("link", { name: "Review the request" }).getAttribute("href")) as string;

  const customer = await pageAs(customerEmail);
  await customer.goto(link);
  await expect(customer.getByText("Assign and manage licences")).toBeVisible();
  await expect(customer.getByRole("checkbox", { name: /^Exchange administrator Highly privileged Not needed for the tasks listed/ })).toBeVisible();
  await expect(customer.getByRole("checkbox", { name: /^License administrator Assigns/ })).toBeVisible();
});
