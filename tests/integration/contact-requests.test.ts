import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, contactRequestRecipients, contactRequests, emailOutbox, organizations } from "@/db/schema";
import { seedDatabase } from "@/seed/demo";
import { listPartnerRequests } from "@/lib/contact-requests/queries";
import { contactRequestSchema } from "@/lib/contact-requests/schemas";
import { createContactRequest, setRequestStatus } from "@/lib/contact-requests/service";
import { actorFor } from "../support/actors";
import { resetDatabase, tableCounts } from "../support/db";
import { contactRequestInput } from "../support/fixtures";

let db: Db;

const request = contactRequestInput;

async function orgId(domain: string) {
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.domain, domain));
  return org!.id;
}

describe("contact requests", () => {
  beforeEach(async () => {
    db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 20 });
  });

  it("fans one request out to each partner with N+1 emails and one audit event", async () => {
    const result = await createContactRequest(db, request(), { clientKey: "203.0.113.7" });
    expect(result).toMatchObject({ ok: true, duplicate: false });
    expect(await db.$count(contactRequests)).toBe(1);
    expect(await db.$count(contactRequestRecipients)).toBe(2);
    const mail = await db.select().from(emailOutbox);
    expect(mail.map((m) => m.to).sort()).toEqual(["hello@fabrikam.example", "kontakt@adatum.example", "megan@contoso.example"]);
    expect(mail.find((m) => m.to === "hello@fabrikam.example")?.text).toContain("We are moving 1,200 mailboxes");
    const events = await db.select().from(auditEvents);
    expect(events).toHaveLength(1);
    expect(events[0]?.action).toBe("contact_request.sent");
  });

  it("creates one request when the same form is sent twice, even at once", async () => {
    const input = request();
    const [a, b, c] = await Promise.all([
      createContactRequest(db, input, { clientKey: null }),
      createContactRequest(db, input, { clientKey: null }),
      createContactRequest(db, input, { clientKey: null }),
    ]);
    expect(a.ok && b.ok && c.ok).toBe(true);
    const ids = new Set([a, b, c].map((r) => (r.ok ? r.requestId : "")));
    expect(ids.size).toBe(1);
    expect(await db.$count(contactRequests)).toBe(1);
    expect(await db.$count(emailOutbox)).toBe(3);
  });

  it("accepts five requests an hour per email address and refuses the sixth, writing nothing", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await createContactRequest(db, request(), { clientKey: `198.51.100.${i}` })).ok).toBe(true);
    }
    const before = await tableCounts(db);
    const refused = await createContactRequest(db, request(), { clientKey: "198.51.100.99" });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/5 requests in the last hour/);
    expect(await tableCounts(db)).toEqual(before);
    // An hour later the address may ask again.
    const later = await createContactRequest(db, request(), { clientKey: "198.51.100.99", now: new Date(Date.now() + 61 * 60 * 1000) });
    expect(later.ok).toBe(true);
  });

  it("limits each client address too, whatever email it gives", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await createContactRequest(db, request({ email: `person${i}@example.com` }), { clientKey: "192.0.2.10" })).ok).toBe(true);
    }
    expect((await createContactRequest(db, request({ email: "other@example.com" }), { clientKey: "192.0.2.10" })).ok).toBe(false);
    expect((await createContactRequest(db, request({ email: "other@example.com" }), { clientKey: "192.0.2.11" })).ok).toBe(true);
  });

  it("refuses unknown partners and writes nothing", async () => {
    const before = await tableCounts(db);
    const result = await createContactRequest(db, request({ partners: ["fabrikam-partners", "no-such-partner"] }), { clientKey: null });
    expect(result).toMatchObject({ ok: false, fieldErrors: { partners: expect.any(Array) } });
    expect(await tableCounts(db)).toEqual(before);
  });

  it("validates every field with a message", () => {
    const bad = contactRequestSchema.safeParse({
      name: "",
      email: "not-an-email",
      company: "x".repeat(121),
      phone: "call me",
      country: "XX",
      size: "huge",
      needs: "too short",
      partners: Array.from({ length: 11 }, (_, i) => `partner-${i}`),
      idempotencyKey: "nope",
    });
    expect(bad.success).toBe(false);
    const fields = new Set(bad.error?.issues.map((i) => String(i.path[0])));
    for (const field of ["name", "email", "company", "phone", "country", "size", "needs", "partners", "idempotencyKey"]) {
      expect(fields).toContain(field);
    }
    expect(contactRequestSchema.safeParse({ ...request(), needs: "x".repeat(2001) }).success).toBe(false);
  });

  it("shows a partner only the requests sent to it, and lets only its agents change them", async () => {
    await createContactRequest(db, request({ partners: ["fabrikam-partners"] }), { clientKey: null });
    const fabrikam = await orgId("fabrikam.example");
    const adatum = await orgId("adatum.example");
    const fabrikamInbox = (await listPartnerRequests(db, fabrikam)).rows;
    expect(fabrikamInbox).toHaveLength(1);
    expect((await listPartnerRequests(db, adatum)).rows).toHaveLength(0);

    const recipientId = fabrikamInbox[0]!.recipientId;
    const other = await setRequestStatus(db, await actorFor(db, "agent@adatum.example"), { recipientId, status: "replied" });
    expect(other).toMatchObject({ ok: false, message: "That request was not found." });
    await expect(setRequestStatus(db, await actorFor(db, "admin@contoso.example"), { recipientId, status: "replied" })).rejects.toThrow();
    await expect(setRequestStatus(db, null, { recipientId, status: "replied" })).rejects.toThrow();
    expect((await listPartnerRequests(db, fabrikam)).rows[0]?.status).toBe("new");

    const ok = await setRequestStatus(db, await actorFor(db, "sales@fabrikam.example"), { recipientId, status: "replied" });
    expect(ok.ok).toBe(true);
    expect((await listPartnerRequests(db, fabrikam, { status: "replied" })).rows).toHaveLength(1);
    expect((await listPartnerRequests(db, fabrikam, { status: "new" })).rows).toHaveLength(0);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.organizationId, fabrikam));
    expect(events.map((e) => e.action)).toEqual(["contact_request.replied"]);
  });
});
