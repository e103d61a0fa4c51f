// The invitations waiting for a customer's answer are read per verified domain and per member's
// address, each read stopping after the rows a page needs (firstWaitingFor, lib/invitations/queries.ts).
// Property: whatever invitations exist (any address, status, expiry, creation time, ties included),
// every page, the count and its cap, and the preview equal what the addressee rule says, computed here
// from the rows themselves.
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { invitations, memberships, organizationDomains, organizations, users, type InvitationStatus } from "@/db/schema";
import { listPendingInvitationsFor, pendingInvitationsPreview } from "@/lib/relationships/queries";
import { readerOf } from "../support/actors";
import { resetDatabase } from "../support/db";

const NOW = new Date("2026-06-01T12:00:00Z");
const DAY = 86_400_000;

/** Addresses the invitations go to: members at verified domains and elsewhere, strangers at a verified domain, others. */
const ADDRESSES = [
  "ada@waiting-one.example", // member, verified domain
  "ADA@Waiting-One.example", // the same person, another case
  "new.hire@waiting-one.example", // not a member, verified domain
  "bob@webmail.example", // member at a domain nobody verified
  "Bob@WebMail.example", // the same member, another case
  "carol@waiting-two.example", // not a member, second verified domain
  "dave@claimed.example", // domain claimed but not verified
  "erin@elsewhere.example", // nobody's
  "frank@webmail.example", // not a member, same unverified domain as a member
];

const STATUSES: InvitationStatus[] = ["pending", "pending", "pending", "accepted", "declined", "cancelled"];

let db: Db;
let customerId: string;
let partnerId: string;
let senderId: string;

async function user(email: string): Promise<string> {
  const [row] = await db.insert(users).values({ email, name: email.split("@")[0] }).returning({ id: users.id });
  return row!.id;
}

describe("invitations waiting for a customer's answer", () => {
  beforeAll(async () => {
    db = await resetDatabase();
    const [customer] = await db.insert(organizations).values({ kind: "customer", name: "Waiting Customer", domain: "waiting-one.example" }).returning();
    const [partner] = await db.insert(organizations).values({ kind: "partner", name: "Waiting Partner", domain: "waiting-partner.example" }).returning();
    customerId = customer!.id;
    partnerId = partner!.id;
    for (const [domain, verified] of [
      ["waiting-one.example", true],
      ["waiting-two.example", true],
      ["claimed.example", false],
    ] as const) {
      await db.insert(organizationDomains).values({ organizationId: customerId, domain, verificationToken: randomBytes(8).toString("hex"), verifiedAt: verified ? NOW : null });
    }
    for (const email of ["ada@waiting-one.example", "bob@webmail.example"]) {
      await db.insert(memberships).values({ userId: await user(email), organizationId: customerId, roles: ["global_admin"] });
    }
    senderId = await user("agent@waiting-partner.example");
    await db.insert(memberships).values({ userId: senderId, organizationId: partnerId, roles: ["admin_agent"] });
  });

  it("lists, counts and previews exactly the pending, unexpired invitations addressed to it, oldest first", async () => {
    const invitation = fc.record({
      address: fc.constantFrom(...ADDRESSES),
      status: fc.constantFrom(...STATUSES),
      expiresInDays: fc.integer({ min: -3, max: 30 }),
      // Few distinct times, so that ties (broken by id) happen.
      createdDaysAgo: fc.integer({ min: 0, max: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(invitation, { maxLength: 24 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }), async (rows, pageSize, cap) => {
        await db.delete(invitations).where(eq(invitations.partnerOrganizationId, partnerId));
        const inserted = rows.length
          ? await db
              .insert(invitations)
              .values(
                rows.map((r) => ({
                  partnerOrganizationId: partnerId,
                  customerEmail: r.address,
                  type: "reseller" as const,
                  tokenHash: randomBytes(16).toString("hex"),
                  tokenSalt: randomBytes(16).toString("hex"),
                  status: r.status,
                  expiresAt: new Date(NOW.getTime() + r.expiresInDays * DAY),
                  createdById: senderId,
                  createdAt: new Date(NOW.getTime() - r.createdDaysAgo * DAY),
                })),
              )
              .returning()
          : [];
        // The addressee rule, from the rows: a member's address (any case), or an address at a verified domain.
        const members = new Set(["ada@waiting-one.example", "bob@webmail.example"]);
        const verified = new Set(["waiting-one.example", "waiting-two.example"]);
        const expected = inserted
          .filter((i) => i.status === "pending" && i.expiresAt > NOW)
          .filter((i) => members.has(i.customerEmail.toLowerCase()) || verified.has(i.customerEmail.toLowerCase().split("@")[1]!))
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          .map((i) => i.id);

        const pages = Math.max(1, Math.ceil(Math.min(expected.length, Math.max(cap, pageSize * 5)) / pageSize));
        const seen: string[] = [];
        for (let page = 1; page <= pages; page++) {
          const result = await listPendingInvitationsFor(db, readerOf(customerId), page, NOW, pageSize, cap);
          expect(result.page).toBe(page);
          expect(result.rows.map((r) => r.invitation.id)).toEqual(expected.slice((page - 1) * pageSize, page * pageSize));
          // The count reaches at least a few pages past the one shown, and says when there are more.
          expect(result.capped).toBe(result.total < expected.length);
          if (!result.capped) expect(result.total).toBe(expected.length);
          seen.push(...result.rows.map((r) => r.invitation.id));
        }
        expect(seen).toEqual(expected.slice(0, seen.length));

        const preview = await pendingInvitationsPreview(db, readerOf(customerId), 3, NOW);
        expect(preview.total).toBe(Math.min(expected.length, 100));
        expect(preview.rows.map((r) => r.invitation.id)).toEqual(expected.length <= 3 ? expected : []);
      }),
      { numRuns: 40 },
    );
  });
});
