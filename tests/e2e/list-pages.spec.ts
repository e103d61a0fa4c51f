import { expect, test } from "./fixtures";
import { sendInvitation } from "./helpers";

// The partner's Invitations and Customer requests: search, status and order are a GET form and links,
// so they work without JavaScript and on a phone's width; the caption says which rows are shown.

const PHONE = { width: 390, height: 844 };

test("Invitations: search by part of the address without JavaScript at 390 px, with the status kept and a caption of the rows shown", async ({ pageAs }) => {
  const address = `list-search-${Date.now()}@wingtip.example`;
  await sendInvitation(await pageAs("agent@fabrikam.example"), { to: address, type: /^Advisor/ });

  const agent = await pageAs("agent@fabrikam.example", { viewport: PHONE, javaScriptEnabled: false });
  await agent.goto("/partner/invitations");
  const search = agent.getByRole("search", { name: "Search invitations" });
  await search.getByLabel("Search by address").fill(address.slice(5, 25).toUpperCase());
  await search.getByRole("button", { name: "Search" }).click();
  await expect(agent).toHaveURL(/[?&]q=/);
  await expect(agent.getByRole("table").getByRole("link", { name: address })).toBeVisible();
  await expect(agent.getByRole("table").getByRole("link")).toHaveCount(1);
  await expect(agent.getByRole("table")).toContainText(/1–1 of 1, newest first\./);
  expect(await agent.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth), "the page scrolls sideways").toBe(false);

  // A status link keeps the search; the form keeps the status.
  await agent.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: "Canceled by customer" }).click();
  await expect(agent).toHaveURL(/status=declined/);
  await expect(agent).toHaveURL(/q=/);
  await expect(agent.getByRole("heading", { name: /^No invitations to an address containing/ })).toBeVisible();
  await agent.getByRole("link", { name: "Clear search" }).click();
  await expect(agent).toHaveURL(/\/partner\/invitations\?status=declined&sort=newest$/);
  await expect(search.getByLabel("Search by address")).toHaveValue("");
});

test("Customer requests: search and order without JavaScript at 390 px; a search that matches nothing says what was searched", async ({ pageAs }) => {
  const agent = await pageAs("agent@fabrikam.example", { viewport: PHONE, javaScriptEnabled: false });
  await agent.goto("/partner/requests?status=new");
  const search = agent.getByRole("search", { name: "Search requests" });
  await search.getByLabel("Search by company, name or email").fill("100% <none>");
  await search.getByLabel("Sort by").selectOption({ label: "Oldest first" });
  await search.getByRole("button", { name: "Search" }).click();
  await expect(agent).toHaveURL(/status=new/);
  await expect(agent).toHaveURL(/sort=oldest/);
  await expect(agent.getByRole("heading", { name: "No requests matching “100% <none>”" })).toBeVisible();
  await expect(search.getByLabel("Sort by")).toHaveValue("oldest");
  expect(await agent.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth), "the page scrolls sideways").toBe(false);
  await expect(agent.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: "All" })).toHaveAttribute("href", /q=100%25/);
});
