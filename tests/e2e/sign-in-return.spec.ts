import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

const PHISH = "/.//evil.example/phish";

test("a sign-in link whose return path would leave the site lands in the admin center instead", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  // Whoever asks for a link chooses where it returns to: here the sign-in page, told to send a signed-in visitor on to PHISH.
  await signInAs(page, "billing@contoso.example", `/signin?callbackUrl=${encodeURIComponent(`/signin?callbackUrl=${encodeURIComponent(PHISH)}`)}`);
  await expect(page).toHaveURL(`${origin}/admin`);

  for (const target of [PHISH, "/x/..//evil.example", "/./%2Fevil.example", "/%2e%2e//evil.example", "/\t/evil.example"]) {
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(target)}`);
    await expect(page, target).toHaveURL(`${origin}/admin`);
  }
});
