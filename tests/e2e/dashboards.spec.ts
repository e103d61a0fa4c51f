import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { acceptInvitationAs, sendInvitation } from "./helpers";

/** A customer organization of the test's own: accepting an invitation to a new domain creates it. */
function freshCustomer() {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  return { email: `admin@tailspin${stamp}.example`, name: `Tailspin${stamp}` };
}

/** The number a count card of the partner Overview shows, by the card's heading ("3 Pending invitations"). */
async function overviewCount(page: Page, label: RegExp): Promise<number> {
  const heading = page.getByRole("heading", { level: 2, name: label });
  const text = (await heading.textContent()) ?? "";
  const match = /^\s*(\d[\d,]*)/.exec(text);
  if (!match) throw new Error(`No count in "${text}"`);
  return Number(match[1]!.replace(/,/g, ""));
}

test("the admin Home lists the invitations that wait for an answer, each with its review link", async ({ pageAs }) => {
  const to = `it-${Date.now().toString(36)}@northwind.example`;
  await sendInvitation(await pageAs("agent@adatum.example"), { to, type: /^Line-of-business/ });

  const admin = await pageAs("admin@northwind.example");
  await admin.goto("/admin");
  const pending = admin.getByRole("region", { name: /waits? for your answer$/ });
  await expect(pending.getByRole("heading", { level: 2 })).toHaveText(/^\d+ invitations? waits? for your answer$/);
  await expect(admin.getByText("You don't work with any partner yet.")).toHaveCount(0);
  await expect(admin.getByRole("region", { name: "Recent activity" }).getByRole("link", { name: "See all activity" })).toHaveAttribute("href", "/admin/activity");
  // The Home lists the ten oldest; every invitation waiting is on its own page, 50 a page.
  await admin.goto("/admin/invitations");
  await expect(admin.getByRole("heading", { level: 1, name: "Invitations waiting for your answer" })).toBeVisible();
  const row = admin.getByRole("row").filter({ hasText: "Line-of-business (LOB) partner" }).filter({ hasText: "Adatum Consulting" });
  await row.first().getByRole("link", { name: /^Adatum Consulting/ }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Accept agreement & authorize partner" })).toBeVisible();
});

test("the partner Overview counts what needs attention, with links", async ({ pageAs }) => {
  const agent = await pageAs("agent@fabrikam.example");
  await agent.goto("/partner");
  const before = await overviewCount(agent, /Pending invitations?$/);
  await sendInvitation(agent, { to: `buyer@wingtip${Date.now().toString(36)}.example`, type: /^Reseller You/ });
  await agent.goto("/partner");
  expect(await overviewCount(agent, /Pending invitations?$/)).toBe(before + 1);
  await overviewCount(agent, /New customer requests?$/);
  await overviewCount(agent, /Customers? with access expiring$/);
  await expect(agent.getByRole("link", { name: "Answer new requests" })).toHaveAttribute("href", "/partner/requests?status=new");
  await agent.getByRole("link", { name: "Follow pending invitations" }).click();
  await expect(agent).toHaveURL(/\/partner\/invitations\?status=pending$/);
  await expect(agent.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a Customers row opens the customer's page: roles with the type that grants them, history, and End GDAP after a confirmation", async ({ pageAs, page }) => {
  const customer = freshCustomer();
  const agent = await pageAs("agent@fabrikam.example");
  const link = await sendInvitation(agent, { to: customer.email, type: /^Granular delegated administrator/, roles: [/^Helpdesk administrator/], durationDays: 20 });
  await acceptInvitationAs(page, link, customer.email);

  // Ends in 20 days: the Overview counts it and names it.
  await agent.goto("/partner");
  expect(await overviewCount(agent, /Customers? with access expiring$/)).toBeGreaterThan(0);
  await expect(agent.getByRole("region", { name: "Access expiring in the next 30 days" }).getByRole("link", { name: customer.name })).toBeVisible();

  // The list pages 50 at a time: search finds the customer whatever page it falls on.
  await agent.goto(`/partner/customers?q=${encodeURIComponent(customer.name)}`);
  await agent.getByRole("link", { name: customer.name }).click();
  await expect(agent.getByRole("heading", { level: 1, name: customer.name })).toBeVisible();
  const roles = agent.getByRole("table", { name: /Admin roles you hold/ });
  await expect(roles.getByRole("row", { name: /Helpdesk administrator.*Granular delegated administrator/ })).toBeVisible();
  const history = agent.getByRole("list", { name: new RegExp(`History with ${customer.name}`) });
  await expect(history.getByText(/invitation accepted/i).first()).toBeVisible();

  // Without JavaScript, End GDAP is a link to a page asking the same question.
  const customerPage = agent.url();
  await expect(agent.getByRole("button", { name: "End GDAP" })).toHaveAttribute("href", /\/end-gdap$/);
  await agent.goto(`${customerPage}/end-gdap`);
  await expect(agent.getByRole("heading", { level: 1, name: "End GDAP?" })).toBeVisible();
  await expect(agent.getByRole("main").getByText("Helpdesk administrator")).toBeVisible();
  await agent.getByRole("link", { name: "No" }).click();
  await expect(agent.getByRole("heading", { level: 1, name: customer.name })).toBeVisible();

  // With it, a dialog names what ends; No changes nothing, Yes ends it.
  await agent.getByRole("button", { name: "End GDAP" }).click();
  const dialog = agent.getByRole("dialog", { name: "End GDAP?" });
  await expect(dialog.getByText("Helpdesk administrator")).toBeVisible();
  await dialog.getByRole("button", { name: "No" }).click();
  await expect(dialog).toBeHidden();
  await expect(agent.getByRole("button", { name: "End GDAP" })).toBeFocused();
  await agent.getByRole("button", { name: "End GDAP" }).click();
  await agent.getByRole("dialog", { name: "End GDAP?" }).getByRole("button", { name: "Yes" }).click();
  await expect(agent.getByText("Your granular delegated admin access ended.")).toBeVisible();
  await expect(agent.getByText(`You hold no admin roles in ${customer.name}.`)).toBeVisible();
  await expect(agent.getByRole("button", { name: "End GDAP" })).toHaveCount(0);
});

test("the Activity page filters by type and date and downloads what it shows as CSV", async ({ pageAs }) => {
  const agent = await pageAs("agent@fabrikam.example");
  await sendInvitation(agent, { to: `ops@litware${Date.now().toString(36)}.example`, type: /^Advisor/ });
  await agent.goto("/partner");
  await agent.getByRole("link", { name: "Activity", exact: true }).first().click();
  await expect(agent.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();

  await agent.getByLabel("Relationship type").selectOption({ label: "Advisor" });
  await agent.getByLabel("From").fill(new Date().toISOString().slice(0, 10));
  await agent.getByRole("button", { name: "Filter" }).click();
  await expect(agent).toHaveURL(/[?&]type=advisor/);
  const entries = agent.getByRole("list", { name: "Activity entries, newest first" });
  await expect(entries.getByRole("listitem").first()).toBeVisible();
  for (const item of await entries.getByRole("listitem").all()) await expect(item).toContainText("Advisor");
  // People by name, their address on hover.
  await expect(entries.getByTitle("agent@fabrikam.example").first()).toHaveText(/Patti Fernandez/);

  const [download] = await Promise.all([agent.waitForEvent("download"), agent.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^activity-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path()) as string, "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe('"Date (UTC)","Activity","Relationship type","Performed by","Performed by (email)","Customer"');
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.slice(1).every((line) => line.includes('"Advisor"'))).toBe(true);

  // A date that is not one is said on its field and filters nothing.
  await agent.goto("/partner/activity?from=2026-02-30");
  await expect(agent.getByLabel("From")).toHaveAttribute("aria-invalid", "true");
  await expect(agent.getByText("Enter the start date as a date, like 2026-01-31.")).toBeVisible();
});

test("declining a request asks for a reason", async ({ pageAs, visitor }) => {
  const stamp = Date.now().toString(36);
  const company = `Proseware ${stamp}`;
  await visitor.goto("/partners/contact?sel=fabrikam-partners");
  await visitor.getByLabel("Your name").fill("Dana Birkby");
  await visitor.getByLabel("Work email").fill(`dana-${stamp}@proseware.example`);
  await visitor.getByLabel("Company").fill(company);
  await visitor.getByLabel("Country/region").selectOption({ label: "United States" });
  await visitor.getByLabel("Organization size").selectOption({ label: "50–249 employees" });
  await visitor.getByLabel("Describe your business needs").fill("We need help moving 300 mailboxes and securing sign-ins.");
  await visitor.getByRole("button", { name: "Send" }).click();
  await expect(visitor).toHaveURL(/\/partners\/contact\/sent\//);

  const agent = await pageAs("sales@fabrikam.example");
  await agent.goto("/partner/requests?status=new");
  const request = agent.getByRole("article", { name: company });
  await request.getByRole("link", { name: `Decline (${company})` }).click();
  await expect(agent.getByRole("heading", { level: 1, name: `Decline the request from ${company}?` })).toBeVisible();
  await agent.getByRole("button", { name: "Decline request" }).click();
  await expect(agent.getByRole("region", { name: "There is a problem" })).toBeFocused();
  await expect(agent.getByLabel("Reason for declining")).toHaveAttribute("aria-invalid", "true");
  await agent.getByLabel("Reason for declining").fill("We only serve organizations in Canada.");
  await agent.getByRole("button", { name: "Decline request" }).click();
  await expect(agent.getByText("Declined, with your reason.")).toBeVisible();
  await agent.goto("/partner/requests?status=declined");
  await expect(agent.getByRole("article", { name: company })).toContainText("We only serve organizations in Canada.");
});
