import { expect, test } from "./fixtures";
import { openLatestEmail, sendInvitation } from "./helpers";

test("a Global administrator makes a colleague Partner relationship administrator, who accepts a partner's invitation", async ({ pageAs }) => {
  const approver = `approver${Date.now().toString(36)}@contoso.example`;
  const admin = await pageAs("admin@contoso.example");
  await admin.goto("/admin");
  await admin.getByRole("navigation", { name: "Admin center" }).getByRole("link", { name: "Users" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  const invite = admin.getByRole("region", { name: "Invite a colleague" });
  await invite.getByLabel("Email").fill(approver);
  await invite.getByLabel("Name (optional)").fill("Alex Wilber");
  await invite.getByRole("checkbox", { name: /^Partner relationship administrator/ }).check();
  await invite.getByRole("button", { name: "Invite" }).click();
  await expect(admin.getByText("Invited. They get an email with a link to sign in.")).toBeVisible();
  await expect(admin.getByRole("row", { name: new RegExp(`${approver}.*Partner relationship administrator`) })).toBeVisible();

  // The last Global administrator can't give up the role.
  await admin.getByRole("row", { name: /admin@contoso\.example/ }).getByRole("link", { name: /Change roles/ }).click();
  await expect(admin.getByRole("heading", { level: 1, name: /^Change roles of/ })).toBeVisible();
  await admin.getByRole("checkbox", { name: /^Global administrator/ }).uncheck();
  await admin.getByRole("button", { name: "Save roles" }).click();
  await expect(admin.getByRole("region", { name: "There is a problem" })).toContainText("The organization's last Global administrator keeps the role");

  const link = await sendInvitation(await pageAs("agent@adatum.example"), {
    to: "admin@contoso.example",
    type: /^Granular delegated administrator/,
    roles: [/^Service support administrator/],
  });
  const page = await pageAs(approver);
  await openLatestEmail(page, approver, "Megan Bowen added you to Contoso's admin center");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Accept agreement & authorize partner" })).toBeVisible();
  await page.getByRole("checkbox", { name: "I have read and acknowledge the Customer Agreement" }).check();
  await page.getByRole("button", { name: "Accept & Authorize" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Partner relationships" })).toBeVisible();
  // A delegated approver manages no users.
  await expect(page.getByRole("navigation", { name: "Admin center" }).getByRole("link", { name: "Users" })).toHaveCount(0);
});
