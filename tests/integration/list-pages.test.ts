/**
 * The partner's Invitations and Customer requests and both sides' Activity page, filter, search and
 * sort in SQL: a page shows exactly its rows (rows 51–100 on page 2), the filters and the search hold
 * whatever a visitor types, and a CSV export reads its rows in batches.
 */
import { asc, desc, eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, contactRequestRecipients, contactRequests, invitations } from "@/db/schema";
import { activityCsvStream } from "@/lib/audit/csv";
import { allActivity, listActivity, type ActivityRead } from "@/lib/audit/queries";
import { describeEvent } from "@/lib/audit/rules";
import { listPartnerRequests } from "@/lib/contact-requests/queries";
import { csvLine } from "@/lib/csv";
import { listPartnerInvitations } from "@/lib/invitations/queries";
import { cappedCount } from "@/lib/paging";
import { relationshipTypeName } from "@/lib/relationships/types";
import { actorFor } from "../support/actors";
import { resetDatabase } from "../support/db";
import { freshDatabase, organizationIdOf, userIdOf } from "../support/fixtures";

let db: Db;
let fabrikam: string;
const MINUTE = 60_000;
/** A fixed "now" an hour after the newest row, so every row's status is known. */
const NOW = new Date("2026-06-01T12:00:00Z");
const HOSTILE = ["%", "_", "\\", "%%", "a_b", "' OR '1'='1", "'; drop table invitations; --", "😀", "é".repeat(100), "\u202eeulav", "[a-z]*", ".*", "$1"];

/** 120 invitations from Fabrikam, one a minute back from NOW - 1h: #1 newest. Every 4th declined; #7 to an address with a % in it. */
async function seedInvitations(count = 120) {
  const agent = await userIdOf(db, "agent@fabrikam.example");
  await db.insert(invitations).values(
    Array.from({ length: count }, (_, i) => {
      const n = i + 1;
      const createdAt = new Date(NOW.getTime() - 3_600_000 - n * MINUTE);
      return {
        partnerOrganizationId: fabrikam,
        customerEmail: n === 7 ? "Sales50%Off@Shop.example" : `Admin${String(n).padStart(3, "0")}@Customer${n % 3}.example`,
        type: "reseller" as const,
        tokenHash: `list-test-${n}`,
        tokenSalt: "salt",
        status: n % 4 === 0 ? ("declined" as const) : ("pending" as const),
        expiresAt: new Date(createdAt.getTime() + (n % 5) * 86_400_000 + 86_400_000),
        createdById: agent,
        createdAt,
        lastSentAt: createdAt,
      };
    }),
  );
}

/** 120 requests to Fabrikam, one a minute back: #1 newest. Every 3rd replied. */
async function seedRequests(count = 120) {
  const requests = await db
    .insert(contactRequests)
    .values(
      Array.from({ length: count }, (_, i) => ({
        idempotencyKey: `list-test-${i + 1}`,
        name: `Person ${i + 1}`,
        email: `person${i + 1}@requester.example`,
        company: i + 1 === 42 ? "Harbor_Lights 100%" : `Company ${i + 1}`,
        country: "US",
        sizeBand: "10-49",
        needs: "Licensing help",
        createdAt: new Date(NOW.getTime() - (i + 1) * MINUTE),
      })),
    )
    .returning({ id: contactRequests.id, createdAt: contactRequests.createdAt });
  await db.insert(contactRequestRecipients).values(
    requests.map((r, i) => ({ requestId: r.id, partnerOrganizationId: fabrikam, status: (i + 1) % 3 === 0 ? ("replied" as const) : ("new" as const), createdAt: r.createdAt })),
  );
}

async function partnerRead(): Promise<ActivityRead> {
  const actor = await actorFor(db, "agent@fabrikam.example");
  return { actor, organizationId: fabrikam, side: "partner" };
}

