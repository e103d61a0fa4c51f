import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedDatabase } from "@/seed/demo";
import { eq } from "drizzle-orm";
import { invitations, memberships, roleGrants, users } from "@/db/schema";
import { acceptInvitation, SENDER_MAY_NOT_ASK } from "@/lib/invitations/acceptance";
import { invitationSchema } from "@/lib/invitations/schemas";
import { createInvitation } from "@/lib/invitations/service";
import { RELATIONSHIP_TYPES, ROLE_CARRYING_TYPES } from "@/lib/relationships/types";
import { actorFor } from "../support/actors";
import { resetDatabase, tableCounts } from "../support/db";
import { sendTestInvitation } from "../support/invitations";

let db: Db;

const input = (type: string) =>
  invitationSchema.parse({ customerEmail: "admin@contoso.example", type, roles: ["helpdesk_admin"], durationDays: 90, idempotencyKey: randomUUID() });

describe("who may ask for admin roles", () => {
  beforeEach(async () => {
    db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 3 });
  });

  it("every type that grants an admin role, fixed or chosen, is for admin agents only", () => {
    for (const type of RELATIONSHIP_TYPES) {
      const grantsRoles = type.choosesRoles || type.fixedRoles.length > 0;
      expect(type.requiresAdminAgent, type.id).toBe(grantsRoles);
      expect(ROLE_CARRYING_TYPES.includes(type.id), type.id).toBe(grantsRoles);
    }
    expect(RELATIONSHIP_TYPES.find((t) => t.id === "advisor")?.requiresAdminAgent).toBe(true);
  });

  it.each(RELATIONSHIP_TYPES.map((t) => [t.id, t] as const))("a sales agent sending %s gets roles only if the type carries none", async (id, type) => {
    const sales = await actorFor(db, "sales@fabrikam.example");
    const before = await tableCounts(db);
    const result = await createInvitation(db, sales, input(id));
    if (type.requiresAdminAgent) {
      expect(result).toMatchObject({ ok: false, fieldErrors: { type: [expect.stringMatching(/Only an admin agent/)] } });
      expect(await tableCounts(db)).toEqual(before);
    } else {
      expect(result).toMatchObject({ ok: true });
    }
  });

  it("an admin agent may send every type", async () => {
    const agent = await actorFor(db, "agent@fabrikam.example");
    for (const type of RELATIONSHIP_TYPES) expect(await createInvitation(db, agent, input(type.id)), type.id).toMatchObject({ ok: true });
  });

  it("grants admin roles only if the sender may still ask for them when the customer accepts", async () => {
    const admin = await actorFor(db, "admin@contoso.example");
    // An Advisor invitation a sales agent sent before Advisor was for admin agents only.
    const advisor = await sendTestInvitation(db, { type: "advisor", customerEmail: "admin@contoso.example" });
    const [sales] = await db.select({ id: users.id }).from(users).where(eq(users.email, "sales@fabrikam.example"));
    await db.update(invitations).set({ createdById: sales!.id }).where(eq(invitations.id, advisor.invitation.id));
    // A GDAP invitation whose admin agent has since become a sales agent.
    const gdap = await sendTestInvitation(db, { type: "gdap", customerEmail: "billing@contoso.example" }, "agent@adatum.example");
    const [adatumAgent] = await db.select({ id: users.id }).from(users).where(eq(users.email, "agent@adatum.example"));
    await db.update(memberships).set({ roles: ["sales_agent"] }).where(eq(memberships.userId, adatumAgent!.id));

    for (const { token } of [advisor, gdap]) {
      const before = await tableCounts(db);
      expect(await acceptInvitation(db, admin, token, { acknowledged: true })).toEqual({ ok: false, message: SENDER_MAY_NOT_ASK });
      expect(await tableCounts(db)).toEqual(before);
    }
    expect(await db.$count(roleGrants)).toBe(0);
    // Restored to admin agent, the same invitation is accepted.
    await db.update(memberships).set({ roles: ["admin_agent"] }).where(eq(memberships.userId, adatumAgent!.id));
    expect(await acceptInvitation(db, admin, gdap.token, { acknowledged: true })).toMatchObject({ ok: true });
  });
});
