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
