import { expect, test } from "./fixtures";
import { openLatestEmail } from "./helpers";

test("an admin agent sends a GDAP invitation, follows it, and canceling it kills the link", async ({ pageAs }) => {
  const page = await pageAs("agent@fabrikam.example");
  await page.goto("/partner");
  await page.getByRole("navigation", { name: "Partner portal" }).getByRole("link", { name: "Invitations" }).click();
  await page.getByRole("link", { name: "Invite a customer" }).click();

  await page.getByLabel("Customer email").fill("admin@contoso.example");
  await page.getByRole("radio", { name: /^Granular delegated administrator/ }).check();
  // Auto-extend is on offer until Global administrator is chosen, then off with the reason beside it
  // (the server refuses the combination too: see the integration tests).
  const autoExtend = page.getByRole("checkbox", { name: "Auto-extend by 180 days" });
  await autoExtend.check();
  await page.getByRole("checkbox", { name: /^Global administrator/ }).check();
  await expect(autoExtend).toBeDisabled();
  await expect(autoExtend).not.toBeChecked();
  await expect(autoExtend).toHaveAccessibleDescription(/you chose Global administrator, which never extends on its own/);
  await page.getByRole("checkbox", { name: /^Global administrator/ }).uncheck();
  await expect(autoExtend).toBeEnabled();
  await autoExtend.uncheck();
  await page.getByRole("checkbox", { name: /^Helpdesk administrator/ }).check();
  await page.getByRole("checkbox", { name: /^License administrator/ }).check();
  await page.getByLabel("Duration (days)").fill("180");
  await page.getByLabel("Message").fill("As discussed, this covers the license clean-up.");
  await page.getByRole("button", { name: "Send invitation" }).click();

  // Until the customer answers, the partner sees the address it typed, not whose it is.
  await expect(page.getByRole("heading", { level: 1, name: "Granular delegated administrator invitation to admin@contoso.example" })).toBeVisible();
  await expect(page.getByText("Pending", { exact: true })).toBeVisible();
  const invitationPage = page.url();
  await page.getByRole("link", { name: "Invitations" }).first().click();
  await expect(page.getByRole("row", { name: /admin@contoso\.example.*Granular delegated administrator.*License administrator, Helpdesk administrator .*Pending/ }).first()).toBeVisible();

  // The email names the roles and the duration and links to the admin center.
  await openLatestEmail(page, "admin@contoso.example", "Fabrikam Partners invites you to a Granular delegated administrator relationship");
  const email = page.frameLocator('iframe[title^="Email:"]');
  await expect(email.getByText(/Helpdesk administrator — Resets passwords/)).toBeVisible();
  await expect(email.getByText(/License administrator — Assigns/)).toBeVisible();
  await expect(email.getByText(/for 180 days/)).toBeVisible();
  const link = await page.getByRole("region", { name: "Links in this message" }).getByRole("link", { name: "Review the request" }).getAttribute("href");
  expect(link).toMatch(/\/admin\/invitations\/[A-Za-z0-9_-]{43}$/);

  // Cancel it: the link stops working at once.
  await page.goto(invitationPage);
  await page.getByRole("button", { name: "Cancel invitation" }).click();
  await page.getByRole("dialog", { name: "Cancel this invitation?" }).getByRole("button", { name: "Yes" }).click();
  await expect(page.getByText("The invitation is canceled; its link no longer works.")).toBeVisible();
  const admin = await pageAs("admin@contoso.example");
  await admin.goto(link as string);
  await expect(admin.getByRole("heading", { name: /^This invitation was cancell?ed$/ })).toBeVisible();
});

test("a sales agent cannot ask for admin roles", async ({ pageAs }) => {
  const page = await pageAs("sales@fabrikam.example");
  await page.goto("/partner/invitations/new");
  await expect(page.getByRole("radio", { name: /^Granular delegated administrator/ })).toBeDisabled();
  await expect(page.getByRole("radio", { name: /^Reseller — admin agents only|^Reseller &/ })).toBeDisabled();
  // Advisor carries Helpdesk and Service support administrator: admin roles too.
  await expect(page.getByRole("radio", { name: /^Advisor/ })).toBeDisabled();
  await page.getByLabel("Customer email").fill("admin@northwind.example");
  await page.getByRole("radio", { name: /^Reseller You sell/ }).check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reseller invitation to admin@northwind.example" })).toBeVisible();
});
