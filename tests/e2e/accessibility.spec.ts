import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, type PageAs } from "./fixtures";
import { acceptInvitationAs, sendInvitation } from "./helpers";

// One page per test: axe takes seconds a page on a busy machine, and each page gets the whole timeout.
// The pages are the shared ones of a visitor and of each account (see fixtures.ts).

/** axe-core on the page as it is now: no serious or critical violation. */
async function expectAccessible(page: Page) {
  // A page without frames gets the same checks in legacy mode, without the blank page axe opens to combine
  // the results of frames (a second of a busy machine's time per page); a page with frames gets them all.
  const framed = page.frames().length > 1;
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).setLegacyMode(!framed).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}

const PUBLIC_PAGES = [
  "/",
  "/partners",
  "/partners?location=US&size=50-249&q=security",
  "/partners?q=zzqqxx",
  "/partners/fabrikam-partners",
  "/partners/contact?sel=fabrikam-partners&sel=adatum-consulting",
  "/signin",
  "/signin/check-email",
  "/legal/customer-agreement",
  "/dev/mailbox",
];

const PARTNER_PAGES = ["/partner", "/partner/requests", "/partner/invitations", "/partner/invitations/new", "/partner/customers", "/partner/templates", "/partner/team"];

const ADMIN_PAGES = ["/admin", "/admin/agreement", "/admin/settings/partner-relationships", "/admin/settings/domains", "/admin/invitations", "/admin/settings/users"];

for (const path of PUBLIC_PAGES) {
  test(`public page ${path} has no serious or critical accessibility violations`, async ({ visitor }) => {
    await visitor.goto(path);
    await expectAccessible(visitor);
  });
}

test("a form with errors shown has no serious or critical accessibility violations", async ({ visitor }) => {
  await visitor.goto("/partners/contact?sel=fabrikam-partners");
  await visitor.getByRole("button", { name: "Send" }).click();
  await expect(visitor.getByLabel("Your name")).toHaveAccessibleDescription(/Enter your name./);
  await expectAccessible(visitor);
});

for (const path of PARTNER_PAGES) {
  test(`partner portal page ${path} has no serious or critical accessibility violations`, async ({ pageAs }) => {
    const page = await pageAs("agent@fabrikam.example");
    await page.goto(path);
    await expectAccessible(page);
  });
}

test("an invitation's page in the partner portal has no serious or critical accessibility violations", async ({ pageAs }) => {
  const agent = await pageAs("agent@fabrikam.example");
  await sendInvitation(agent, { to: "admin@contoso.example", type: /^Partner You get/ });
  await agent.goto("/partner/invitations");
  await agent.getByRole("link", { name: "admin@contoso.example" }).first().click();
  await expect(agent.getByRole("heading", { level: 1, name: /invitation to admin@contoso\.example$/ })).toBeVisible();
  await expectAccessible(agent);
});

test("the invitation review page has no serious or critical accessibility violations", async ({ pageAs }) => {
  // A type and partner no other test sends to Contoso, so it stays pending and never meets another pending one.
  const link = await sendInvitation(await pageAs("agent@adatum.example"), { to: "admin@contoso.example", type: /^Partner You get/ });
  const page = await pageAs("admin@contoso.example");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Accept agreement & authorize partner" })).toBeVisible();
  await expectAccessible(page);
});

for (const path of ADMIN_PAGES) {
  test(`admin center page ${path} has no serious or critical accessibility violations`, async ({ pageAs }) => {
    const page = await pageAs("admin@contoso.example");
    await page.goto(path);
    await expectAccessible(page);
  });
}

/**
 * Contoso's Global administrator on the details of Fabrikam Partners holding admin roles in Contoso:
 * those an earlier test granted, or, when it holds none, one granted here.
 */
async function partnerDetailsWithRoles(pageAs: PageAs): Promise<Page> {
  const page = await pageAs("admin@contoso.example");
  await page.goto("/admin/settings/partner-relationships");
  await expect(page.getByRole("heading", { level: 1, name: "Partner relationships" })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Fabrikam Partners", exact: true }) });
  const roles = (await row.count()) === 1 ? (await row.getByRole("cell").nth(2).innerText()).trim() : "None";
  if (roles === "None") {
    const link = await sendInvitation(await pageAs("agent@fabrikam.example"), {
      to: "admin@contoso.example",
      type: /^Granular delegated administrator/,
      roles: [/^Reports reader/],
      durationDays: 30,
    });
    await acceptInvitationAs(page, link, "admin@contoso.example");
  }
  await page.getByRole("table").getByRole("link", { name: "Fabrikam Partners", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fabrikam Partners" })).toBeVisible();
  return page;
}

test("a partner's details in the admin center have no serious or critical accessibility violations", async ({ pageAs }) => {
  const page = await partnerDetailsWithRoles(pageAs);
  await expectAccessible(page);
});

test("the Remove roles? dialog has no serious or critical accessibility violations", async ({ pageAs }) => {
  const page = await partnerDetailsWithRoles(pageAs);
  await page.getByRole("button", { name: "Remove roles" }).click();
  await expect(page.getByRole("dialog", { name: "Remove roles?" })).toBeVisible();
  await expectAccessible(page);
});
