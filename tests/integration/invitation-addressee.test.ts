import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { invitations, memberships, organizationDomains, organizations, users } from "@/db/schema";
import { seedDatabase } from "@/seed/demo";
import { AuthorizationError, loadActor, type Actor } from "@/lib/authz";
import { acceptInvitation, declineInvitation } from "@/lib/invitations/acceptance";
import { invitationAccess } from "@/lib/invitations/rules";
import { findInvitationByToken, listPartnerInvitations } from "@/lib/invitations/queries";
import { invitationSchema } from "@/lib/invitations/schemas";
import { createInvitation } from "@/lib/invitations/service";
import { listPendingInvitationsFor } from "@/lib/relationships/queries";
import { actorFor, readerOf } from "../support/actors";
import { resetDatabase, tableCounts } from "../support/db";
import { sendTestInvitation } from "../support/invitations";

let db: Db;
const yes = { acknowledged: true };

/** Someone who signed in for the first time: a user row and no organization. */
async function newUser(email: string): Promise<Actor> {
  const [user] = await db.insert(users).values({ email, name: email.split("@")[0] }).returning();
  return (await loadActor(db, user!.id))!;
}

/** What the review page shows this person for the link: the same decision acceptance makes. */
async function pageAccess(actor: Actor | null, token: string) {
  const found = await findInvitationByToken(db, token);
  return invitationAccess(actor, found!.invitation, found!.addressee);
}

async function orgIdOf(name: string): Promise<string> {
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name));
  return org!.id;
}

