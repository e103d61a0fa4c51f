/**
 * The Invitations and Customer requests pages as the server renders them for a partner's agent with
 * 120 rows: page 2 shows rows 51–100 and says so, its page links keep the filter and the search,
 * and the Activity export answers a CSV download.
 */
import path from "node:path";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { contactRequestRecipients, contactRequests, invitations } from "@/db/schema";
import { harness, loadApp, unloadApp } from "../support/action-harness";
import { freshDatabase, organizationIdOf, userIdOf } from "../support/fixtures";

type Query = Record<string, string | string[] | undefined>;
interface PageModule {
  default: (props: { params: Promise<Record<string, string>>; searchParams: Promise<Query> }) => Promise<ReactNode>;
}

const ROOT = path.resolve(import.meta.dirname, "../..");
const MINUTE = 60_000;

async function render(file: string, query: Query): Promise<string> {
  const page = (await import(/* @vite-ignore */ path.join(ROOT, file))) as PageModule;
  return renderToString(await page.default({ params: Promise.resolve({}), searchParams: Promise.resolve(query) }));
}

/** The text of the HTML, without tags, entities read. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&")
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replace(/\s+/g, " ");
}

describe("list pages as rendered", () => {
  let db: Db;

  beforeAll(async () => {
    await loadApp();
    db = await freshDatabase();
    const fabrikam = await organizationIdOf(db, "fabrikam.example");
    const agent = await userIdOf(db, "agent@fabrikam.example");
    const now = Date.now();
    await db.insert(invitations).values(
      Array.from({ length: 120 }, (_, i) => ({
        partnerOrganizationId: fabrikam,
        customerEmail: `admin${String(i + 1).padStart(3, "0")}@customer.example`,
        type: "reseller" as const,
        tokenHash: `render-${i + 1}`,
        tokenSalt: "salt",
        expiresAt: new Date(now + 30 * 86_400_000),
        createdById: agent,
        createdAt: new Date(now - (i + 1) * MINUTE),
      })),
    );
    const requests = await db
      .insert(contactRequests)
      .values(
        Array.from({ length: 120 }, (_, i) => ({
          idempotencyKey: `render-${i + 1}`,
          name: `Person ${i + 1}`,
          email: `person${i + 1}@requester.example`,
          company: `Requester ${String(i + 1).padStart(3, "0")}`,
          country: "US",
          sizeBand: "10-49",
          needs: "Licensing help",
          createdAt: new Date(now - (i + 1) * MINUTE),
        })),
      )
      .returning({ id: contactRequests.id, createdAt: contactRequests.createdAt });
    await db.insert(contactRequestRecipients).values(requests.map((r) => ({ requestId: r.id, partnerOrganizationId: fabrikam, createdAt: r.createdAt })));
    harness.reset(agent);
  }, 60_000);

  afterAll(() => {
    unloadApp();
  });

  it("Invitations: page 2 shows rows 51–100, says so, and its page links keep the status and the search", async () => {
    const html = await render("app/partner/invitations/page.tsx", { page: "2", status: "pending", q: "@customer" });
    const shown = [...html.matchAll(/admin(\d{3})@customer\.example/g)].map((m) => Number(m[1]));
    expect([...new Set(shown)]).toEqual(Array.from({ length: 50 }, (_, i) => i + 51));
    expect(text(html)).toContain("51–100 of 120, newest first.");
    expect(html).toMatch(/<nav aria-label="Pages of invitations"/);
    expect(html).toContain('href="/partner/invitations?status=pending&amp;q=%40customer&amp;page=3"');
    expect(html).toContain('href="/partner/invitations?status=pending&amp;q=%40customer"');
    // The search form sends the status along and shows what was searched.
    expect(html).toMatch(/<input type="hidden" name="status" value="pending"\/>/);
    expect(html).toMatch(/<input[^>]*id="invitations-q"[^>]*value="@customer"/);
    expect(html).toMatch(/<label[^>]*for="invitations-q"[^>]*>Search by address<\/label>/);
  });

  it("Requests: page 2 shows requests 51–100, says so, and a search with no match says what was searched", async () => {
    const html = await render("app/partner/requests/page.tsx", { page: "2", sort: "newest" });
    const shown = [...html.matchAll(/Requester (\d{3})/g)].map((m) => Number(m[1]));
    expect([...new Set(shown)]).toEqual(Array.from({ length: 50 }, (_, i) => i + 51));
    expect(text(html)).toContain("Requests: 51–100 of 120, newest first.");
    expect(html).toContain('href="/partner/requests?sort=newest&amp;page=3"');
    expect(html).toMatch(/<label[^>]*for="requests-q"[^>]*>Search by company, name or email<\/label>/);

    const none = await render("app/partner/requests/page.tsx", { q: "<script>alert(1)</script>", status: "replied" });
    expect(text(none)).toContain("No requests matching “<script>alert(1)</script>”");
    expect(none).not.toContain("<script>alert");
  });

  it("Activity: the export answers a CSV download", async () => {
    const { GET } = (await import(/* @vite-ignore */ path.join(ROOT, "app/partner/activity/export/route.ts"))) as { GET: (request: Request) => Promise<Response> };
    const response = await GET(new Request("http://localhost:3000/partner/activity/export?kind=requests"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="activity-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(await response.text()).toBe('"Date (UTC)","Activity","Relationship type","Performed by","Performed by (email)","Customer"\r\n');
  });
});
