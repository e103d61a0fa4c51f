import { expect, test } from "./fixtures";
import { openLatestEmail } from "./helpers";

test("Find a partner: search, select across pages, contact them, and the partner sees the request", async ({ page, pageAs }) => {
  // Enter your location, choose your organization size, add keywords, then select Go.
  await page.goto("/partners");
  await page.getByLabel("Location").selectOption({ label: "United States" });
  await page.getByLabel("Organization size").selectOption({ label: "50–249 employees" });
  await page.getByLabel("Keywords").fill("identity security");
  await page.getByRole("button", { name: "Go" }).click();
  await expect(page).toHaveURL(/location=US/);
  await expect(page).toHaveURL(/size=50-249/);
  await expect(page.getByRole("heading", { name: /\d+ partners for “identity security”/ })).toBeVisible();

  // Choose one or more partners: two here, one on the next page.
  const contact = page.getByRole("button", { name: "Contact selected providers" });
  await expect(contact).toBeDisabled();
  await page.getByRole("checkbox", { name: "Select Fabrikam Partners" }).check();
  const results = page.getByRole("list", { name: "Partners" }).getByRole("listitem");
  const secondName = (await results.filter({ hasNotText: "Fabrikam Partners" }).first().getByRole("heading").innerText()).trim();
  await page.getByRole("checkbox", { name: `Select ${secondName}` }).check();
  await expect(page.getByText("2 selected")).toBeVisible();
  await expect(contact).toBeEnabled();

  // A broader search keeps the two chosen; its second page adds a third.
  await page.getByLabel("Organization size").selectOption({ label: "Any size" });
  await page.getByLabel("Keywords").fill("");
  await page.getByRole("button", { name: "Go" }).click();
  await expect(page.getByText("2 selected")).toBeVisible();
  await page.getByRole("navigation", { name: "Pages of results" }).getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  const thirdName = (await results.first().getByRole("heading").innerText()).trim();
  await page.getByRole("checkbox", { name: `Select ${thirdName}` }).check();
  await expect(page.getByText("3 selected")).toBeVisible();

  // Back and forward keep every choice.
  await page.goBack();
  await expect(page.getByText("2 selected")).toBeVisible();
  await page.goForward();
  await expect(page.getByRole("checkbox", { name: `Select ${thirdName}` })).toBeChecked();

  await contact.click();
  await expect(page.getByRole("heading", { level: 1, name: "Contact selected providers" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "3 partners selected" })).toBeVisible();
  await page.getByRole("link", { name: `Remove ${thirdName}` }).click();
  await expect(page.getByRole("heading", { name: "2 partners selected" })).toBeVisible();

  // Complete the form to describe your business needs, then select Send — first with a mistake.
  await page.getByLabel("Your name").fill("Megan Bowen");
  await page.getByLabel("Work email").fill("megan@contoso");
  await page.getByLabel("Company").fill("Contoso");
  await page.getByLabel("Country/region").selectOption({ label: "United States" });
  await page.getByLabel("Organization size").selectOption({ label: "50–249 employees" });
  await page.getByLabel("Describe your business needs").fill("Too short");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByLabel("Work email")).toHaveAccessibleDescription(/Enter an email address like name@company.com./);
  await expect(page.getByLabel("Describe your business needs")).toHaveAccessibleDescription(/Describe your business needs in at least 20 characters./);
  await expect(page.getByLabel("Your name")).toHaveValue("Megan Bowen");

  await page.getByLabel("Work email").fill("megan@contoso.example");
  await page.getByLabel("Describe your business needs").fill("We want to secure identities and devices for 120 people before our audit in March.");
  await page.getByRole("button", { name: "Send" }).click();

  await expect(page.getByRole("heading", { name: "Your request was sent" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Fabrikam Partners" })).toBeVisible();
  await expect(page.getByRole("link", { name: secondName })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What happens next" })).toBeVisible();

  // The emails: a confirmation to the customer and one to each partner.
  await openLatestEmail(page, "megan@contoso.example", "We sent your request to 2 partners");
  await openLatestEmail(page, "hello@fabrikam.example", "New customer request from Contoso");

  // The partner agent, signed in, sees the request in the inbox.
  const agent = await pageAs("agent@fabrikam.example");
  await agent.goto("/partner");
  await agent.getByRole("navigation", { name: "Partner portal" }).getByRole("link", { name: "Customer requests" }).click();
  const item = agent.getByRole("article", { name: "Contoso" });
  await expect(item).toContainText("We want to secure identities and devices");
  await expect(item).toContainText("Status: new");
  await item.getByRole("button", { name: "Mark replied" }).click();
  await expect(agent.getByRole("article", { name: "Contoso" })).toContainText("Status: replied");
  await agent.getByRole("link", { name: "Replied" }).click();
  await expect(agent.getByRole("article", { name: "Contoso" })).toBeVisible();
  await agent.getByRole("link", { name: "New", exact: true }).click();
  await expect(agent.getByText("No new requests")).toBeVisible();
});

test("a partner profile offers Contact this partner", async ({ visitor }) => {
  await visitor.goto("/partners/adatum-consulting");
  await expect(visitor.getByRole("heading", { level: 1, name: "Adatum Consulting" })).toBeVisible();
  await visitor.getByRole("link", { name: "Contact this partner" }).click();
  await expect(visitor.getByRole("heading", { name: "1 partner selected" })).toBeVisible();
  await expect(visitor.getByRole("link", { name: "Remove Adatum Consulting" })).toBeVisible();
});

test("the directory works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/partners");
  await page.getByLabel("Location").selectOption({ label: "Germany" });
  await page.getByLabel("Keywords").fill("migraton");
  await page.getByRole("button", { name: "Go" }).click();
  await expect(page.getByRole("heading", { name: /\d+ partners? for “migraton”, Germany/ })).toBeVisible();
  await page.getByRole("checkbox", { name: "Select Adatum Consulting" }).check();
  await page.getByRole("button", { name: "Contact selected providers" }).click();
  await expect(page.getByRole("heading", { name: "1 partner selected" })).toBeVisible();

  // Nothing found: the advice names only what this search set, and widening is offered only when a filter is set.
  await page.goto("/partners?q=zzqqxxv&location=DE&city=Munich");
  await expect(page.getByText("No partners match this search")).toBeVisible();
  await expect(page.getByText("Try fewer or broader keywords or leaving the city empty to search the whole country/region.")).toBeVisible();
  await page.getByRole("link", { name: "Search every location and size" }).click();
  await expect(page).toHaveURL(/\/partners\?q=zzqqxxv$/);
  await expect(page.getByText("Try fewer or broader keywords.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Search every location and size" })).toHaveCount(0);
  await context.close();
});
