import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, contactRequestRecipients, invitations, relationshipTypes } from "@/db/schema";
import { countNewRequests, listPartnerRequests } from "@/lib/contact-requests/queries";
import { declineRequestSchema } from "@/lib/contact-requests/schemas";
import { declineRequest, setRequestStatus } from "@/lib/contact-requests/service";
import { AuthorizationError } from "@/lib/authz";
import { countPendingInvitations, expiringCustomers, getPartnerCustomer } from "@/lib/organizations/queries";
import { actorFor } from "../support/actors";
import { resetDatabase, tableCounts } from "../support/db";
import { acceptedRelationship, contactRequestTo, contactRequestToFabrikam, freshDatabase, organizationIdOf, pendingInvitation } from "../support/fixtures";

let db: Db;
const DAY = 86_400_000;

async function fabrikamRead(email = "agent@fabrikam.example") {
  return { actor: await actorFor(db, email), organizationId: await organizationIdOf(db, "fabrikam.example") };
}

describe("the partner's requests, overview and customer page", () => {
  // The first reset migrates this worker's database: a hook's time, not the first test's.
  beforeAll(() => resetDatabase(), 120_000);

  beforeEach(async () => {
    db = await freshDatabase();
  });

  it("declines a request only with a reason, keeps and audits it, and clears it when reopened", async () => {
    const { recipientId } = await contactRequestToFabrikam(db);
    expect(declineRequestSchema.safeParse({ recipientId, reason: "   " }).error?.issues[0]).toMatchObject({ path: ["reason"], message: "Enter why you are declining this request." });
    expect(declineRequestSchema.safeParse({ recipientId }).success).toBe(false);
    expect(declineRequestSchema.safeParse({ recipientId, reason: "x".repeat(501) }).error?.issues[0]?.message).toMatch(/under 500/);
    expect(declineRequestSchema.safeParse({ recipientId, reason: "bad\u202etext" }).success).toBe(false);

    // Another partner's agent and a customer change nothing.
    const before = await tableCounts(db);
    expect(await declineRequest(db, await actorFor(db, "agent@adatum.example"), { recipientId, reason: "No." })).toMatchObject({ ok: false, code: "not_found" });
    await expect(declineRequest(db, await actorFor(db, "admin@contoso.example"), { recipientId, reason: "No." })).rejects.toThrow(AuthorizationError);
    expect(await tableCounts(db)).toEqual(before);

    const sales = await actorFor(db, "sales@fabrikam.example");
    expect(await declineRequest(db, sales, { recipientId, reason: "We don't serve organizations this size." })).toMatchObject({ ok: true, changed: true });
    // Twice is safe.
    expect(await declineRequest(db, sales, { recipientId, reason: "Again" })).toMatchObject({ ok: true, changed: false });
    const [declined] = (await listPartnerRequests(db, await organizationIdOf(db, "fabrikam.example"), { status: "declined" })).rows;
    expect(declined).toMatchObject({ status: "declined", declineReason: "We don't serve organizations this size." });
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, "contact_request.declined"));
    expect(event?.details).toMatchObject({ from: "new", to: "declined", reason: "We don't serve organizations this size." });

    await setRequestStatus(db, sales, { recipientId, status: "new" });
    const [row] = await db.select().from(contactRequestRecipients).where(eq(contactRequestRecipients.id, recipientId));
    expect(row).toMatchObject({ status: "new", declineReason: null });
  });

  it("shows a request as invited once an invitation went out from it or to its sender afterwards, and only then", async () => {
    // An invitation to the address before the request arrived does not count.
    await pendingInvitation(db, { customerEmail: "megan@contoso.example", type: "reseller" }, "sales@fabrikam.example");
    await db.update(invitations).set({ createdAt: new Date(Date.now() - DAY) });
    const { recipientId } = await contactRequestToFabrikam(db);
    const fabrikam = await organizationIdOf(db, "fabrikam.example");
    expect((await listPartnerRequests(db, fabrikam)).rows[0]?.invitedAt).toBeNull();

    // Another partner's invitation to the same address does not count for Fabrikam.
    await pendingInvitation(db, { customerEmail: "megan@contoso.example", type: "lob" }, "agent@adatum.example");
    expect((await listPartnerRequests(db, fabrikam)).rows[0]?.invitedAt).toBeNull();

    // From the request (the invite form carries its id).
    await pendingInvitation(db, { customerEmail: "it@contoso.example", type: "advisor", contactRecipientId: recipientId });
    const [invited] = (await listPartnerRequests(db, fabrikam)).rows;
    expect(invited?.invitedAt).toBeInstanceOf(Date);

    // To the sender's address after the request, from Adatum's own request.
    const adatumRequest = await contactRequestTo(db, "adatum-consulting");
    const adatum = await organizationIdOf(db, "adatum.example");
    expect((await listPartnerRequests(db, adatum)).rows.find((r) => r.recipientId === adatumRequest.recipientId)?.invitedAt).toBeNull();
    await pendingInvitation(db, { customerEmail: "Megan@Contoso.example", type: "reseller" }, "agent@adatum.example");
    expect((await listPartnerRequests(db, adatum)).rows.find((r) => r.recipientId === adatumRequest.recipientId)?.invitedAt).toBeInstanceOf(Date);
  });

  it("counts new requests, pending invitations and customers whose access expires within 30 days", async () => {
    const read = await fabrikamRead();
    expect(await countNewRequests(db, read)).toEqual({ count: 0, capped: false });
    const { recipientId } = await contactRequestToFabrikam(db);
    await contactRequestToFabrikam(db);
    await setRequestStatus(db, read.actor, { recipientId, status: "replied" });
    expect(await countNewRequests(db, read)).toEqual({ count: 1, capped: false });

    await pendingInvitation(db, { customerEmail: "admin@northwind.example", type: "reseller" });
    const expired = await pendingInvitation(db, { customerEmail: "someone@elsewhere.example", type: "reseller" });
    await db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, expired.invitation.id));
    expect(await countPendingInvitations(db, read)).toEqual({ count: 1, capped: false });

    const soon = await acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin"], durationDays: 20 });
    expect(await expiringCustomers(db, read)).toMatchObject({ rows: [{ relationshipId: soon, customerName: "Contoso" }], count: 1, capped: false });
    // Not yet within 30 days, or already ended: not expiring.
    expect((await expiringCustomers(db, read, new Date(Date.now() - 20 * DAY))).rows).toEqual([]);
    expect((await expiringCustomers(db, read, new Date(Date.now() + 21 * DAY))).rows).toEqual([]);
    await db.update(relationshipTypes).set({ terminatedAt: new Date() });
    expect(await expiringCustomers(db, read)).toEqual({ rows: [], count: 0, capped: false });

    // Another partner counts its own (none); a customer may not read a partner's counts.
    const adatum = { actor: await actorFor(db, "agent@adatum.example"), organizationId: await organizationIdOf(db, "adatum.example") };
    expect([await countNewRequests(db, adatum), await countPendingInvitations(db, adatum), await expiringCustomers(db, adatum)]).toEqual([{ count: 0, capped: false }, { count: 0, capped: false }, { rows: [], count: 0, capped: false }]);
    const customer = { actor: await actorFor(db, "admin@contoso.example"), organizationId: read.organizationId };
    await expect(countNewRequests(db, customer)).rejects.toThrow(AuthorizationError);
    await expect(countPendingInvitations(db, customer)).rejects.toThrow(AuthorizationError);
    await expect(expiringCustomers(db, customer)).rejects.toThrow(AuthorizationError);
  });

  it("shows a customer's types and each role with the type that grants it, to that partner only", async () => {
    await acceptedRelationship(db, { type: "advisor" });
    const id = await acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin", "license_admin"], durationDays: 60 });
    const customer = await getPartnerCustomer(db, await fabrikamRead("sales@fabrikam.example"), id);
    expect(customer?.customerName).toBe("Contoso");
    expect(customer?.types.map((t) => t.type).sort()).toEqual(["advisor", "gdap"]);
    const grants = customer!.grants.map((g) => `${g.roleId}/${g.viaType}/${g.expiresAt ? "ends" : "no end"}`).sort();
    expect(grants).toEqual(["helpdesk_admin/advisor/no end", "helpdesk_admin/gdap/ends", "license_admin/gdap/ends", "service_support_admin/advisor/no end"]);
    expect(customer?.agreementAccepted).toBe(true);

    // Another partner's agent: not found. A customer, or nobody: refused. Not an id: not found.
    const adatum = { actor: await actorFor(db, "agent@adatum.example"), organizationId: await organizationIdOf(db, "adatum.example") };
    expect(await getPartnerCustomer(db, adatum, id)).toBeUndefined();
    expect(await getPartnerCustomer(db, await fabrikamRead(), "not-an-id")).toBeUndefined();
    const contoso = await actorFor(db, "admin@contoso.example");
    await expect(getPartnerCustomer(db, { actor: contoso, organizationId: contoso.memberships[0]!.organizationId }, id)).rejects.toThrow(AuthorizationError);
    await expect(getPartnerCustomer(db, { actor: null, organizationId: await organizationIdOf(db, "fabrikam.example") }, id)).rejects.toThrow(AuthorizationError);
  });
});
