import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

test("a new visitor signs in by magic link from the mailbox and lands in the admin center", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("service partners");
  await page.getByRole("banner").getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/signin$/);

  await signInAs(page, "admin@contoso.example", page.url());

  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Contoso" })).toBeVisible();
  await expect(page.getByText("Your roles: Global administrator")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Admin center" }).getByRole("link", { name: "Partner relationships" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Signed in as Megan Bowen");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin/);
});

test("a partner agent lands in the partner portal, and the Admin center is not theirs", async ({ page }) => {
  await signInAs(page, "agent@fabrikam.example");
  await expect(page).toHaveURL(/\/partner$/);
  await expect(page.getByRole("heading", { level: 1, name: "Fabrikam Partners" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Partner portal" })).toBeVisible();
  // A customer area shows no menu of pages a partner agent cannot open.
  await page.goto("/admin/settings/partner-relationships");
  await expect(page.getByRole("navigation", { name: "Admin center" })).toHaveCount(0);
});

test("a customer admin who opens the partner portal is told it is for partner agents, without its menu", async ({ page }) => {
  await signInAs(page, "billing@contoso.example", "/signin?callbackUrl=%2Fpartner%2Frequests");
  await expect(page).toHaveURL(/\/partner\/requests$/);
  await expect(page.getByText("Only agents of a partner organization can read its customer requests.")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Partner portal" })).toHaveCount(0);
});

test("a bad email address gets a field error and no email", async ({ page }) => {
  await page.goto("/signin");
  const email = page.getByLabel("Email");
  await email.fill("not-an-email");
  await page.getByRole("button", { name: "Send sign-in link" }).click();
  await expect(page.getByRole("region", { name: "There is a problem" }).getByRole("link", { name: "Enter an email address like name@example.com." })).toBeVisible();
  await expect(email).toHaveAccessibleDescription(/Error: Enter an email address like name@example.com./);
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveValue("not-an-email");
});

test("a used sign-in link does not sign anyone in again", async ({ page, context }) => {
  await signInAs(page, "billing@contoso.example");
  await expect(page).toHaveURL(/\/admin$/);
  const link = await page.goto("/dev/mailbox").then(async () => {
    await page.getByRole("row").filter({ hasText: "billing@contoso.example" }).first().getByRole("link").click();
    return page.getByRole("region", { name: "Links in this message" }).getByRole("link", { name: "Sign in" }).getAttribute("href");
  });
  await context.clearCookies();
  await page.goto(link as string);
  await expect(page.getByRole("heading", { name: "We couldn't sign you in" })).toBeVisible();
});

test("signing in works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInAs(page, "admin@contoso.example");
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Contoso" })).toBeVisible();
  await context.close();
});
