import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { activations, emailOutbox, roleGrants, securityGroups, users } from "@/db/schema";
import { seedDatabase } from "@/seed/demo";
import { AuthorizationError } from "@/lib/authz";
import { activateRole, decideActivation, revokeActivation } from "@/lib/access/jit";
import { assignAccess, createGroup, invitePartnerPerson, setGroupMember } from "@/lib/access/service";
import { introspectToken, issueToken } from "@/lib/access/tokens";
import { acceptInvitation } from "@/lib/invitations/acceptance";
import { actorFor } from "../support/actors";
import { resetDatabase, tableCounts } from "../support/db";
import { sendTestInvitation } from "../support/invitations";

let db: Db;
let relationshipId: string;
const TECH = "tech@fabrikam.example";

/** Contoso grants Helpdesk administrator as eligible (License standing); Fabrikam's technician's group holds both. */
async function setup(approval: boolean) {
  const { token } = await sendTestInvitation(db, { roles: ["helpdesk_admin", "license_admin"], durationDays: 90 });
  const accepted = await acceptInvitation(db, await actorFor(db, "admin@contoso.example"), token, { acknowledged: true, eligible: ["helpdesk_admin"], activationApproval: approval });
  if (!accepted.ok) throw new Error(accepted.message);
  relationshipId = accepted.relationshipId;
  const agent = await actorFor(db, "agent@fabrikam.example");
  await invitePartnerPerson(db, agent, { email: TECH, name: "Patti Fernandez", roles: ["technician"] });
  await createGroup(db, agent, { name: "Helpdesk" });
  const [group] = await db.select().from(securityGroups);
  const [tech] = await db.select({ id: users.id }).from(users).where(eq(users.email, TECH));
  await setGroupMember(db, agent, { groupId: group!.id, userId: tech!.id, member: true });
  await assignAccess(db, agent, { relationshipId, groupId: group!.id, roles: ["helpdesk_admin", "license_admin"] });
  return actorFor(db, TECH);
}

async function tokenRoles(tech: Awaited<ReturnType<typeof actorFor>>, now?: Date) {
  const result = await issueToken(db, tech, { relationshipId, reason: "x" }, now);
  return result.ok ? result.roles : [];
}

describe("Just-in-time roles", () => {
  beforeEach(async () => {
    db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 5 });
  });

  it("an eligible role is in a token only while activated, and ends by the clock", async () => {
    const tech = await setup(false);
    expect((await db.select().from(roleGrants)).find((g) => g.roleId === "helpdesk_admin")?.eligible).toBe(true);
    expect(await tokenRoles(tech)).toEqual(["license_admin"]);
    const now = new Date();
    expect(await activateRole(db, tech, { relationshipId, roleId: "helpdesk_admin", hours: 2, justification: "Ticket 4711" }, now)).toMatchObject({ ok: true, code: "activated" });
    expect(await tokenRoles(tech, new Date(now.getTime() + 60_000))).toEqual(["license_admin", "helpdesk_admin"]);
    // A token issued 5 minutes before the activation ends would live 5 minutes past it: introspection ends it with the activation.
    const end = now.getTime() + 2 * 3_600_000;
    const late = await issueToken(db, tech, { relationshipId, reason: "x" }, new Date(end - 5 * 60_000));
    if (!late.ok) throw new Error(late.message);
    expect(await introspectToken(db, late.token, new Date(end - 60_000))).toMatchObject({ active: true });
    expect(await introspectToken(db, late.token, new Date(end + 1000))).toEqual({ active: false });
    expect(await tokenRoles(tech, new Date(end + 1000))).toEqual(["license_admin"]);
  });

  it("with approval required: pending until the customer approves (by the emailed link's page), then active; revoked at once", async () => {
    const tech = await setup(true);
    await db.delete(emailOutbox);
    expect(await activateRole(db, tech, { relationshipId, roleId: "helpdesk_admin", hours: 1, justification: "Ticket 4711" })).toMatchObject({ ok: true, code: "activation_requested" });
    expect(await tokenRoles(tech)).toEqual(["license_admin"]);
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.to, "admin@contoso.example"));
    expect(mail!.subject).toBe("Patti Fernandez of Fabrikam Partners asks to activate Helpdesk administrator in Contoso");
    expect(mail!.text).toContain(`/admin/settings/partner-relationships/${relationshipId}#activations`);
    const [activation] = await db.select().from(activations);
    await expect(decideActivation(db, await actorFor(db, "reader@contoso.example"), { activationId: activation!.id, approve: true })).rejects.toBeInstanceOf(AuthorizationError);
    expect(await decideActivation(db, await actorFor(db, "admin@northwind.example"), { activationId: activation!.id, approve: true })).toMatchObject({ ok: false, code: "not_found" });
    const admin = await actorFor(db, "admin@contoso.example");
    expect(await decideActivation(db, admin, { activationId: activation!.id, approve: true })).toMatchObject({ ok: true, code: "activation_approved" });
    expect(await decideActivation(db, admin, { activationId: activation!.id, approve: false })).toMatchObject({ ok: false, code: "answered" });
    const token = await issueToken(db, tech, { relationshipId, reason: "x" });
    if (!token.ok) throw new Error(token.message);
    expect(token.roles).toEqual(["license_admin", "helpdesk_admin"]);
    expect(await revokeActivation(db, admin, { activationId: activation!.id })).toMatchObject({ ok: true, code: "activation_revoked" });
    expect(await introspectToken(db, token.token)).toEqual({ active: false });
    expect(await tokenRoles(tech)).toEqual(["license_admin"]);
  });

  it("refuses a standing role, a role not assigned, more than 8 hours and a second open activation, writing nothing", async () => {
    const tech = await setup(true);
    const before = await tableCounts(db);
    for (const [input, field] of [
      [{ roleId: "license_admin", hours: 1 }, "roleId"],
      [{ roleId: "exchange_admin", hours: 1 }, "roleId"],
      [{ roleId: "helpdesk_admin", hours: 9 }, "hours"],
      [{ roleId: "helpdesk_admin", hours: 0 }, "hours"],
    ] as const) {
      expect(await activateRole(db, tech, { relationshipId, justification: "x", ...input })).toMatchObject({ ok: false, fieldErrors: { [field]: [expect.any(String)] } });
    }
    expect(await tableCounts(db)).toEqual(before);
    await activateRole(db, tech, { relationshipId, roleId: "helpdesk_admin", hours: 1, justification: "x" });
    expect(await activateRole(db, tech, { relationshipId, roleId: "helpdesk_admin", hours: 1, justification: "again" })).toMatchObject({ ok: false, code: "open" });
  });
});
