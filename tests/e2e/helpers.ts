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

/**
 * A partner agent sends an invitation through the portal, on a page signed in as that agent (a context
 * of its own, e.g. from `pageAs`: nobody signs out); returns the review link from the customer's email.
 */
export async function sendInvitation(
  agent: Page,
  options: { to: string; type: RegExp; roles?: RegExp[]; durationDays?: number; message?: string },
): Promise<string> {
  await agent.goto("/partner/invitations/new");
  await agent.getByLabel("Customer email").fill(options.to);
  await agent.getByRole("radio", { name: options.type }).check();
  for (const role of options.roles ?? []) await agent.getByRole("checkbox", { name: role }).check();
  if (options.durationDays) await agent.getByLabel("Duration (days)").fill(String(options.durationDays));
  if (options.message) await agent.getByLabel("Message").fill(options.message);
  await agent.getByRole("button", { name: "Send invitation" }).click();
  await expect(agent.getByText(/Invitation sent to/)).toBeVisible();
  await openLatestEmail(agent, options.to, /invites you to a/);
  const href = await agent.getByRole("region", { name: "Links in this message" }).getByRole("link", { name: "Review the request" }).getAttribute("href");
  return href as string;
}

/** The customer's side of an invitation link: sign in if needed, acknowledge, Accept & Authorize. */
export async function acceptInvitationAs(page: Page, link: string, email: string) {
  await page.goto(link);
  if (page.url().includes("/signin")) await signInAs(page, email, page.url());
  await expect(page.getByRole("heading", { level: 1, name: "Accept agreement & authorize partner" })).toBeVisible();
  await page.getByRole("checkbox", { name: "I have read and acknowledge the Customer Agreement" }).check();
  await page.getByRole("button", { name: "Accept & Authorize" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Partner relationships" })).toBeVisible();
}

/** Presses Tab until the element with this accessible name has focus, as a keyboard user would. */
export async function tabTo(page: Page, name: string | RegExp, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute("aria-label") ?? el.innerText ?? "").trim() : "";
    });
    if (typeof name === "string" ? focused === name : name.test(focused)) return;
  }
  throw new Error(`Could not reach ${String(name)} with the keyboard`);
}
