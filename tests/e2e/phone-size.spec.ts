import type { Page } from "@playwright/test";
import { expect, test, type PageAs } from "./fixtures";
import { acceptInvitationAs, openLatestEmail, sendInvitation } from "./helpers";

// Every main page at a phone's size (390×844): nothing scrolls sideways, the header's and the areas'
// menus fold into disclosures, and tables become labelled cards. The pages are the shared ones of a
// visitor and of each account (fixtures.ts), resized for the test and given their size back after it;
// a few pages per test, so each stays short.

const PHONE = { width: 390, height: 844 };

/** Runs `check` with the shared page at phone size, then gives the page its own size back. */
async function atPhoneSize(page: Page, check: () => Promise<void>) {
  const before = page.viewportSize();
  await page.setViewportSize(PHONE);
  try {
    await check();
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

/** Opens the page and fails, naming the widest elements, when it is wider than the phone's screen. */
async function expectNoSidewaysScroll(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  const { scrollWidth, wide } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    wide: [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .slice(0, 3)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}"> ${Math.round(el.getBoundingClientRect().right)} px`),
  }));
  expect(scrollWidth, `${path} is ${scrollWidth} px wide at 390 px: ${wide.join("; ")}`).toBeLessThanOrEqual(PHONE.width);
}

async function expectPagesFit(page: Page, paths: string[]) {
  await atPhoneSize(page, async () => {
    for (const path of paths) await expectNoSidewaysScroll(page, path);
  });
}

/** Contoso's page of its relationship with Fabrikam Partners (made here, with a GDAP role, when there is none). */
async function fabrikamDetailsPath(pageAs: PageAs): Promise<string> {
  const admin = await pageAs("admin@contoso.example");
  await admin.goto("/admin/settings/partner-relationships");
  await expect(admin.getByRole("heading", { level: 1, name: "Partner relationships" })).toBeVisible();
  const link = admin.getByRole("table").getByRole("link", { name: "Fabrikam Partners", exact: true });
  if ((await link.count()) === 0) {
    const review = await sendInvitation(await pageAs("agent@fabrikam.example"), {
      to: "admin@contoso.example",
      type: /^Granular delegated administrator/,
      roles: [/^Reports reader/],
      durationDays: 30,
    });
    await acceptInvitationAs(admin, review, "admin@contoso.example");
  }
  return (await link.getAttribute("href")) as string;
}

/**
 * The review page of an invitation waiting for Contoso: Adatum's "Partner" invitation, the one the
 * accessibility test leaves pending too (a partner has one pending invitation per type and customer, so
 * when it is already there its email gives the link).
 */
async function pendingReviewPath(pageAs: PageAs): Promise<string> {
  const agent = await pageAs("agent@adatum.example");
  await agent.goto("/partner/invitations/new");
  await agent.getByLabel("Customer email").fill("admin@contoso.example");
  await agent.getByRole("radio", { name: /^Partner\s/ }).check();
  await agent.getByRole("button", { name: "Send invitation" }).click();
  await expect(agent.getByText(/Invitation sent to|You already have a pending/).first()).toBeVisible();
  await openLatestEmail(agent, "admin@contoso.example", /^Adatum Consulting invites you to an? Partner relationship/);
  const href = await agent.getByRole("region", { name: "Links in this message" }).getByRole("link", { name: "Review the request" }).getAttribute("href");
  return new URL(href as string).pathname;
}

test("public pages don't scroll sideways at 390 px: home, directory, a profile", async ({ visitor }) => {
  await expectPagesFit(visitor, ["/", "/partners", "/partners?q=security&location=US", "/partners/fabrikam-partners"]);
});

test("public pages don't scroll sideways at 390 px: contact, sign-in, legal", async ({ visitor }) => {
  await expectPagesFit(visitor, ["/partners/contact?sel=fabrikam-partners&sel=adatum-consulting", "/signin", "/signin/check-email", "/legal/customer-agreement"]);
});

test("admin center pages don't scroll sideways at 390 px: home, agreement, domains, activity, users", async ({ pageAs }) => {
  await expectPagesFit(await pageAs("admin@contoso.example"), ["/admin", "/admin/agreement", "/admin/settings/domains", "/admin/activity", "/admin/invitations", "/admin/settings/users"]);
});

test("admin center pages don't scroll sideways at 390 px: Partner relationships and a partner's details", async ({ pageAs }) => {
  const details = await fabrikamDetailsPath(pageAs);
  await expectPagesFit(await pageAs("admin@contoso.example"), ["/admin/settings/partner-relationships", details, `${details}/remove-roles`, `${details}/end`]);
});

test("the invitation review page doesn't scroll sideways at 390 px", async ({ pageAs }) => {
  const review = await pendingReviewPath(pageAs);
  await expectPagesFit(await pageAs("admin@contoso.example"), [review]);
});

test("partner portal pages don't scroll sideways at 390 px: overview, customers, requests, activity", async ({ pageAs }) => {
  await expectPagesFit(await pageAs("agent@fabrikam.example"), ["/partner", "/partner/customers", "/partner/requests", "/partner/activity"]);
});

