import { expect, test } from "./fixtures";

test("a Global administrator lists a domain, sees the TXT record to publish, and removes it", async ({ pageAs }) => {
  const page = await pageAs("admin@contoso.example");
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin center" }).getByRole("link", { name: "Domains" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Domains" })).toBeVisible();
  await expect(page.getByRole("region", { name: "contoso.example", exact: true }).getByText("Verified", { exact: true })).toBeVisible();

  await page.getByLabel("Domain", { exact: true }).fill("admin@contoso-labs.example");
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(page.getByLabel("Domain", { exact: true })).toHaveAccessibleDescription(/Enter the domain alone, without a name and @: contoso.com, not admin@contoso.com./);
  await expect(page.getByLabel("Domain", { exact: true })).toHaveValue("admin@contoso-labs.example");

  await page.getByLabel("Domain", { exact: true }).fill("Contoso-Labs.example");
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(page.getByText("contoso-labs.example is on the list")).toBeVisible();
  const listed = page.getByRole("region", { name: "contoso-labs.example", exact: true });
  await expect(listed.getByText("Not verified")).toBeVisible();
  await expect(listed.getByText("_partnerships.contoso-labs.example", { exact: true })).toBeVisible();
  await expect(listed.getByText(/^partnerships-verification=[0-9a-f]{64}$/)).toBeVisible();

  await listed.getByRole("button", { name: "Remove contoso-labs.example" }).click();
  await expect(page.getByText("The domain was removed.")).toBeVisible();
  await expect(page.getByRole("region", { name: "contoso-labs.example", exact: true })).toHaveCount(0);
});

test("only Global administrators manage domains", async ({ pageAs }) => {
  const page = await pageAs("billing@contoso.example");
  await page.goto("/admin/settings/domains");
  await expect(page.getByText("Only Global administrators of Contoso manage its domains. Ask one of them.")).toBeVisible();
  await expect(page.getByLabel("Domain", { exact: true })).toHaveCount(0);
});