describe("an invitation belongs to its addressee", () => {
  beforeEach(async () => {
    db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 0 });
  });

  it("does not follow whoever first claimed the address's domain (issue 13, item 4)", async () => {
    const first = await sendTestInvitation(db, { customerEmail: "first@mailhost.example", type: "reseller" }, "sales@fabrikam.example");
    const firstUser = await newUser("first@mailhost.example");
    expect((await acceptInvitation(db, firstUser, first.token, yes)).ok).toBe(true);
    const mailhost = await orgIdOf("Mailhost");

    const gdap = await sendTestInvitation(db, { customerEmail: "cfo@mailhost.example", message: "Confidential: the audit findings." });
    // Sent to an address of an unverified domain: bound to nobody yet.
    expect(gdap.invitation.customerOrganizationId).toBeNull();
    expect((await listPendingInvitationsFor(db, readerOf(mailhost))).rows).toEqual([]);

    // The first claimant of the domain can neither see, accept nor decline it.
    const claimant = (await loadActor(db, firstUser.userId))!;
    expect(await pageAccess(claimant, gdap.token)).toEqual({ kind: "not-for-you" });
    const before = await tableCounts(db);
    await expect(acceptInvitation(db, claimant, gdap.token, yes)).rejects.toThrow(AuthorizationError);
    await expect(declineInvitation(db, claimant, gdap.token, "not interested")).rejects.toThrow(AuthorizationError);
    expect(await tableCounts(db)).toEqual(before);

    // The addressee can: their own organization, beside the first one.
    const cfo = await newUser("cfo@mailhost.example");
    expect(await pageAccess(cfo, gdap.token)).toMatchObject({ kind: "creates-organization", organizationName: "Mailhost" });
    const accepted = await acceptInvitation(db, cfo, gdap.token, yes);
    expect(accepted).toMatchObject({ ok: true, alreadyAccepted: false });
    const customers = await db.select().from(organizations).where(eq(organizations.kind, "customer"));
    expect(customers.filter((o) => o.name === "Mailhost")).toHaveLength(2);
    const [row] = await db.select().from(invitations).where(eq(invitations.id, gdap.invitation.id));
    expect(row?.customerOrganizationId).not.toBe(mailhost);
    // Accepted, it still isn't the first claimant's to see.
    expect(await pageAccess(claimant, gdap.token)).toEqual({ kind: "not-for-you" });
    expect((await pageAccess(await actorFor(db, "cfo@mailhost.example"), gdap.token)).kind).toBe("allowed");
  });

  it("routes a domain's addresses to the organization that verified it, decided when they answer", async () => {
    const first = await sendTestInvitation(db, { customerEmail: "first@mailhost.example", type: "reseller" }, "sales@fabrikam.example");
    const firstUser = await newUser("first@mailhost.example");
    expect((await acceptInvitation(db, firstUser, first.token, yes)).ok).toBe(true);
    const mailhost = await orgIdOf("Mailhost");
    const before = await sendTestInvitation(db, { customerEmail: "cfo@mailhost.example" });
    const claimant = (await loadActor(db, firstUser.userId))!;
    expect(await pageAccess(claimant, before.token)).toEqual({ kind: "not-for-you" });

    // Mailhost proves it owns mailhost.example (domains.test.ts does it through DNS).
    await db.update(organizationDomains).set({ verifiedAt: new Date() }).where(eq(organizationDomains.organizationId, mailhost));
    expect(await pageAccess(claimant, before.token)).toEqual({ kind: "allowed", organizationId: mailhost, organizationName: "Mailhost" });
    expect((await listPendingInvitationsFor(db, readerOf(mailhost))).rows.map((p) => p.invitation.id)).toEqual([before.invitation.id]);
    const after = await sendTestInvitation(db, { customerEmail: "CEO@MAILHOST.example", type: "reseller" }, "sales@fabrikam.example");
    expect(after.invitation.customerOrganizationId).toBe(mailhost);
    // The addressee may still answer it themselves; another customer's administrator may not.
    expect((await pageAccess(await newUser("cfo@mailhost.example"), before.token)).kind).toBe("creates-organization");
    expect(await pageAccess(await actorFor(db, "admin@northwind.example"), before.token)).toEqual({ kind: "not-for-you" });
    expect((await acceptInvitation(db, claimant, before.token, yes)).ok).toBe(true);
  });

  it("lets the administrators of each organization a person belongs to answer for it, and nobody else", async () => {
    const both = await newUser("megan.private@elsewhere.example");
    const [contoso, northwind] = [await orgIdOf("Contoso"), await orgIdOf("Northwind Traders")];
    await db.insert(memberships).values([
      { userId: both.userId, organizationId: contoso, roles: ["billing_admin"] },
      { userId: both.userId, organizationId: northwind, roles: [] },
    ]);
    const { token, invitation } = await sendTestInvitation(db, { customerEmail: "megan.private@elsewhere.example" });
    expect(invitation.customerOrganizationId).toBe(contoso);
    const addressee = (await loadActor(db, both.userId))!;
    expect(await pageAccess(addressee, token)).toEqual({ kind: "allowed", organizationId: contoso, organizationName: "Contoso" });
    expect(await pageAccess(await actorFor(db, "admin@contoso.example"), token)).toMatchObject({ kind: "allowed", organizationId: contoso });
    expect(await pageAccess(await actorFor(db, "admin@northwind.example"), token)).toMatchObject({ kind: "allowed", organizationId: northwind });
    expect(await pageAccess(await actorFor(db, "helpdesk@contoso.example"), token)).toEqual({ kind: "needs-role", organizationName: "Contoso" });
    expect(await pageAccess(await actorFor(db, "agent@fabrikam.example"), token)).toEqual({ kind: "not-for-you" });
    expect(await pageAccess(null, token)).toEqual({ kind: "not-for-you" });
    expect((await listPendingInvitationsFor(db, readerOf(northwind))).rows).toHaveLength(1);
  });

  it("lets a new addressee decline without creating an organization", async () => {
    const { token } = await sendTestInvitation(db, { customerEmail: "it@tailspin.example", type: "reseller" }, "sales@fabrikam.example");
    await expect(declineInvitation(db, await newUser("other@tailspin.example"), token, null)).rejects.toThrow(AuthorizationError);
    const before = await db.$count(organizations);
    expect((await declineInvitation(db, await newUser("it@tailspin.example"), token, "Not now")).ok).toBe(true);
    expect(await db.$count(organizations)).toBe(before);
  });

  it("matches the addressee whatever the case of the address", async () => {
    const { token, invitation } = await sendTestInvitation(db, { customerEmail: "CFO@MailHost.Example", type: "reseller" }, "sales@fabrikam.example");
    expect(invitation.customerEmail).toBe("cfo@mailhost.example");
    const cfo = await newUser("Cfo@MAILHOST.example");
    expect((await acceptInvitation(db, cfo, token, yes)).ok).toBe(true);
  });

  it("lets two new customers of one domain accept at the same moment: two organizations, no error (item 5)", async () => {
    const a = await sendTestInvitation(db, { customerEmail: "ann@shared.example", type: "reseller" }, "sales@fabrikam.example");
    const b = await sendTestInvitation(db, { customerEmail: "bob@shared.example", type: "reseller" }, "agent@adatum.example");
    const [ann, bob] = [await newUser("ann@shared.example"), await newUser("bob@shared.example")];
    const membershipsBefore = await db.$count(memberships);
    const results = await Promise.all([acceptInvitation(db, ann, a.token, yes), acceptInvitation(db, bob, b.token, yes)]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(await db.$count(organizations, eq(organizations.name, "Shared"))).toBe(2);
    expect(await db.$count(memberships)).toBe(membershipsBefore + 2);
  });

  it("gives one new person one organization when they accept two invitations at once", async () => {
    const a = await sendTestInvitation(db, { customerEmail: "it@tailspin.example", type: "reseller" }, "sales@fabrikam.example");
    const b = await sendTestInvitation(db, { customerEmail: "it@tailspin.example", type: "reseller" }, "agent@adatum.example");
    const it = await newUser("it@tailspin.example");
    const results = await Promise.all([acceptInvitation(db, it, a.token, yes), acceptInvitation(db, it, b.token, yes)]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(await db.$count(organizations, eq(organizations.name, "Tailspin"))).toBe(1);
    expect(await db.$count(memberships, eq(memberships.userId, it.userId))).toBe(1);
  });

  it("sends to any address without saying who is an administrator where (item 8)", async () => {
    const agent = await actorFor(db, "agent@fabrikam.example");
    const addresses = [
      ["helpdesk@contoso.example", "advisor"],
      ["user@contoso.example", "reseller"],
      ["agent@adatum.example", "advisor"],
      ["nobody@northwind.example", "advisor"],
    ] as const;
    for (const [customerEmail, type] of addresses) {
      const result = await createInvitation(db, agent, invitationSchema.parse({ customerEmail, type, idempotencyKey: crypto.randomUUID() }));
      expect(result, customerEmail).toMatchObject({ ok: true });
    }
    // Addresses of the sender's own organization are still refused: that tells nothing about anyone else.
    for (const customerEmail of ["sales@fabrikam.example", "someone@fabrikam.example", "Someone@FABRIKAM.example"]) {
      const result = await createInvitation(db, agent, invitationSchema.parse({ customerEmail, type: "advisor", idempotencyKey: crypto.randomUUID() }));
      expect(result).toMatchObject({ ok: false, fieldErrors: { customerEmail: [expect.stringMatching(/your own organization/)] } });
    }
  });

  it("does not reveal through the duplicate check that an address belongs to a customer", async () => {
    // A Contoso member whose address is not at contoso.example.
    const outsider = await newUser("megan.private@elsewhere.example");
    await db.insert(memberships).values({ userId: outsider.userId, organizationId: await orgIdOf("Contoso"), roles: ["billing_admin"] });
    const agent = await actorFor(db, "agent@fabrikam.example");
    const send = (customerEmail: string) => createInvitation(db, agent, invitationSchema.parse({ customerEmail, type: "advisor", idempotencyKey: crypto.randomUUID() }));
    expect((await send("admin@contoso.example")).ok).toBe(true);
    const second = await send("megan.private@elsewhere.example");
    expect(second).toMatchObject({ ok: true });
    // The same address twice is a duplicate of what the partner itself sent.
    expect(await send("MEGAN.private@elsewhere.example")).toMatchObject({ ok: false, pendingInvitationId: second.ok ? second.invitationId : "" });
  });

  it("shows the partner the customer's name only once the customer accepted", async () => {
    const { token, invitation } = await sendTestInvitation(db, { customerEmail: "helpdesk@contoso.example" });
    const [pending] = (await listPartnerInvitations(db, invitation.partnerOrganizationId)).rows;
    expect(pending).toMatchObject({ customerEmail: "helpdesk@contoso.example", customerName: null });
    expect((await acceptInvitation(db, await actorFor(db, "billing@contoso.example"), token, yes)).ok).toBe(true);
    const [accepted] = (await listPartnerInvitations(db, invitation.partnerOrganizationId)).rows;
    expect(accepted).toMatchObject({ customerName: "Contoso", status: "accepted" });
  });

  it("lets a non-admin addressee see only that they need the role, and their organization's admins answer", async () => {
    const { token } = await sendTestInvitation(db, { customerEmail: "helpdesk@contoso.example" });
    expect(await pageAccess(await actorFor(db, "helpdesk@contoso.example"), token)).toEqual({ kind: "needs-role", organizationName: "Contoso" });
    await expect(acceptInvitation(db, await actorFor(db, "helpdesk@contoso.example"), token, yes)).rejects.toThrow(AuthorizationError);
    await expect(acceptInvitation(db, await actorFor(db, "admin@northwind.example"), token, yes)).rejects.toThrow(AuthorizationError);
    expect((await listPendingInvitationsFor(db, readerOf(await orgIdOf("Contoso")))).rows).toHaveLength(1);
    expect((await acceptInvitation(db, await actorFor(db, "admin@contoso.example"), token, yes)).ok).toBe(true);
  });

  it("keeps an invitation to a partner agent out of every customer's hands", async () => {
    const { token } = await sendTestInvitation(db, { customerEmail: "agent@adatum.example", type: "reseller" }, "sales@fabrikam.example");
    for (const email of ["agent@adatum.example", "admin@contoso.example", "admin@northwind.example", "agent@fabrikam.example"]) {
      expect(await pageAccess(await actorFor(db, email), token), email).toEqual({ kind: "not-for-you" });
      await expect(acceptInvitation(db, await actorFor(db, email), token, yes), email).rejects.toThrow(AuthorizationError);
    }
  });
});
