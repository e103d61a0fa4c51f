import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { sendInvitation } from "./helpers";

/** Sends an invitation from the portal's form and stays on the invitation's page. */
async function invite(agent: Page, to: string, type: RegExp) {
  await agent.goto("/partner/invitations/new");
  await agent.getByLabel("Customer email").fill(to);
  await agent.getByRole("radio", { name: type }).check();
  await agent.getByRole("button", { name: "Send invitation" }).click();
  await expect(agent.getByText(/Invitation sent to/)).toBeVisible();
  return agent.url().replace(/\?.*$/, "");
}

/*
 * Irreversible actions ask first: a dialog with JavaScript (No keeps everything, focus back on the
 * button; Yes does it), a page with the same question and form without it.
 */

test("the partner's Cancel invitation asks in a dialog: No keeps it, Yes cancels it", async ({ pageAs }) => {
  const agent = await pageAs("agent@adatum.example");
  await invite(agent, "admin@northwind.example", /^Line-of-business/);
  await expect(agent.getByRole("heading", { level: 1, name: /^Line-of-business \(LOB\) partner invitation to admin@northwind\.example/ })).toBeVisible();

  // Just sent: Resend waits a minute, and the page says until when.
  await expect(agent.getByRole("button", { name: "Resend" })).toBeDisabled();
  await expect(agent.getByRole("button", { name: "Resend" })).toHaveAccessibleDescription(/^Available again at \d{1,2}:\d{2}:\d{2} [AP]M UTC$/);

  const cancel = agent.getByRole("button", { name: "Cancel invitation" });
  await cancel.click();
  const dialog = agent.getByRole("dialog", { name: "Cancel this invitation?" });
  await expect(dialog).toContainText("The link in the email stops working, so it can no longer be accepted.");
  await dialog.getByRole("button", { name: "No" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(cancel).toBeFocused();
  await expect(agent.getByText("Pending", { exact: true })).toBeVisible();

  await cancel.click();
  await dialog.getByRole("button", { name: "Yes" }).click();
  await expect(agent.getByText("The invitation is canceled; its link no longer works.")).toBeVisible();
  await expect(agent.getByRole("button", { name: "Cancel invitation" })).toHaveCount(0);
});

test("without JavaScript the partner's Cancel invitation is a page with the same question", async ({ pageAs }) => {
  const invitation = await invite(await pageAs("agent@adatum.example"), "admin@northwind.example", /^MPSA partner/);
  const agent = await pageAs("agent@adatum.example", { javaScriptEnabled: false });
  await agent.goto(invitation);

  await agent.getByRole("button", { name: "Cancel invitation" }).click();
  await expect(agent.getByRole("heading", { level: 1, name: "Cancel this invitation?" })).toBeVisible();
  await agent.getByRole("link", { name: "No" }).click();
  expect(agent.url()).toBe(invitation);
  await expect(agent.getByText("Pending", { exact: true })).toBeVisible();

  await agent.getByRole("button", { name: "Cancel invitation" }).click();
  await agent.getByRole("button", { name: "Yes" }).click();
  await expect(agent.getByText("The invitation is canceled; its link no longer works.")).toBeVisible();
  await agent.context().close();
});

test("the customer's Cancel invitation asks in a dialog; an invitation without roles does not speak of roles", async ({ pageAs }) => {
  const link = await sendInvitation(await pageAs("agent@fabrikam.example"), { to: "admin@northwind.example", type: /^Line-of-business/ });
  const admin = await pageAs("admin@northwind.example");
  await admin.goto(link);
  await expect(admin.getByRole("heading", { level: 2, name: "Don't want to accept this invitation?" })).toBeVisible();
  await expect(admin.getByText("Don't want to give these roles?")).toHaveCount(0);

  const cancel = admin.getByRole("button", { name: "Cancel invitation" });
  await cancel.click();
  const dialog = admin.getByRole("dialog", { name: "Cancel this invitation?" });
  await expect(dialog).toContainText("Fabrikam Partners gets no relationship with your organization.");
  await dialog.getByLabel("Reason").fill("We buy elsewhere.");
  await dialog.getByRole("button", { name: "No" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(cancel).toBeFocused();
  await expect(admin.getByRole("button", { name: "Accept & Authorize" })).toBeVisible();

  await cancel.click();
  await dialog.getByRole("button", { name: "Yes" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: /^This invitation was (declined|cancell?ed)$/ })).toBeVisible();
  await expect(admin.getByRole("button", { name: "Accept & Authorize" })).toHaveCount(0);
});

test("without JavaScript the customer's Cancel invitation is a page with the reason and the same question", async ({ pageAs }) => {
  const link = await sendInvitation(await pageAs("agent@fabrikam.example"), { to: "admin@northwind.example", type: /^MPSA partner/ });
  const admin = await pageAs("admin@northwind.example", { javaScriptEnabled: false });
  await admin.goto(link);

  await admin.getByRole("button", { name: "Cancel invitation" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Cancel this invitation?" })).toBeVisible();
  await admin.getByRole("link", { name: "No" }).click();
  await expect(admin.getByRole("button", { name: "Accept & Authorize" })).toBeVisible();

  await admin.getByRole("button", { name: "Cancel invitation" }).click();
  await admin.getByLabel("Reason").fill("Not now.");
  await admin.getByRole("button", { name: "Yes" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: /^This invitation was (declined|cancell?ed)$/ })).toBeVisible();
  await admin.context().close();
});

test("after a failed submit focus moves to the error summary, whose links lead to each field", async ({ pageAs }) => {
  const agent = await pageAs("agent@fabrikam.example");
  await agent.goto("/partner/invitations/new");
  await agent.getByRole("button", { name: "Send invitation" }).click();

  const summary = agent.getByRole("region", { name: "There is a problem" });
  await expect(summary).toBeFocused();
  await summary.getByRole("link", { name: "Choose a relationship type." }).click();
  await expect(agent.getByRole("radio").first()).toBeFocused();
  await summary.getByRole("link", { name: "Enter the customer administrator's email." }).click();
  await expect(agent.getByLabel("Customer email")).toBeFocused();
  await expect(agent.getByLabel("Customer email")).toHaveAccessibleDescription(/Error: Enter the customer administrator's email\./);
});
