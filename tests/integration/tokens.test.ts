import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { emailOutbox, roleGrants, verificationTokens } from "@/db/schema";
import { runSweep } from "@/lib/jobs/sweep";
import { seedDatabase } from "@/seed/demo";
import { checkSignInLink, sendSignInLink, SIGN_IN_LINKS_PER_CLIENT, SIGN_IN_LINKS_PER_EMAIL } from "@/lib/auth/sign-in-links";
import { acceptInvitation } from "@/lib/invitations/acceptance";
import { findInvitationByToken } from "@/lib/invitations/queries";
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

  it("limits sign-in links per address and per client where they are sent, and sends nothing over a limit", async () => {
    const link = (email: string, clientKey: string | null, now?: Date) =>
      sendSignInLink(db, { email, clientKey, url: "http://localhost:3000/api/auth/callback/resend?token=t", expiresAt: "in 30 minutes" }, now);
    for (let i = 0; i < SIGN_IN_LINKS_PER_EMAIL; i++) expect((await link("admin@contoso.example", `198.51.100.${i}`)).ok).toBe(true);
    // Another spelling of the same address is the same address.
    const refused = await link("Admin@Contoso.example", "198.51.100.200");
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/Too many sign-in links/) });
    expect(await checkSignInLink(db, "admin@contoso.example", null)).toMatchObject({ ok: false });
    expect(await db.$count(emailOutbox)).toBe(SIGN_IN_LINKS_PER_EMAIL);

    for (let i = 0; i < SIGN_IN_LINKS_PER_CLIENT; i++) expect((await link(`person${i}@example.com`, "203.0.113.9")).ok).toBe(true);
    expect(await checkSignInLink(db, "another@example.com", "203.0.113.9")).toMatchObject({ ok: false });
    expect((await link("another@example.com", "203.0.113.9")).ok).toBe(false);
    expect(await db.$count(emailOutbox)).toBe(SIGN_IN_LINKS_PER_EMAIL + SIGN_IN_LINKS_PER_CLIENT);
    // The form's check counts nothing: asking it again and again never uses up a limit.
    for (let i = 0; i < 3 * SIGN_IN_LINKS_PER_EMAIL; i++) expect((await checkSignInLink(db, "fresh@example.com", "192.0.2.1")).ok).toBe(true);
    expect((await link("admin@contoso.example", null, new Date(Date.now() + 61 * 60_000))).ok).toBe(true);
  });

  it("counts every spelling of one mailbox together, and sends nothing to an address the form would refuse", async () => {
    const link = (email: string) => sendSignInLink(db, { email, clientKey: null, url: "http://localhost:3000/api/auth/callback/resend?token=t", expiresAt: "in 30 minutes" });
    const spellings = ["billing@contoso.example", "Billing@Contoso.Example", "billing+a@contoso.example", "billing+b@contoso.example"];
    for (let i = 0; i < SIGN_IN_LINKS_PER_EMAIL; i++) expect((await link(spellings[i % spellings.length]!)).ok).toBe(true);
    for (const spelling of spellings) expect((await link(spelling)).ok, spelling).toBe(false);
    const before = await db.$count(emailOutbox);
    for (const bad of ["\u200bbilling@contoso.example", "billing@contoso.example.", "not an address", " billing@contoso.example"]) {
      expect((await link(bad)).ok, JSON.stringify(bad)).toBe(false);
    }
    expect(await db.$count(emailOutbox)).toBe(before);
  });

  it("the sweep removes expired sign-in tokens, which Auth.js writes even for a link the limits stopped", async () => {
    const past = new Date(Date.now() - 60_000);
    await db.insert(verificationTokens).values([
      { identifier: "a@example.com", token: "expired", expires: past },
      { identifier: "a@example.com", token: "live", expires: new Date(Date.now() + 60_000) },
    ]);
    expect((await runSweep(db)).expiredSignInTokens).toBe(1);
    expect((await db.select().from(verificationTokens)).map((t) => t.token)).toEqual(["live"]);
  });
});