/** `count` events on Fabrikam's log, one a minute back from NOW: every 3rd about access (roles.granted, GDAP), the rest invitations (Reseller). */
async function seedEvents(count: number) {
  await db.execute(sql`
    insert into ${auditEvents} (occurred_at, actor_user_id, actor_label, organization_id, action, target_type, target_id, details)
    select ${NOW.toISOString()}::timestamptz - make_interval(mins => g), null, 'System', ${fabrikam}::uuid,
      case when g % 3 = 0 then 'roles.granted' else 'invitation.sent' end,
      case when g % 3 = 0 then 'relationship' else 'invitation' end,
      gen_random_uuid()::text,
      case when g % 3 = 0 then jsonb_build_object('type', 'gdap', 'roles', jsonb_build_array('Helpdesk administrator'))
           else jsonb_build_object('type', 'reseller', 'to', 'someone' || g || '@customer.example') end
    from generate_series(1, ${count}) g`);
}

describe("list pages", () => {
  beforeAll(() => resetDatabase(), 120_000);

  beforeEach(async () => {
    db = await freshDatabase();
    fabrikam = await organizationIdOf(db, "fabrikam.example");
  });

  it("Invitations: page 2 shows rows 51–100 exactly, in each order, and a page past the end shows the last", async () => {
    await seedInvitations();
    const emailsIn = async (order: "newest" | "oldest" | "expires") =>
      (
        await db
          .select({ email: invitations.customerEmail })
          .from(invitations)
          .where(eq(invitations.partnerOrganizationId, fabrikam))
          .orderBy(...(order === "newest" ? [desc(invitations.createdAt), desc(invitations.id)] : order === "oldest" ? [asc(invitations.createdAt), asc(invitations.id)] : [asc(invitations.expiresAt), asc(invitations.id)]))
      ).map((r) => r.email);
    for (const sort of ["newest", "oldest", "expires"] as const) {
      const all = await emailsIn(sort);
      const second = await listPartnerInvitations(db, fabrikam, { sort, page: 2 }, NOW);
      expect(second.rows.map((r) => r.customerEmail), sort).toEqual(all.slice(50, 100));
      expect(second).toMatchObject({ page: 2, pageCount: 3, total: 120, capped: false, pageSize: 50 });
    }
    const newest = await listPartnerInvitations(db, fabrikam, {}, NOW);
    expect(newest.rows[0]?.customerEmail).toBe("Admin001@Customer1.example");
    const past = await listPartnerInvitations(db, fabrikam, { page: 999 }, NOW);
    expect(past).toMatchObject({ page: 3, pageCount: 3 });
    expect(past.rows.map((r) => r.customerEmail)).toEqual((await emailsIn("newest")).slice(100));
  });

  it("Invitations: the status filter is as of now, and the address search finds any part of it in any case, its own % _ and \\ as text", async () => {
    await seedInvitations();
    expect((await listPartnerInvitations(db, fabrikam, { status: "declined" }, NOW)).total).toBe(30);
    expect((await listPartnerInvitations(db, fabrikam, { status: "pending" }, NOW)).total).toBe(90);
    // Two days on, the pending ones that ended in a day or two are expired, without a sweep.
    const later = new Date(NOW.getTime() + 2 * 86_400_000);
    const expired = await listPartnerInvitations(db, fabrikam, { status: "expired" }, later);
    expect(expired.total).toBeGreaterThan(0);
    expect(expired.rows.every((r) => r.status === "expired")).toBe(true);
    expect(expired.total + (await listPartnerInvitations(db, fabrikam, { status: "pending" }, later)).total).toBe(90);

    const customer1 = await listPartnerInvitations(db, fabrikam, { q: "customer1.EXAMPLE" }, NOW);
    // 40 numbers leave 1 in 3, less #7, whose address is another.
    expect(customer1.total).toBe(39);
    expect(customer1.rows.every((r) => r.customerEmail.endsWith("@Customer1.example"))).toBe(true);
    expect((await listPartnerInvitations(db, fabrikam, { q: "admin05" }, NOW)).rows.map((r) => r.customerEmail).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `Admin05${i}@Customer${(50 + i) % 3}.example`),
    );
    expect((await listPartnerInvitations(db, fabrikam, { q: "50%" }, NOW)).rows.map((r) => r.customerEmail)).toEqual(["Sales50%Off@Shop.example"]);
    expect((await listPartnerInvitations(db, fabrikam, { q: "declined", status: "declined" }, NOW)).total).toBe(0);
    for (const q of HOSTILE) {
      const found = await listPartnerInvitations(db, fabrikam, { q, page: 2 }, NOW);
      expect(found.rows.every((r) => r.customerEmail.toLowerCase().includes(q.toLowerCase())), q).toBe(true);
      expect(found.total, q).toBe(q === "%" ? 1 : 0);
    }
    // Another partner's list holds none of them.
    expect((await listPartnerInvitations(db, await organizationIdOf(db, "adatum.example"), {}, NOW)).total).toBe(0);
  });

  it("Requests: page 2 shows rows 51–100 exactly, Invited is known for the rows shown, and filters and search hold hostile text", async () => {
    await seedRequests();
    const second = await listPartnerRequests(db, fabrikam, { page: 2 });
    expect(second.rows.map((r) => r.name)).toEqual(Array.from({ length: 50 }, (_, i) => `Person ${i + 51}`));
    expect(second).toMatchObject({ page: 2, pageCount: 3, total: 120, capped: false });
    expect((await listPartnerRequests(db, fabrikam, { page: 2, sort: "oldest" })).rows.map((r) => r.name)).toEqual(Array.from({ length: 50 }, (_, i) => `Person ${70 - i}`));
    expect((await listPartnerRequests(db, fabrikam, { page: 50 })).page).toBe(3);

    // Request 60 was invited from; request 61's sender was invited afterwards by address; request 62's sender before it arrived.
    const [r60, r61, r62] = await Promise.all(
      [60, 61, 62].map(async (n) => (await db.select().from(contactRequests).where(eq(contactRequests.name, `Person ${n}`)))[0]!),
    );
    const [recipient60] = await db.select().from(contactRequestRecipients).where(eq(contactRequestRecipients.requestId, r60!.id));
    const agent = await userIdOf(db, "agent@fabrikam.example");
    const invite = (n: number, fields: Partial<typeof invitations.$inferInsert>) => ({
      partnerOrganizationId: fabrikam,
      customerEmail: "x@y.example",
      type: "reseller" as const,
      tokenHash: `invited-${n}`,
      tokenSalt: "salt",
      expiresAt: new Date(NOW.getTime() + 90 * 86_400_000),
      createdById: agent,
      ...fields,
    });
    await db.insert(invitations).values([
      invite(60, { contactRecipientId: recipient60!.id, createdAt: NOW }),
      invite(61, { customerEmail: r61!.email.toUpperCase(), createdAt: new Date(r61!.createdAt.getTime() + MINUTE) }),
      invite(62, { customerEmail: r62!.email, createdAt: new Date(r62!.createdAt.getTime() - MINUTE) }),
    ]);
    const invited = Object.fromEntries((await listPartnerRequests(db, fabrikam, { page: 2 })).rows.map((r) => [r.name, r.invitedAt?.getTime() ?? null]));
    expect(invited["Person 60"]).toBe(NOW.getTime());
    expect(invited["Person 61"]).toBe(r61!.createdAt.getTime() + MINUTE);
    expect(invited["Person 62"]).toBeNull();
    expect(Object.values(invited).filter((t) => t !== null)).toHaveLength(2);

    expect((await listPartnerRequests(db, fabrikam, { status: "replied" })).total).toBe(40);
    expect((await listPartnerRequests(db, fabrikam, { status: "declined" })).rows).toEqual([]);
    expect((await listPartnerRequests(db, fabrikam, { q: "PERSON11" })).rows.map((r) => r.name)).toEqual(["Person 11", "Person 110", "Person 111", "Person 112", "Person 113", "Person 114", "Person 115", "Person 116", "Person 117", "Person 118", "Person 119"]);
    expect((await listPartnerRequests(db, fabrikam, { q: "person7@requester" })).rows.map((r) => r.email)).toEqual(["person7@requester.example"]);
    expect((await listPartnerRequests(db, fabrikam, { q: "company 9", status: "replied" })).rows.map((r) => r.company)).toEqual(["Company 9", "Company 90", "Company 93", "Company 96", "Company 99"]);
    expect((await listPartnerRequests(db, fabrikam, { q: "r_l" })).rows.map((r) => r.company)).toEqual(["Harbor_Lights 100%"]);
    // "_" is a character, not any character: "n_1" would otherwise find "Person 1".
    expect((await listPartnerRequests(db, fabrikam, { q: "n_1" })).total).toBe(0);
    for (const q of HOSTILE) {
      const found = await listPartnerRequests(db, fabrikam, { q });
      const text = (r: (typeof found.rows)[number]) => `${r.company} ${r.name} ${r.email}`.toLowerCase();
      expect(found.rows.every((r) => text(r).includes(q.toLowerCase())), q).toBe(true);
      expect(found.total, q).toBe(q === "%" || q === "_" ? 1 : 0);
    }
    expect((await listPartnerRequests(db, await organizationIdOf(db, "adatum.example"), {})).total).toBe(0);
  });

  it("Activity: page 2 shows entries 51–100 exactly; the type and kind filters read the index's expressions", async () => {
    await seedEvents(120);
    const read = await partnerRead();
    const second = await listActivity(db, read, { page: 2 }, 50);
    expect(second).toMatchObject({ page: 2, pageCount: 3, total: 120, capped: false });
    const minutesBack = (e: { occurredAt: Date }) => (NOW.getTime() - e.occurredAt.getTime()) / MINUTE;
    expect(second.entries.map(minutesBack)).toEqual(Array.from({ length: 50 }, (_, i) => i + 51));

    const gdap = await listActivity(db, read, { type: "gdap" }, 50);
    expect(gdap.total).toBe(40);
    expect(gdap.entries.every((e) => e.type === "gdap" && e.action === "roles.granted")).toBe(true);
    expect((await listActivity(db, read, { kind: "access" }, 50)).total).toBe(40);
    expect((await listActivity(db, read, { kind: "invitations", type: "reseller" }, 50)).total).toBe(80);
    expect((await listActivity(db, read, { kind: "requests" }, 50)).total).toBe(0);
    // An old invitation event without a type in its details is about the type its action names, or none.
    await db.update(auditEvents).set({ details: {} }).where(eq(auditEvents.action, "invitation.sent"));
    expect((await listActivity(db, read, { type: "reseller" }, 50)).total).toBe(0);
  });

  it("counts up to a cap and says when there are more", async () => {
    await seedInvitations(30);
    const rows = db.select({ one: sql`1`.as("one") }).from(invitations).where(eq(invitations.partnerOrganizationId, fabrikam)).$dynamic();
    expect(await cappedCount(db, rows, 10)).toEqual({ count: 10, capped: true });
    expect(await cappedCount(db, rows, 30)).toEqual({ count: 30, capped: false });
    expect(await cappedCount(db, rows, 100)).toEqual({ count: 30, capped: false });
  });

  it("exports Activity in batches of 100, with the same lines as one line per entry", async () => {
    await seedEvents(2_345);
    const read = await partnerRead();
    const sizes: number[] = [];
    for await (const batch of allActivity(db, read, {})) sizes.push(batch.length);
    expect(sizes).toEqual([...Array<number>(23).fill(100), 45]);

    const csv = await new Response(activityCsvStream(db, read, {})).text();
    const lines = csv.split("\r\n");
    expect(lines).toHaveLength(2_345 + 2);
    const first = (await listActivity(db, read, {}, 3)).entries;
    const expected = first.map((e) =>
      csvLine([e.occurredAt.toISOString().replace("T", " ").slice(0, 19), describeEvent(e), e.type ? relationshipTypeName(e.type) : "", e.person.name ?? e.person.label, e.person.email ?? "", e.counterparty ?? ""]),
    );
    expect(csv.startsWith(`${csvLine(["Date (UTC)", "Activity", "Relationship type", "Performed by", "Performed by (email)", "Customer"])}${expected.join("")}`)).toBe(true);
    // The filters apply to the export: the GDAP entries only.
    expect((await new Response(activityCsvStream(db, read, { type: "gdap" }, 100)).text()).split("\r\n")).toHaveLength(Math.floor(2_345 / 3) + 2);
  });
});
