import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { roleGrants } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { allowSignInLink, SIGN_IN_LINKS_PER_EMAIL, SIGN_IN_LINKS_PER_IP } from "@/lib/auth/rate-limit";
import { acceptInvitation } from "@/lib/invitations/acceptance";
import { findInvitationByToken } from "@/lib/invitations/customer-queries";
import { actorFor } from "../support/actors";
import { resetDatabase } from "../support/db";
import { sendTestInvitation } from "../support/invitations";

let db: Db;

describe("tokens and links", () => {
  beforeEach(async () => {
    db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 3 });
  });

  it("cannot be guessed: random well-formed tokens, near misses and the stored hash all find nothing", async () => {
    const { token, invitation } = await sendTestInvitation(db);
    for (let i = 0; i < 300; i++) expect(await findInvitationByToken(db, randomBytes(32).toString("base64url"))).toBeUndefined();
    const flipped = token.slice(0, 10) + (token[10] === "a" ? "b" : "a") + token.slice(11);
    expect(await findInvitationByToken(db, flipped)).toBeUndefined();
    expect(await findInvitationByToken(db, invitation.tokenHash)).toBeUndefined();
    expect(await findInvitationByToken(db, invitation.tokenSalt)).toBeUndefined();
    expect((await findInvitationByToken(db, token))?.invitation.id).toBe(invitation.id);
  });

  it("cannot be replayed into a second grant, and expires", async () => {
    const { token } = await sendTestInvitation(db);
    const admin = await actorFor(db, "admin@contoso.example");
    expect(await acceptInvitation(db, admin, token, { acknowledged: true })).toMatchObject({ ok: true, alreadyAccepted: false });
    for (let i = 0; i < 3; i++) expect(await acceptInvitation(db, admin, token, { acknowledged: true })).toMatchObject({ ok: true, alreadyAccepted: true });
    expect(await db.$count(roleGrants)).toBe(2);
    const second = await sendTestInvitation(db, { type: "reseller" }, "sales@fabrikam.example");
    const late = new Date(Date.now() + 90 * 86_400_000 + 1000);
    expect(await acceptInvitation(db, admin, second.token, { acknowledged: true }, late)).toMatchObject({ ok: false });
  });

  it("limits sign-in link requests per address and per client", async () => {
    for (let i = 0; i < SIGN_IN_LINKS_PER_EMAIL; i++) expect((await allowSignInLink(db, "admin@contoso.example", `198.51.100.${i}`)).ok).toBe(true);
    const refused = await allowSignInLink(db, "admin@contoso.example", "198.51.100.200");
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/Too many sign-in links/) });
    for (let i = 0; i < SIGN_IN_LINKS_PER_IP; i++) expect((await allowSignInLink(db, `person${i}@example.com`, "203.0.113.9")).ok).toBe(true);
    expect((await allowSignInLink(db, "another@example.com", "203.0.113.9")).ok).toBe(false);
    expect((await allowSignInLink(db, "admin@contoso.example", null, new Date(Date.now() + 61 * 60_000))).ok).toBe(true);
  });
});
