import { expect, test } from "./fixtures";
import { openLatestEmail, sendInvitation, signInAs } from "./helpers";

/** A day as the date field takes it, `days` from today (UTC, as the product shows dates). */
function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test("a Global administrator accepts the agreement and authorizes the partner, as the spec describes", async ({ page, context, pageAs }) => {
  const link = await sendInvitation(await pageAs("agent@fabrikam.example"), {
    to: "admin@contoso.example",
    type: /^Granular delegated administrator/,
    roles: [/^Helpdesk administrator/, /^Exchange administrator/],
    durationDays: 90,
    message: "For the mailbox migration.",
  });

  // 1. In the email, select the link to go to the admin center (signing in on the way: this test signs in for real).
  await openLatestEmail(page, "admin@contoso.example", "Fabrikam Partners invites you to a Granular delegated administrator relationship");
  await page.getByRole("region", { name: "Links in this message" }).getByRole("link", { name: "Review the request" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.locator("html")).not.toContainText("/admin/invitations/");
  await signInAs(page, "admin@contoso.example", page.url());

  // 2. On the Accept agreement & authorize partner page, open the Customer Agreement and read it.
  await expect(page.getByRole("heading", { level: 1, name: "Accept agreement & authorize partner" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Fabrikam Partners", exact: true })).toContainText("Verified domain: fabrikam.example");
  // Every requested role is a ticked checkbox; the highly privileged one is flagged.
  await expect(page.getByRole("checkbox", { name: /Exchange administrator Highly privileged/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^Helpdesk administrator Resets/ })).toBeChecked();
  await expect(page.getByText(/For 90 days: if you accept now as asked, access ends on/)).toBeVisible();
  await expect(page.getByText("For the mailbox migration.")).toBeVisible();
  const [agreementTab] = await Promise.all([context.waitForEvent("page"), page.getByRole("main").getByRole("link", { name: "Customer Agreement (opens in a new tab)" }).click()]);
  await expect(agreementTab.getByRole("heading", { level: 1, name: "Customer Agreement" })).toBeVisible();
  await agreementTab.close();

  // Not without the acknowledgement: the server refuses it, and the refusal shows in the app's own
  // style (no browser bubble), with focus on the summary whose link leads to the box.
  const box = page.getByRole("checkbox", { name: "I have read and acknowledge the Customer Agreement" });
  await page.getByRole("button", { name: "Accept & Authorize" }).click();
  const summary = page.getByRole("region", { name: "There is a problem" });
  await expect(summary).toBeFocused();
  await expect(box).toHaveAttribute("aria-invalid", "true");
  await expect(box).toHaveAccessibleDescription(/^Error: /);
  expect(await box.evaluate((el) => (el as HTMLInputElement).validity.valid)).toBe(true);
  await summary.getByRole("link").click();
  await expect(box).toBeFocused();
  await expect(page.getByRole("heading", { level: 1, name: "Accept agreement & authorize partner" })).toBeVisible();

  // 3. Check the box. 4. Select Accept & Authorize.
  await box.check();
  await page.getByRole("button", { name: "Accept & Authorize" }).click();

  // 5. The list of partners is displayed. Select any partner to see details.
  await expect(page.getByRole("heading", { level: 1, name: "Partner relationships" })).toBeVisible();
  await expect(page.getByText("You accepted the agreement and authorized Fabrikam Partners.")).toBeVisible();
  await page.getByRole("table").getByRole("link", { name: "Fabrikam Partners", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fabrikam Partners" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Admin roles in force" }).getByRole("row", { name: /Exchange administrator/ })).toBeVisible();
  await expect(page.getByText(/Version 2026-09 accepted/)).toBeVisible();

  // The same link again: already accepted, never a second grant.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This invitation was already accepted" })).toBeVisible();
  await expect(page.getByText(/Already accepted on .* by Megan Bowen/)).toBeVisible();
});

test("a user without an admin role sees that they need to be a Global or Billing administrator", async ({ pageAs }) => {
  const link = await sendInvitation(await pageAs("agent@fabrikam.example"), { to: "billing@contoso.example", type: /^Advisor/ });
  const page = await pageAs("user@contoso.example");
  const response = await page.goto(link);
  expect(response?.headers()["x-frame-options"]).toBe("DENY");
  await expect(page.getByText("You need to be a Global, Billing or Partner relationship administrator of Contoso to do this.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Accept & Authorize" })).toHaveCount(0);
  await expect(page.getByText("Helpdesk administrator")).toHaveCount(0);

  // An administrator of another organization learns nothing about it.
  const other = await pageAs("admin@northwind.example");
  await other.goto(link);
  await expect(other.getByRole("heading", { name: "This invitation isn't for your organization" })).toBeVisible();
  await expect(other.locator("main")).not.toContainText("Fabrikam");
});

test("accept the agreement alone with Accept", async ({ pageAs }) => {
  const page = await pageAs("admin@northwind.example");
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin center" }).getByRole("link", { name: "Customer Agreement" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Accept agreement" })).toBeVisible();
  await page.getByRole("checkbox", { name: "I have read and acknowledge the Customer Agreement" }).check();
  await page.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Partner relationships" })).toBeVisible();
  await expect(page.getByText("You accepted the Customer Agreement.")).toBeVisible();
});

