import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, emailOutbox, invitations } from "@/db/schema";
import { seedDatabase } from "@/seed/demo";
import { AuthorizationError } from "@/lib/authz";
import { runSweep } from "@/lib/jobs/sweep";
import { findInvitationByToken, listPartnerInvitations } from "@/lib/invitations/queries";
import { invitationSchema, type InvitationInput } from "@/lib/invitations/schemas";
import { cancelInvitation, createInvitation, invitationLink, resendInvitation } from "@/lib/invitations/service";
import { RELATIONSHIP_TYPES } from "@/lib/relationships/types";
import { actorFor } from "../support/actors";
import { resetDatabase, tableCounts } from "../support/db";

let db: Db;

function input(overrides: Partial<Record<keyof InvitationInput, unknown>> = {}): InvitationInput {
  return invitationSchema.parse({
    customerEmail: "admin@contoso.example",
    type: "gdap",
    roles: ["helpdesk_admin", "license_admin"],
    durationDays: 180,
    autoExtend: false,
    message: "Hello",
    idempotencyKey: randomUUID(),
    ...overrides,
  });
}

const agent = () => actorFor(db, "agent@fabrikam.example");

describe("invitations", () => {
  beforeEach(async () => {
    db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 5 });
  });

  it.each(RELATIONSHIP_TYPES.map((t) => [t.id, t] as const))("sends a %s invitation with the right roles", async (type, info) => {
    const result = await createInvitation(db, await agent(), input({ type, customerEmail: "billing@contoso.example" }));
    expect(result).toMatchObject({ ok: true });
    const [row] = await db.select().from(invitations);
    expect(row).toMatchObject({ type, status: "pending", customerEmail: "billing@contoso.example" });
    expect(row!.roles).toEqual(info.choosesRoles ? ["helpdesk_admin", "license_admin"] : [...info.fixedRoles]);
    expect(row!.durationDays).toBe(info.choosesRoles ? 180 : null);
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(90 * 86_400_000);
    const [mail] = await db.select().from(emailOutbox);
    expect(mail?.to).toBe("billing@contoso.example");
    expect(mail?.html).toContain(invitationLink(row!).replaceAll("&", "&amp;"));
    expect(mail?.html).not.toContain(row!.tokenHash);
    expect((await db.select().from(auditEvents)).map((e) => e.action)).toEqual(["invitation.sent"]);
  });

  it("finds the invitation by its token and by nothing else", async () => {
    await createInvitation(db, await agent(), input());
    const [row] = await db.select().from(invitations);
    const token = invitationLink(row!).split("/").pop()!;
    expect((await findInvitationByToken(db, token))?.invitation.id).toBe(row!.id);
    expect(await findInvitationByToken(db, row!.tokenHash)).toBeUndefined();
    expect(await findInvitationByToken(db, token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"))).toBeUndefined();
  });

  it("keeps admin roles for admin agents, and invitations for partner agents", async () => {
    const sales = await actorFor(db, "sales@fabrikam.example");
    for (const type of ["gdap", "delegated_admin", "reseller_delegated_admin", "advisor"] as const) {
      const refused = await createInvitation(db, sales, input({ type }));
      expect(refused).toMatchObject({ ok: false, fieldErrors: { type: [expect.stringMatching(/Only an admin agent/)] } });
    }
    for (const type of ["reseller", "mpsa", "lob", "partner"] as const) {
      expect((await createInvitation(db, sales, input({ type }))).ok).toBe(true);
    }
    for (const email of ["admin@contoso.example", "user@contoso.example"]) {
      await expect(createInvitation(db, await actorFor(db, email), input({ type: "reseller" }))).rejects.toThrow(AuthorizationError);
    }
    await expect(createInvitation(db, null, input())).rejects.toThrow(AuthorizationError);
  });

  it("refuses bad requests with a field message and writes nothing", async () => {
    const before = await tableCounts(db);
    const cases: [Partial<Record<keyof InvitationInput, unknown>>, string][] = [
      [{ roles: ["global_admin"], autoExtend: true }, "autoExtend"],
      [{ roles: [] }, "roles"],
      [{ durationDays: 731 }, "durationDays"],
      // The sender's own organization; anyone else's address is accepted (invitation-addressee.test.ts).
      [{ customerEmail: "someone@fabrikam.example", type: "reseller" }, "customerEmail"],
      [{ customerEmail: "sales@fabrikam.example", type: "reseller" }, "customerEmail"],
    ];
    for (const [overrides, field] of cases) {
      const result = await createInvitation(db, await agent(), input(overrides));
      expect(result.ok, JSON.stringify(overrides)).toBe(false);
      expect(!result.ok && result.fieldErrors?.[field]).toBeTruthy();
    }
    expect(invitationSchema.safeParse({ ...input(), type: "owner" }).success).toBe(false);
    expect(invitationSchema.safeParse({ ...input(), roles: ["root"] }).success).toBe(false);
    expect(invitationSchema.safeParse({ ...input(), customerEmail: "nope" }).success).toBe(false);
    expect(await tableCounts(db)).toEqual(before);
  });

  it("accepts an unknown customer address, resolved on acceptance", async () => {
    const result = await createInvitation(db, await agent(), input({ customerEmail: "it@newcustomer.example" }));
    expect(result.ok).toBe(true);
    expect((await db.select().from(invitations))[0]?.customerOrganizationId).toBeNull();
  });

  it("refuses a second pending invitation of the same type, pointing at the first; a double submit makes one", async () => {
    const first = input();
    const [a, b] = await Promise.all([createInvitation(db, await agent(), first), createInvitation(db, await agent(), first)]);
    expect(a.ok && b.ok && a.invitationId === b.invitationId).toBe(true);
    const second = await createInvitation(db, await agent(), input({ customerEmail: "billing@contoso.example" }));
    expect(second).toMatchObject({ ok: false, pendingInvitationId: a.ok ? a.invitationId : "" });
    expect((await createInvitation(db, await agent(), input({ type: "reseller" }))).ok).toBe(true);
    expect(await db.$count(invitations)).toBe(2);
  });

  it("writes no email when the invitation's transaction fails", async () => {
    const before = await tableCounts(db);
    const actor = await agent();
    await expect(
      db.transaction(async (tx) => {
        expect((await createInvitation(tx as unknown as Db, actor, input())).ok).toBe(true);
        expect(await tx.$count(emailOutbox)).toBe(1);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await tableCounts(db)).toEqual(before);
  });

  it("resends the same link, at most three times a day, and cancels for good", async () => {
    const created = await createInvitation(db, await agent(), input());
    const id = created.ok ? created.invitationId : "";
    // Within a minute of the last send, Resend is refused with the time it works again.
    const soon = await resendInvitation(db, await agent(), id, new Date(Date.now() + 30_000));
    expect(soon).toMatchObject({ ok: false, code: "cooldown" });
    expect((soon as { retryAt: Date }).retryAt.getTime()).toBe((await db.select().from(invitations))[0]!.lastSentAt.getTime() + 60_000);
    const minute = (i: number) => new Date(Date.now() + (i + 1) * 61_000);
    for (let i = 0; i < 3; i++) expect((await resendInvitation(db, await agent(), id, minute(i))).code).toBe("resent");
    expect((await resendInvitation(db, await agent(), id, minute(3))).code).toBe("rate_limited");
    const mails = await db.select().from(emailOutbox);
    expect(mails).toHaveLength(4);
    const [row] = await db.select().from(invitations);
    const link = invitationLink(row!);
    expect(mails.every((m) => m.html.includes(link))).toBe(true);

    // Another partner cannot touch it.
    expect((await cancelInvitation(db, await actorFor(db, "agent@adatum.example"), id)).code).toBe("not_found");
    expect((await cancelInvitation(db, await actorFor(db, "sales@fabrikam.example"), id)).code).toBe("cancelled");
    expect((await cancelInvitation(db, await agent(), id)).code).toBe("cancelled");
    expect((await findInvitationByToken(db, link.split("/").pop()!))?.status).toBe("cancelled");
    expect((await resendInvitation(db, await agent(), id)).code).toBe("not_pending");
  });

  it("shows expired invitations as expired at once, and the sweep records it once", async () => {
    const created = await createInvitation(db, await agent(), input());
    const [partner] = (await listPartnerInvitations(db, (await agent()).memberships[0]!.organizationId)).rows;
    expect(partner?.status).toBe("pending");
    const later = new Date(Date.now() + 91 * 86_400_000);
    const [asOfLater] = (await listPartnerInvitations(db, (await agent()).memberships[0]!.organizationId, { status: "expired" }, later)).rows;
    expect(asOfLater?.status).toBe("expired");
    const id = created.ok ? created.invitationId : "";
    expect((await resendInvitation(db, await agent(), id, later)).code).toBe("not_pending");

    const [one, two] = await Promise.all([runSweep(db, later), runSweep(db, later)]);
    expect(one.expiredInvitations + two.expiredInvitations).toBe(1);
    expect((await db.select().from(invitations).where(eq(invitations.id, id)))[0]?.status).toBe("expired");
    expect((await db.select().from(auditEvents).where(eq(auditEvents.action, "invitation.expired")))).toHaveLength(1);
  });
});
