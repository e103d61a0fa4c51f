import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  agreementAcceptances,
  agreements,
  auditEvents,
  emailOutbox,
  invitationAcceptances,
  invitations,
  memberships,
  organizationDomains,
  organizations,
  relationshipTypes,
  relationships,
  roleGrants,
  users,
} from "@/db/schema";
import { seedDatabase } from "@/seed/demo";
import { AuthorizationError, loadActor } from "@/lib/authz";
import { acceptAgreement } from "@/lib/agreements/service";
import { acceptInvitation, declineInvitation } from "@/lib/invitations/acceptance";
import { findInvitationByToken } from "@/lib/invitations/queries";
import { listPartnerCustomers } from "@/lib/relationships/queries";
import { actorFor, agentOf } from "../support/actors";
import { resetDatabase, tableCounts } from "../support/db";
import { sendTestInvitation } from "../support/invitations";

let db: Db;
const yes = { acknowledged: true };

async function orgId(domain: string) {
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.domain, domain));
  return org!.id;
}

describe("Accept agreement & authorize partner", () => {
  beforeEach(async () => {
    db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 5 });
  });

  it("accepts the agreement, creates the relationship, grants the roles with expiry, and tells the partner and every Global administrator", async () => {
    const { token, invitation } = await sendTestInvitation(db);
    await db.delete(emailOutbox);
    const now = new Date();
    const result = await acceptInvitation(db, await actorFor(db, "billing@contoso.example"), token, yes, now);
    expect(result).toMatchObject({ ok: true, alreadyAccepted: false });

    const contoso = await orgId("contoso.example");
    expect(await db.$count(agreementAcceptances)).toBe(1);
    const [rel] = await db.select().from(relationships);
    expect(rel).toMatchObject({ customerOrganizationId: contoso, partnerOrganizationId: invitation.partnerOrganizationId });
    const types = await db.select().from(relationshipTypes);
    expect(types.map((t) => t.type)).toEqual(["gdap"]);
    const grants = await db.select().from(roleGrants);
    expect(grants.map((g) => g.roleId).sort()).toEqual(["helpdesk_admin", "license_admin"]);
    for (const grant of grants) expect(grant.expiresAt?.getTime()).toBe(now.getTime() + 180 * 86_400_000);
    const [acceptance] = await db.select().from(invitationAcceptances);
    // Sent to the Global administrator, accepted by the Billing administrator: both are recorded.
    expect(acceptance?.invitedEmail).toBe("admin@contoso.example");
    const [billing] = await db.select().from(users).where(eq(users.email, "billing@contoso.example"));
    expect(acceptance?.acceptedById).toBe(billing!.id);
    expect((await db.select().from(invitations))[0]?.status).toBe("accepted");
    const mail = await db.select().from(emailOutbox);
    expect(mail.map((m) => m.to).sort()).toEqual(["admin@contoso.example", "agent@fabrikam.example"]);
    expect(mail.find((m) => m.to === "admin@contoso.example")?.subject).toBe("Fabrikam Partners now has admin roles in Contoso");
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.organizationId, contoso))).map((e) => e.action).sort();
    expect(actions).toEqual(["agreement.accepted", "invitation.accepted", "invitation.requested", "roles.granted"]);
    const [customer] = (await listPartnerCustomers(db, agentOf(invitation.partnerOrganizationId))).rows;
    expect(customer).toMatchObject({ customerName: "Contoso", agreementAccepted: true, roles: ["helpdesk_admin", "license_admin"] });
  });

  it("refuses until the agreement is acknowledged, writing nothing", async () => {
    const { token } = await sendTestInvitation(db);
    const before = await tableCounts(db);
    const result = await acceptInvitation(db, await actorFor(db, "admin@contoso.example"), token, { acknowledged: false });
    expect(result).toMatchObject({ ok: false, fieldErrors: { acknowledge: [expect.stringContaining("Check the box")] } });
    expect(await tableCounts(db)).toEqual(before);
  });

  it.each([
    ["a user without an admin role", "user@contoso.example"],
    ["a Helpdesk administrator", "helpdesk@contoso.example"],
    ["another customer's Global administrator", "admin@northwind.example"],
    ["a partner agent", "agent@fabrikam.example"],
  ])("refuses %s, changing nothing", async (_who, email) => {
    const { token } = await sendTestInvitation(db);
    const before = await tableCounts(db);
    const actor = await actorFor(db, email);
    await expect(acceptInvitation(db, actor, token, yes)).rejects.toThrow(AuthorizationError);
    await expect(declineInvitation(db, actor, token, null)).rejects.toThrow(AuthorizationError);
    await expect(acceptAgreement(db, actor, await orgId("contoso.example"), yes)).rejects.toThrow(AuthorizationError);
    expect(await tableCounts(db)).toEqual(before);
  });

  it("refuses anonymous callers", async () => {
    const { token } = await sendTestInvitation(db);
    await expect(acceptInvitation(db, null, token, yes)).rejects.toThrow(AuthorizationError);
    await expect(declineInvitation(db, null, token, null)).rejects.toThrow(AuthorizationError);
  });

  it("grants once when twenty accepts arrive at the same moment", async () => {
    const { token } = await sendTestInvitation(db);
    const admin = await actorFor(db, "admin@contoso.example");
    const billing = await actorFor(db, "billing@contoso.example");
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => acceptInvitation(db, i % 2 ? admin : billing, token, yes)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && !r.alreadyAccepted)).toHaveLength(1);
    expect(await db.$count(invitationAcceptances)).toBe(1);
    expect(await db.$count(relationships)).toBe(1);
    expect(await db.$count(roleGrants)).toBe(2);
    expect(await db.$count(agreementAcceptances)).toBe(1);
    expect(await db.$count(auditEvents, eq(auditEvents.action, "roles.granted"))).toBe(1);
  });

  it("shows an accepted link as accepted, never granting again", async () => {
    const { token } = await sendTestInvitation(db);
    await acceptInvitation(db, await actorFor(db, "admin@contoso.example"), token, yes);
    const again = await acceptInvitation(db, await actorFor(db, "admin@contoso.example"), token, yes);
    expect(again).toMatchObject({ ok: true, alreadyAccepted: true });
    const found = await findInvitationByToken(db, token);
    expect(found).toMatchObject({ status: "accepted", acceptance: { acceptedBy: "Megan Bowen" } });
    expect(await db.$count(roleGrants)).toBe(2);
  });

  it("keeps the earlier agreement acceptance and adds types to an existing relationship", async () => {
    const first = await sendTestInvitation(db, { type: "reseller" }, "sales@fabrikam.example");
    await acceptInvitation(db, await actorFor(db, "admin@contoso.example"), first.token, yes);
    const second = await sendTestInvitation(db, { type: "gdap", roles: ["global_admin"], durationDays: 30 });
    await acceptInvitation(db, await actorFor(db, "billing@contoso.example"), second.token, yes);
    expect(await db.$count(agreementAcceptances)).toBe(1);
    expect(await db.$count(relationships)).toBe(1);
    expect((await db.select().from(relationshipTypes)).map((t) => t.type).sort()).toEqual(["gdap", "reseller"]);
  });

  it("declines with a reason, grants nothing and tells the partner", async () => {
    const { token } = await sendTestInvitation(db);
    await db.delete(emailOutbox);
    const result = await declineInvitation(db, await actorFor(db, "admin@contoso.example"), token, "We chose another partner.");
    expect(result.ok).toBe(true);
    expect((await db.select().from(invitations))[0]).toMatchObject({ status: "declined", declineReason: "We chose another partner." });
    expect(await db.$count(relationships)).toBe(0);
    const [mail] = await db.select().from(emailOutbox);
    expect(mail).toMatchObject({ to: "agent@fabrikam.example", subject: "Contoso canceled your Granular delegated administrator invitation" });
    expect(mail?.text).toContain("We chose another partner.");
    expect((await acceptInvitation(db, await actorFor(db, "admin@contoso.example"), token, yes)).ok).toBe(false);
  });

  it("refuses expired and cancelled invitations", async () => {
    const { token } = await sendTestInvitation(db);
    const later = new Date(Date.now() + 91 * 86_400_000);
    expect(await acceptInvitation(db, await actorFor(db, "admin@contoso.example"), token, yes, later)).toMatchObject({ ok: false, message: expect.stringMatching(/expired/) });
    expect(await db.$count(relationships)).toBe(0);
  });

  it("creates the customer organization when the invitee's is new", async () => {
    const { token } = await sendTestInvitation(db, { customerEmail: "it@tailspin.example", type: "reseller" }, "sales@fabrikam.example");
    const [user] = await db.insert(users).values({ email: "it@tailspin.example", name: "Tailspin IT" }).returning();
    const actor = await loadActor(db, user!.id);
    expect((await acceptInvitation(db, actor, token, yes)).ok).toBe(true);
    const [org] = await db.select().from(organizations).where(eq(organizations.name, "Tailspin"));
    expect(org).toMatchObject({ kind: "customer", domain: null });
    // Its domain is only claimed: it routes no one else's invitations until the organization verifies it.
    const domains = await db.select().from(organizationDomains).where(eq(organizationDomains.organizationId, org!.id));
    expect(domains).toMatchObject([{ domain: "tailspin.example", verifiedAt: null }]);
    const [membership] = await db.select().from(memberships).where(eq(memberships.userId, user!.id));
    expect(membership?.roles).toEqual(["global_admin"]);
    // Someone else cannot use the same link to claim it.
    const other = await sendTestInvitation(db, { customerEmail: "ceo@wingtip.example", type: "reseller" }, "sales@fabrikam.example");
    await expect(acceptInvitation(db, await actorFor(db, "admin@northwind.example"), other.token, yes)).rejects.toThrow(AuthorizationError);
  });

  it("accepts the agreement alone, once per version", async () => {
    const contoso = await orgId("contoso.example");
    expect((await acceptAgreement(db, await actorFor(db, "billing@contoso.example"), contoso, { acknowledged: false })).ok).toBe(false);
    const [a, b] = await Promise.all([
      acceptAgreement(db, await actorFor(db, "billing@contoso.example"), contoso, yes),
      acceptAgreement(db, await actorFor(db, "admin@contoso.example"), contoso, yes),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect(await db.$count(agreementAcceptances)).toBe(1);
    expect(await db.$count(auditEvents, eq(auditEvents.action, "agreement.accepted"))).toBe(1);
    // A new version needs a new acceptance.
    await db.insert(agreements).values({ version: "2027-01", title: "Customer Agreement", body: "New terms.", publishedAt: new Date(Date.now() - 1000) });
    expect((await acceptAgreement(db, await actorFor(db, "admin@contoso.example"), contoso, yes)).ok).toBe(true);
    expect(await db.$count(agreementAcceptances)).toBe(2);
  });
});