test("approve with changes, without JavaScript: untick a role, an earlier end; the partner's email shows what was not granted", async ({ pageAs }) => {
  const stamp = Date.now().toString(36);
  const customer = { email: `it@litware${stamp}.example`, name: `Litware${stamp}` };
  const agent = await pageAs("agent@fabrikam.example");
  const link = await sendInvitation(agent, {
    to: customer.email,
    type: /^Granular delegated administrator/,
    roles: [/^Helpdesk administrator/, /^Exchange administrator/, /^License administrator/],
    durationDays: 120,
  });
  const page = await pageAs(customer.email, { javaScriptEnabled: false });
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Accept agreement & authorize partner" })).toBeVisible();
  const grant = page.getByRole("region", { name: "What you grant" });
  const roles = ["Helpdesk administrator", "Exchange administrator", "License administrator"].map((name) => grant.getByRole("checkbox", { name: new RegExp(`^${name}`) }));
  const acknowledge = page.getByRole("checkbox", { name: "I have read and acknowledge the Customer Agreement" });

  // Unticking every role is refused with a field message: cancel instead.
  for (const box of roles) await box.uncheck();
  await acknowledge.check();
  await page.getByRole("button", { name: "Accept & Authorize" }).click();
  await expect(page.getByRole("region", { name: "There is a problem" })).toContainText("Keep at least one role. To grant nothing, cancel the invitation instead.");
  await expect(page.getByRole("group", { name: "Roles" })).toHaveAccessibleDescription(/Keep at least one role/);

  // Keep two of the three, end a month from now.
  await roles[0]!.check();
  await roles[2]!.check();
  await expect(roles[1]!).not.toBeChecked();
  await page.getByLabel("End date").fill(dayFromToday(30));
  await acknowledge.check();
  await page.getByRole("button", { name: "Accept & Authorize" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Partner relationships" })).toBeVisible();
  await page.getByRole("table").getByRole("link", { name: "Fabrikam Partners", exact: true }).click();
  const inForce = page.getByRole("region", { name: "Admin roles in force" });
  await expect(inForce.getByRole("row", { name: /Helpdesk administrator/ })).toBeVisible();
  await expect(inForce.getByRole("row", { name: /License administrator/ })).toBeVisible();
  await expect(inForce.getByRole("row", { name: /Exchange administrator/ })).toHaveCount(0);
  const activity = page.getByRole("region", { name: "Activity" });
  await expect(activity.getByText(/access requested: Exchange administrator, License administrator, Helpdesk administrator/)).toBeVisible();
  await expect(activity.getByText(/invitation approved with changes: License administrator, Helpdesk administrator\. Not granted: Exchange administrator\. End date: /)).toBeVisible();

  // The partner is told what was granted and what was not.
  await openLatestEmail(agent, "agent@fabrikam.example", `${customer.name} approved your Granular delegated administrator invitation with changes`);
  const text = agent.locator("pre");
  await expect(text).toContainText("Granted: License administrator, Helpdesk administrator, until");
  await expect(text).toContainText("Not granted: Exchange administrator");
  await expect(text).toContainText("End date: ");
});
