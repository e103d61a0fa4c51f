import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";

const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

test("the partners chosen survive opening a profile and coming Back, and a reload", async ({ visitor: page }) => {
  await page.goto("/partners?location=US&q=security");
  const cards = page.getByRole("list", { name: "Partners" }).locator(":scope > li");
  const names = await Promise.all([0, 1, 2].map(async (i) => (await cards.nth(i).getByRole("heading").innerText()).trim()));
  const [first, second, third] = names as [string, string, string];
  await page.getByRole("checkbox", { name: `Select ${first}` }).check();
  await page.getByRole("checkbox", { name: `Select ${second}` }).check();
  await expect(page.getByText("2 selected")).toBeVisible();
  await expect(page).toHaveURL(/sel=.*sel=/);

  // Open the third partner's profile, then Back: both ticks are still there, and only those.
  await cards.nth(2).getByRole("link", { name: third }).click();
  await expect(page.getByRole("heading", { level: 1, name: third })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("checkbox", { name: `Select ${first}` })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: `Select ${second}` })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: `Select ${third}` })).not.toBeChecked();
  await expect(page.getByText("2 selected")).toBeVisible();

  // One tick fewer, a reload: the address and the boxes agree.
  await page.getByRole("checkbox", { name: `Select ${second}` }).uncheck();
  await expect(page.getByText("1 selected")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: `Select ${first}` })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: `Select ${second}` })).not.toBeChecked();
});

test("Contact this partner on a profile opened from the results keeps the partners chosen there", async ({ visitor: page }) => {
  await page.goto("/partners?location=US&q=security");
  const cards = page.getByRole("list", { name: "Partners" }).locator(":scope > li");
  const first = (await cards.nth(0).getByRole("heading").innerText()).trim();
  const third = (await cards.nth(2).getByRole("heading").innerText()).trim();
  await page.getByRole("checkbox", { name: `Select ${first}` }).check();
  await expect(page.getByText("1 selected")).toBeVisible();
  await cards.nth(2).getByRole("link", { name: third }).click();
  await expect(page.getByRole("link", { name: "Back to results" })).toHaveAttribute("href", /q=security.*sel=/);
  await page.getByRole("link", { name: "Contact this partner" }).click();
  await expect(page.getByRole("heading", { name: "2 partners selected" })).toBeVisible();
  await expect(page.getByRole("link", { name: `Remove ${first}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Remove ${third}` })).toBeVisible();
});