test("partner portal pages don't scroll sideways at 390 px: invitations, a new one, an invitation, a customer", async ({ pageAs }) => {
  await fabrikamDetailsPath(pageAs);
  const agent = await pageAs("agent@fabrikam.example");
  await agent.goto("/partner/invitations");
  const invitation = (await agent.getByRole("table").getByRole("link").first().getAttribute("href")) as string;
  await agent.goto("/partner/customers");
  // The customer's own page, where the Customers list links to one.
  const customerLink = agent.getByRole("table").getByRole("link", { name: "Contoso" });
  const customer = (await customerLink.count()) > 0 ? await customerLink.first().getAttribute("href") : null;
  await expectPagesFit(agent, ["/partner/invitations", "/partner/invitations/new", "/partner/templates", "/partner/team", invitation, ...(customer ? [customer] : [])]);
});

test("at 390 px the header fits one line and its Menu holds the navigation, also without JavaScript", async ({ visitor, browser }) => {
  await atPhoneSize(visitor, async () => {
    await visitor.goto("/");
    const banner = visitor.getByRole("banner");
    const height = (await banner.boundingBox())?.height ?? 0;
    expect(height, "the header is one row").toBeLessThan(80);
    const main = banner.getByRole("navigation", { name: "Main" });
    await expect(main).toBeHidden();
    await banner.getByText("Menu", { exact: true }).click();
    await expect(main.getByRole("link", { name: "Find a partner" })).toBeInViewport();
    await main.getByRole("link", { name: "Find a partner" }).click();
    await expect(visitor.getByRole("heading", { level: 1, name: "Find a partner" })).toBeVisible();
    await expect(main, "the menu closes on the new page").toBeHidden();
  });

  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  try {
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("banner").getByText("Menu", { exact: true }).click();
    await page.getByRole("banner").getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Find a partner" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Find a partner" })).toBeVisible();
  } finally {
    await context.close();
  }
});

test("the production header lists no Mailbox, at any size", async ({ visitor }) => {
  await visitor.goto("/");
  const main = visitor.getByRole("banner").getByRole("navigation", { name: "Main" });
  await expect(main.getByRole("link", { name: "Find a partner" })).toBeVisible();
  await expect(main.getByRole("link", { name: "Mailbox" })).toHaveCount(0);
  await atPhoneSize(visitor, async () => {
    await visitor.getByRole("banner").getByText("Menu", { exact: true }).click();
    await expect(main.getByRole("link", { name: "Find a partner" })).toBeVisible();
    await expect(main.getByRole("link", { name: "Mailbox" })).toHaveCount(0);
  });
});

test("at 390 px the area's menu is one line naming the current page, and the page starts on the first screen", async ({ pageAs }) => {
  const admin = await pageAs("admin@contoso.example");
  await atPhoneSize(admin, async () => {
    await admin.goto("/admin/settings/partner-relationships");
    const heading = admin.getByRole("heading", { level: 1, name: "Partner relationships" });
    await expect(heading).toBeInViewport();
    const box = await heading.boundingBox();
    expect((box?.y ?? PHONE.height) + (box?.height ?? 0), "the heading is on the first screen, well above the fold").toBeLessThan(PHONE.height / 2);

    const nav = admin.getByRole("navigation", { name: "Admin center" });
    await expect(nav).toBeHidden();
    await admin.getByText("current page: Partner relationships").click();
    await expect(nav.getByRole("link", { name: "Partner relationships" })).toHaveAttribute("aria-current", "page");
    await nav.getByRole("link", { name: "Domains" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Domains" })).toBeVisible();
    await expect(nav, "the menu closes on the new page").toBeHidden();
    await expect(admin.getByText(/current page: Domains/)).toBeVisible();
  });
});

test("at 390 px tables are cards: every cell within the screen and labelled with its column", async ({ pageAs }) => {
  await fabrikamDetailsPath(pageAs);
  const admin = await pageAs("admin@contoso.example");
  await atPhoneSize(admin, async () => {
    await admin.goto("/admin/settings/partner-relationships");
    const row = admin.getByRole("row").filter({ has: admin.getByRole("link", { name: "Fabrikam Partners", exact: true }) });
    const cells = row.getByRole("cell");
    await expect(cells.first()).toBeVisible();
    const shown = await cells.evaluateAll((all) =>
      all.map((cell) => ({
        label: cell.getAttribute("data-label"),
        labelShown: !["none", "normal"].includes(getComputedStyle(cell, "::before").content),
        right: cell.getBoundingClientRect().right,
      })),
    );
    const headers = await admin.getByRole("table").getByRole("columnheader").allTextContents();
    expect(shown.map((c) => c.label)).toContain("GDAP status");
    expect(shown).toHaveLength(headers.length);
    shown.forEach((cell, i) => expect(headers[i]?.trim().startsWith(cell.label ?? "—"), `column ${i + 1} is labelled ${cell.label}`).toBe(true));
    for (const cell of shown) {
      expect(cell.labelShown, `${cell.label} shows its label`).toBe(true);
      expect(cell.right, `${cell.label} fits the screen`).toBeLessThanOrEqual(PHONE.width);
    }
    // The table keeps its semantics for assistive technology: the rows still have their column headers.
    await expect(admin.getByRole("columnheader", { name: /^GDAP status/ })).toHaveCount(1);
  });

  const agent = await pageAs("agent@fabrikam.example");
  await atPhoneSize(agent, async () => {
    await agent.goto("/partner/invitations");
    const status = agent.getByRole("table").getByRole("row").nth(1).getByRole("cell").last();
    await status.scrollIntoViewIfNeeded();
    await expect(status).toBeInViewport({ ratio: 1 });
  });
});
