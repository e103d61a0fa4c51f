import { expect, test } from "./fixtures";

// The one set of page controls (components/ui/pagination.tsx), on a phone's width and without JavaScript.
test("the directory's pages: a named navigation, the current page marked, no sideways scroll at 390 px, and paging keeps the choices without JavaScript", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto("/partners");
    const pages = page.getByRole("navigation", { name: "Pages of results" });
    await expect(pages.locator('[aria-current="page"]')).toHaveText("Page 1");
    await expect(pages.getByRole("button", { name: "Previous" })).toHaveCount(0);
    const scrolls = () => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    expect(await scrolls(), "the page scrolls sideways").toBe(false);

    const first = page.getByRole("list", { name: "Partners" }).getByRole("listitem").first();
    const chosen = (await first.getByRole("heading").innerText()).trim();
    await page.getByRole("checkbox", { name: `Select ${chosen}` }).check();
    await pages.getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page).toHaveURL(/sel=/);
    await expect(pages.locator('[aria-current="page"]')).toHaveText("Page 2");
    await expect(pages.getByRole("button", { name: "Page 1" })).toBeVisible();
    expect(await scrolls(), "the page scrolls sideways").toBe(false);

    // Far into the results the row has its widest shape (first, gap, three pages, gap, last) and still fits.
    const last = Number((await pages.getByRole("button", { name: /^Page \d+$/ }).last().getAttribute("aria-label"))?.replace("Page ", ""));
    await page.goto(`/partners?page=${Math.ceil(last / 2)}`);
    expect(await scrolls(), "the page scrolls sideways").toBe(false);
    const box = await pages.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);

    await pages.getByRole("button", { name: "Previous" }).click();
    await expect(pages.locator('[aria-current="page"]')).toHaveText(`Page ${Math.ceil(last / 2) - 1}`);
  } finally {
    await context.close();
  }
});