test("a corrected typo says what was searched and offers the original", async ({ visitor: page }) => {
  await page.goto("/partners");
  await page.getByLabel("Location").selectOption({ label: "United States" });
  await page.getByLabel("Keywords").fill("secruity");
  await page.getByRole("button", { name: "Go" }).click();
  const notice = page.getByRole("status").filter({ hasText: "Showing results for" });
  await expect(notice).toContainText("Showing results for security");
  await expect(notice.locator("strong")).toHaveText("security");
  await expect(page.getByRole("heading", { name: /\d+\+? partners for “secruity”, United States/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "Partners" }).locator(":scope > li").first()).toBeVisible();

  // "Search instead for secruity" searches exactly that: nothing matches, and nothing is corrected.
  await notice.getByRole("link", { name: "secruity" }).click();
  await expect(page).toHaveURL(/exact=1/);
  await expect(page.getByText("No partners match this search")).toBeVisible();
  await expect(page.getByText("Showing results for")).toHaveCount(0);
  await expect(page.getByLabel("Keywords")).toHaveValue("secruity");

  // A misspelt city is corrected the same way, with or without a country/region.
  await page.goto("/partners?city=Seatle");
  await expect(page.getByRole("status").filter({ hasText: "Showing results for" })).toContainText("Showing results for Seattle");
  await expect(page.getByRole("link", { name: "Fabrikam Partners" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Seatle" })).toHaveAttribute("href", /city=Seatle.*exact=1/);
});

test("a broad search says 200+ and offers no page past the last", async ({ visitor: page }) => {
  await page.goto("/partners");
  await expect(page.getByRole("heading", { name: "200+ partners — refine your search" })).toBeVisible();
  const pages = page.getByRole("navigation", { name: "Pages of results" });
  await expect(pages.getByRole("button", { name: "Page 20" })).toBeVisible();
  await expect(pages.getByRole("button", { name: "Page 21" })).toHaveCount(0);

  // The last page has no Next; an address past it shows the last page instead of "No partners match".
  await pages.getByRole("button", { name: "Page 20" }).click();
  await expect(pages.locator('[aria-current="page"]')).toHaveText("Page 20");
  await expect(pages.getByRole("button", { name: "Next" })).toHaveCount(0);
  await expect(page.getByText("You've reached the best 200 matches.")).toBeVisible();
  await page.goto("/partners?page=21");
  await expect(page).toHaveURL(/page=20/);
  await expect(page.getByRole("heading", { name: "200+ partners — refine your search" })).toBeVisible();
  await expect(page.getByText("No partners match this search")).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Partners" }).locator(":scope > li")).toHaveCount(10);
});

test("Go and the pages show they are working while the next results load", async ({ visitor: page }) => {
  await page.goto("/partners?location=US");
  const results = page.locator("#results [aria-busy]");
  await expect(results).toHaveAttribute("aria-busy", "false");
  // Hold the next results back for a moment so the pending state can be seen.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/partners\?.*q=backup/, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByLabel("Keywords").fill("backup");
  await page.getByRole("button", { name: "Go" }).click();
  await expect(results).toHaveAttribute("aria-busy", "true");
  await expect(page.getByRole("button", { name: "Go" })).toHaveAttribute("aria-disabled", "true");
  release();
  await expect(page.getByRole("heading", { name: /partners? for “backup”, United States/ })).toBeVisible();
  await expect(results).toHaveAttribute("aria-busy", "false");
  await expect(page.getByRole("button", { name: "Go" })).not.toHaveAttribute("aria-disabled", "true");
});

test("ratings come with their review count, and four results fit across a 1440 px screen", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto("/partners?q=Fabrikam");
    const card = page.getByRole("list", { name: "Partners" }).locator(":scope > li").first();
    await expect(card).toContainText("Fabrikam Partners");
    await expect(card.getByRole("definition").filter({ hasText: "4.8" })).toHaveText(/4\.8 out of 5 \(128 reviews\)/);
    await page.getByRole("link", { name: "Fabrikam Partners" }).click();
    await expect(page.getByText("4.8 out of 5 (128 reviews)")).toBeVisible();

    await page.goto("/partners?location=US");
    // Desktop: the filters are shown without a disclosure to open.
    await expect(page.getByLabel("Location")).toBeVisible();
    await expect(page.getByText("Search and filters")).toBeHidden();
    const boxes = await page.getByRole("list", { name: "Partners" }).locator(":scope > li").evaluateAll((items) => items.map((item) => item.getBoundingClientRect().toJSON() as DOMRect));
    const firstRow = boxes.filter((box) => Math.abs(box.top - boxes[0]!.top) < 1);
    expect(firstRow.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...firstRow.map((box) => box.right))).toBeLessThanOrEqual(1440);
    expect(await scrollsSideways(page)).toBe(false);
  } finally {
    await context.close();
  }
});

test("on a phone the filters fold away so the results start near the top, and open to search", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    await page.goto("/partners?location=US&q=security");
    const filters = page.getByText("Search and filters");
    await expect(filters).toBeVisible();
    // The search in force is named beside the closed disclosure.
    await expect(page.locator("summary").filter({ hasText: "Search and filters" })).toContainText("“security” · United States");
    await expect(page.getByLabel("Keywords")).toBeHidden();
    const first = page.getByRole("list", { name: "Partners" }).locator(":scope > li").first();
    const box = await first.boundingBox();
    expect(box && box.y, "the first result starts in the upper half of the first screen").toBeLessThan(844 / 2);
    expect(await scrollsSideways(page)).toBe(false);

    await filters.click();
    await expect(page.getByLabel("Keywords")).toBeVisible();
    await page.getByLabel("Keywords").fill("migration");
    await page.getByRole("button", { name: "Go" }).click();
    await expect(page.getByRole("heading", { name: /partners? for “migration”, United States/ })).toBeVisible();
    expect(await scrollsSideways(page)).toBe(false);
  } finally {
    await context.close();
  }
});

test("without JavaScript the phone's filters open and search, and a typo's original is a link", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto("/partners");
    await page.getByText("Search and filters").click();
    await page.getByLabel("Keywords").fill("complaince");
    await page.getByRole("button", { name: "Go" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Showing results for" })).toContainText("compliance");
    await page.getByRole("link", { name: "complaince" }).click();
    await expect(page).toHaveURL(/exact=1/);
    await expect(page.getByText("No partners match this search")).toBeVisible();
    expect(await scrollsSideways(page)).toBe(false);
  } finally {
    await context.close();
  }
});
