/**
 * The invitation review page reads everything it shows in one query (lib/invitations/review.ts):
 * it must answer exactly what the separate reads answer (findInvitationByToken,
 * senderMayStillAsk, currentAcceptance), whoever the address leads to and whatever became of the
 * invitation, its sender and the agreement.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { memberships, organizationDomains, organizations, users } from "@/db/schema";
import { currentAcceptance } from "@/lib/agreements/queries";
import { acceptAgreement } from "@/lib/agreements/service";
import { loadActor } from "@/lib/authz";
import { acceptInvitation, declineInvitation, senderMayStillAsk } from "@/lib/invitations/acceptance";
import { findInvitationByToken } from "@/lib/invitations/queries";
import { invitationForReview } from "@/lib/invitations/review";
import { actorFor } from "../support/actors";
import { freshDatabase, organizationIdOf, userIdOf } from "../support/fixtures";
import { sendTestInvitation } from "../support/invitations";

let db: Db;
const yes = { acknowledged: true };

/** What the page read before, one query at a time. */
async function separately(token: string, organizationId: string) {
  const found = await findInvitationByToken(db, token);
  if (!found) return undefined;
  const agreement = await currentAcceptance(db, organizationId);
  return {
    invitation: found.invitation,
    status: found.status,
    partnerName: found.partnerName,
    partnerDomain: found.partnerDomain,
    partnerSlug: found.partnerSlug,
    partnerLocations: found.partnerLocations,
    acceptance: found.acceptance,
    addressee: found.addressee,
    senderMayStillAsk: await senderMayStillAsk(db, found.invitation),
    agreement: { version: agreement.agreement?.version, acceptedAt: agreement.acceptance?.acceptedAt },
  };
}

/** What the page reads now. */
async function together(token: string, organizationId: string) {
  const found = await invitationForReview(db, token);
  if (!found) return undefined;
  const { agreementOf, ...rest } = found;
  const agreement = await agreementOf(organizationId);
  return { ...rest, agreement: { version: agreement.agreement?.version, acceptedAt: agreement.acceptance?.acceptedAt } };
}

async function expectSame(token: string, organizationId: string) {
  const expected = await separately(token, organizationId);
  expect(expected).toBeDefined();
  expect(await together(token, organizationId)).toEqual(expected);
}

describe("the invitation review page's one read", () => {
  let contoso: string;

  beforeEach(async () => {
    db = await freshDatabase();
    contoso = await organizationIdOf(db, "contoso.example");
  });

  it("answers as the separate reads for a pending GDAP invitation to a member's address", async () => {
    const { token } = await sendTestInvitation(db, { message: "Hello" });
    await expectSame(token, contoso);
    expect((await invitationForReview(db, token))?.addressee.map((o) => o.name)).toEqual(["Contoso"]);
  });

  it("…once the organization accepted the agreement in force, and once the invitation is accepted", async () => {
    const { token } = await sendTestInvitation(db);
    await acceptAgreement(db, await actorFor(db, "admin@contoso.example"), contoso, yes);
    await expectSame(token, contoso);
    expect((await invitationForReview(db, token).then((f) => f?.agreementOf(contoso)))?.acceptance).toBeDefined();
    expect((await acceptInvitation(db, await actorFor(db, "admin@contoso.example"), token, yes)).ok).toBe(true);
    await expectSame(token, contoso);
    expect((await invitationForReview(db, token))?.acceptance?.acceptedByEmail).toBe("admin@contoso.example");
  });

  it("…when the sender may no longer ask for admin roles, and for a type that needs no admin agent", async () => {
    const gdap = await sendTestInvitation(db);
    const reseller = await sendTestInvitation(db, { type: "reseller" }, "sales@fabrikam.example");
    await db.update(memberships).set({ roles: ["sales_agent"] }).where(eq(memberships.userId, await userIdOf(db, "agent@fabrikam.example")));
    await expectSame(gdap.token, contoso);
    expect((await invitationForReview(db, gdap.token))?.senderMayStillAsk).toBe(false);
    await expectSame(reseller.token, contoso);
    expect((await invitationForReview(db, reseller.token))?.senderMayStillAsk).toBe(true);
  });

  it("…for an address that leads to an organization by its verified domain, and to several organizations", async () => {
    const { token } = await sendTestInvitation(db, { customerEmail: "cfo@mailhost.example" });
    const [user] = await db.insert(users).values({ email: "it@mailhost.example", name: "IT" }).returning();
    const first = await sendTestInvitation(db, { customerEmail: "it@mailhost.example", type: "reseller" }, "sales@fabrikam.example");
    expect((await acceptInvitation(db, (await loadActor(db, user!.id))!, first.token, yes)).ok).toBe(true);
    const [mailhost] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, "Mailhost"));
    // Claimed only: the domain leads nowhere yet.
    await expectSame(token, mailhost!.id);
    expect((await invitationForReview(db, token))?.addressee).toEqual([]);
    await db.update(organizationDomains).set({ verifiedAt: new Date() }).where(eq(organizationDomains.organizationId, mailhost!.id));
    // The addressee also belongs to Contoso (in another letter case): both organizations, by name.
    const [cfo] = await db.insert(users).values({ email: "CFO@Mailhost.example", name: "CFO" }).returning();
    await db.insert(memberships).values({ userId: cfo!.id, organizationId: contoso, roles: ["billing_admin"] });
    await expectSame(token, mailhost!.id);
    await expectSame(token, contoso);
    expect((await invitationForReview(db, token))?.addressee.map((o) => o.name)).toEqual(["Contoso", "Mailhost"]);
  });

  it("…for a canceled invitation, and finds nothing for a token that isn't one", async () => {
    const { token } = await sendTestInvitation(db);
    await declineInvitation(db, await actorFor(db, "admin@contoso.example"), token, "not now");
    await expectSame(token, contoso);
    expect(await invitationForReview(db, randomBytes(32).toString("base64url"))).toBeUndefined();
    expect(await invitationForReview(db, "not a token")).toBeUndefined();
  });
});
