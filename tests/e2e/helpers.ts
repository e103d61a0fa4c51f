import { expect, type Page } from "@playwright/test";

/** Opens the newest message to `to` whose subject matches, in the local mailbox. */
export async function openLatestEmail(page: Page, to: string, subject: RegExp | string) {
  await page.goto("/dev/mailbox");
  const row = page.getByRole("row").filter({ hasText: to }).filter({ has: page.getByRole("link", { name: subject }) }).first();
  await row.getByRole("link", { name: subject }).click();
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
}

/** Signs in through the real magic link: the form, the mailbox, the link. */
export async function signInAs(page: Page, email: string, startAt = "/signin") {
  await page.goto(startAt);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await openLatestEmail(page, email, "Your sign-in link for Partnerships");
  await page.getByRole("region", { name: "Links in this message" }).getByRole("link", { name: "Sign in" }).click();
}

/** A partner agent sends an invitation through the portal; returns the review link from the customer's email. */
export async function sendInvitation(
  page: Page,
  options: { from: string; to: string; type: RegExp; roles?: RegExp[]; durationDays?: number; message?: string },
): Promise<string> {
  await signInAs(page, options.from);
  await page.goto("/partner/invitations/new");
  await page.getByLabel("Customer email").fill(options.to);
  await page.getByRole("radio", { name: options.type }).check();
  for (const role of options.roles ?? []) await page.getByRole("checkbox", { name: role }).check();
  if (options.durationDays) await page.getByLabel("Duration (days)").fill(String(options.durationDays));
  if (options.message) await page.getByLabel("Message").fill(options.message);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(/Invitation sent to/)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await openLatestEmail(page, options.to, /invites you to a/);
  const href = await page.getByRole("region", { name: "Links in this message" }).getByRole("link", { name: "Review the request" }).getAttribute("href");
  return href as string;
}
