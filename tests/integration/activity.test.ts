import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { activityCsvStream } from "@/lib/audit/csv";
import { allActivity, listActivity, recentActivity, type ActivityRead } from "@/lib/audit/queries";
import { parseActivityQuery } from "@/lib/audit/schemas";
import { AuthorizationError } from "@/lib/authz";
import { declineInvitation } from "@/lib/invitations/acceptance";
import { actorFor } from "../support/actors";
import { resetDatabase } from "../support/db";
import { acceptedRelationship, freshDatabase, organizationIdOf, pendingInvitation } from "../support/fixtures";

let db: Db;
const DAY = 86_400_000;

async function customerRead(email = "admin@contoso.example"): Promise<ActivityRead> {
  const actor = await actorFor(db, email);
  return { actor, organizationId: actor.memberships[0]!.organizationId, side: "customer" };
}

async function partnerRead(email = "agent@fabrikam.example"): Promise<ActivityRead> {
  const actor = await actorFor(db, email);
  return { actor, organizationId: actor.memberships[0]!.organizationId, side: "partner" };
}

async function readCsv(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("activity log queries", () => {
  // The first reset migrates this worker's database: a hook's time, not the first test's.
  beforeAll(() => resetDatabase(), 120_000);

  beforeEach(async () => {
    db = await freshDatabase();
  });

  it("lists an organization's own entries newest first, with people by name, the type and the other party", async () => {
    await acceptedRelationship(db, { type: "reseller" }, "sales@fabrikam.example");
    await acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin"], durationDays: 90 });

    const customer = await listActivity(db, await customerRead(), { page: 1 });
    expect(customer.total).toBeGreaterThanOrEqual(4);
    const times = customer.entries.map((e) => e.occurredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const accepted = customer.entries.filter((e) => e.action === "invitation.accepted");
    expect(accepted.map((e) => e.type).sort()).toEqual(["gdap", "reseller"]);
    expect(accepted[0]!.person).toMatchObject({ name: "Megan Bowen", email: "admin@contoso.example" });
    expect(accepted[0]!.counterparty).toBe("Fabrikam Partners");
    // Every entry about a relationship names its type (the agreement is the organization's, not a type's).
    expect(customer.entries.filter((e) => e.type === null).map((e) => e.action)).toEqual(["agreement.accepted"]);

    const partner = await listActivity(db, await partnerRead(), { page: 1 });
    const sent = partner.entries.filter((e) => e.action === "invitation.sent");
    expect(sent.map((e) => e.person.name).sort()).toEqual(["Isaiah Langer", "Patti Fernandez"]);
    // Contoso accepted, so the partner may name it.
    expect(partner.entries.filter((e) => e.action === "invitation.accepted").every((e) => e.counterparty === "Contoso")).toBe(true);
    expect(await recentActivity(db, await partnerRead(), 2)).toEqual(partner.entries.slice(0, 2));
  });

  it("shows nobody another organization's entries, and refuses readers without the permission", async () => {
    await acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin"], durationDays: 90 });
    const northwind = await listActivity(db, await customerRead("admin@northwind.example"), { page: 1 });
    expect(northwind).toMatchObject({ entries: [], total: 0 });
    const adatum = await listActivity(db, await partnerRead("agent@adatum.example"), { page: 1 });
    expect(adatum).toMatchObject({ entries: [], total: 0 });

    const contoso = await organizationIdOf(db, "contoso.example");
    const fabrikam = await organizationIdOf(db, "fabrikam.example");
    const attempts: [string, string, "customer" | "partner"][] = [
      ["admin@northwind.example", contoso, "customer"],
      ["helpdesk@contoso.example", contoso, "customer"],
      ["user@contoso.example", contoso, "customer"],
      ["agent@fabrikam.example", contoso, "customer"],
      ["agent@adatum.example", fabrikam, "partner"],
      ["admin@contoso.example", fabrikam, "partner"],
    ];
    for (const [email, organizationId, side] of attempts) {
      const read = { actor: await actorFor(db, email), organizationId, side };
      await expect(listActivity(db, read, { page: 1 }), `${email} reading ${side}`).rejects.toThrow(AuthorizationError);
      expect(() => allActivity(db, read, {}), `${email} exporting ${side}`).toThrow(AuthorizationError);
      expect(() => activityCsvStream(db, read, {})).toThrow(AuthorizationError);
    }
    await expect(listActivity(db, { actor: null, organizationId: contoso, side: "customer" }, {})).rejects.toThrow(AuthorizationError);
    // A Global reader reads the log.
    expect((await listActivity(db, await customerRead("reader@contoso.example"), {})).total).toBeGreaterThan(0);
  });

  it("never tells the partner which organization an address belongs to before it accepts", async () => {
    await pendingInvitation(db, { type: "reseller" }, "sales@fabrikam.example");
    const partner = await listActivity(db, await partnerRead(), {});
    expect(partner.entries).toHaveLength(1);
    expect(partner.entries[0]).toMatchObject({ action: "invitation.sent", type: "reseller", counterparty: "admin@contoso.example" });
    expect(JSON.stringify(partner.entries)).not.toContain("Contoso\"");
  });

  it("logs the customer's decline on both sides with its type", async () => {
    const { token } = await pendingInvitation(db, { type: "advisor" });
    await declineInvitation(db, await actorFor(db, "admin@contoso.example"), token, "We chose another partner.");
    const customer = await listActivity(db, await customerRead(), { kind: "invitations" });
    expect(customer.entries.map((e) => [e.action, e.type, e.counterparty])).toEqual([["invitation.declined", "advisor", "Fabrikam Partners"]]);
    const partner = await listActivity(db, await partnerRead(), { kind: "invitations", type: "advisor" });
    expect(partner.entries.map((e) => e.action)).toEqual(["invitation.declined", "invitation.sent"]);
  });

  it("filters by type, kind and date range and pages in SQL", async () => {
    await acceptedRelationship(db, { type: "reseller" }, "sales@fabrikam.example");
    await acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin", "license_admin"], durationDays: 90 });
    const read = await customerRead();
    const all = await listActivity(db, read, {});

    const gdap = await listActivity(db, read, { type: "gdap" });
    expect(gdap.total).toBeGreaterThan(0);
    expect(gdap.entries.every((e) => e.type === "gdap")).toBe(true);
    const reseller = await listActivity(db, read, { type: "reseller" });
    expect(gdap.total + reseller.total).toBeLessThanOrEqual(all.total);

    const access = await listActivity(db, read, { kind: "access" });
    expect(access.entries.map((e) => e.action)).toEqual(["roles.granted"]);
    const agreement = await listActivity(db, read, { kind: "agreement" });
    expect(agreement.entries.map((e) => e.action)).toEqual(["agreement.accepted"]);

    // Move one event to last year: the range keeps whole UTC days, both ends included.
    const [oldest] = await db.select().from(auditEvents).where(eq(auditEvents.action, "agreement.accepted"));
    await db.update(auditEvents).set({ occurredAt: new Date("2025-03-10T23:59:59.999Z") }).where(eq(auditEvents.id, oldest!.id));
    expect((await listActivity(db, read, { from: "2025-03-10", to: "2025-03-10" })).entries.map((e) => e.action)).toEqual(["agreement.accepted"]);
    expect((await listActivity(db, read, { from: "2025-03-11", to: "2025-12-31" })).total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listActivity(db, read, { from: today })).total).toBe(all.total - 1);
    expect((await listActivity(db, read, { to: "2025-03-09" })).total).toBe(0);

    // Pages of two, in the same order as one page of everything; a page past the end shows the last.
    const pages = [];
    for (let page = 1; page <= Math.ceil(all.total / 2); page++) pages.push(...(await listActivity(db, read, { page }, 2)).entries.map((e) => e.id));
    const everything = (await listActivity(db, read, {}, 100)).entries.map((e) => e.id);
    expect(pages).toEqual(everything);
    const past = await listActivity(db, read, { page: 999 }, 2);
    expect(past.page).toBe(past.pageCount);
  });

  it("reads the filters from the address, with a message for a date it cannot use", () => {
    expect(parseActivityQuery({ type: "gdap", kind: "access", from: "2026-01-01", to: "2026-01-31", page: "3" }, "customer")).toEqual({
      query: { type: "gdap", kind: "access", from: "2026-01-01", to: "2026-01-31", page: 3 },
      errors: {},
    });
    const bad = parseActivityQuery({ type: "nope", kind: "requests", from: "2026-02-30", to: "yesterday", page: "-1" }, "customer");
    expect(bad.query).toEqual({ type: undefined, kind: undefined, from: undefined, to: undefined, page: 1 });
    expect(Object.keys(bad.errors).sort()).toEqual(["from", "to"]);
    expect(parseActivityQuery({ from: "2026-02-01", to: "2026-01-01" }, "partner").errors.to).toMatch(/on or after/);
    expect(parseActivityQuery({ kind: "requests" }, "partner").query.kind).toBe("requests");
  });

  it("exports every matching entry as CSV in batches, with cells a spreadsheet never runs", async () => {
    await db.update(users).set({ name: "=HYPERLINK(\"http://evil.example\")" }).where(eq(users.email, "agent@fabrikam.example"));
    for (let i = 0; i < 3; i++) await pendingInvitation(db, { customerEmail: `someone@customer${i}.example`, type: "reseller" });
    const read = await partnerRead();
    const everything = (await listActivity(db, read, {}, 100)).entries;
    expect(everything).toHaveLength(3);

    const batches: number[][] = [];
    for await (const batch of allActivity(db, read, {}, 2)) batches.push(batch.map((e) => e.id));
    expect(batches.map((b) => b.length)).toEqual([2, 1]);
    expect(batches.flat()).toEqual(everything.map((e) => e.id));

    // Same time to the microsecond: the batches still hold each entry once.
    await db.update(auditEvents).set({ occurredAt: new Date(Date.now() - DAY) });
    const sameTime: number[] = [];
    for await (const batch of allActivity(db, read, {}, 1)) sameTime.push(...batch.map((e) => e.id));
    expect(sameTime.sort()).toEqual(everything.map((e) => e.id).sort());

    const csv = await readCsv(activityCsvStream(db, read, { type: "reseller" }));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe('"Date (UTC)","Activity","Relationship type","Performed by","Performed by (email)","Customer"');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain('"\'=HYPERLINK(""http://evil.example"")"');
    expect(lines[1]).toContain('"Reseller"');
    expect(lines[1]).toContain('"agent@fabrikam.example"');
    expect(lines[1]).toMatch(/"someone@customer\d\.example"$/);
    expect(await readCsv(activityCsvStream(db, read, { type: "gdap" }))).toBe(`${lines[0]}\r\n`);
  });

  it("narrows a partner's log to one customer's history", async () => {
    await acceptedRelationship(db, { type: "reseller" }, "sales@fabrikam.example");
    await pendingInvitation(db, { customerEmail: "admin@northwind.example", type: "reseller" });
    const read = await partnerRead();
    const contoso = await organizationIdOf(db, "contoso.example");
    const history = await listActivity(db, read, { counterpartyOrganizationId: contoso });
    expect(history.entries.length).toBeGreaterThan(0);
    expect(history.entries.every((e) => e.counterparty === "Contoso")).toBe(true);
    expect((await listActivity(db, read, {})).total).toBe(history.total + 1);
  });
});
