import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, emailOutbox, invitationAcceptances, organizations, relationshipTypes, roleGrants } from "@/db/schema";
import { seedDatabase } from "@/seed/demo";
import { acceptInvitation } from "@/lib/invitations/acceptance";
import { getPartnerInvitation } from "@/lib/invitations/queries";
import { describeEvent } from "@/lib/audit/rules";
import { DAY_MS } from "@/lib/time";
import { actorFor } from "../support/actors";
import { resetDatabase, tableCounts } from "../support/db";
import { sendTestInvitation } from "../support/invitations";

let db: Db;
const ROLES = ["exchange_admin", "helpdesk_admin", "license_admin"];

async function orgId(domain: string) {
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.domain, domain));
  return org!.id;
}

describe("Approve with changes", () => {
  beforeEach(async () => {
    db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 5 });
  });

  it("grants exactly what the customer kept, records the diff on both timelines and tells the partner what was and was not granted", async () => {
    const { token, invitation } = await sendTestInvitation(db, { roles: ROLES, durationDays: 365, autoExtend: true });
    await db.delete(emailOutbox);
    const now = new Date("2026-12-02T09:00:00Z");
    const result = await acceptInvitation(
      db,
      await actorFor(db, "admin@contoso.example"),
      token,
      { acknowledged: true, roles: ["helpdesk_admin", "license_admin"], endsOn: "2027-03-31", autoExtend: false },
      now,
    );
    expect(result).toMatchObject({ ok: true, alreadyAccepted: false });

    const grants = await db.select().from(roleGrants);
    expect(grants.map((g) => g.roleId).sort()).toEqual(["helpdesk_admin", "license_admin"]);
    for (const grant of grants) expect(grant).toMatchObject({ expiresAt: new Date("2027-03-31T09:00:00Z"), autoExtend: false });
    const [gdap] = await db.select().from(relationshipTypes);
    expect(gdap).toMatchObject({ type: "gdap", endsAt: new Date("2027-03-31T09:00:00Z"), autoExtend: false });
    const [acceptance] = await db.select().from(invitationAcceptances);
    expect(acceptance).toMatchObject({
      grantedRoles: ["helpdesk_admin", "license_admin"],
      autoExtend: false,
      changes: {
        rolesNotGranted: ["exchange_admin"],
        endsAt: { requested: new Date(now.getTime() + 365 * DAY_MS).toISOString(), granted: "2027-03-31T09:00:00.000Z" },
        autoExtendOff: true,
      },
    });

    // Both sides' timelines: the customer's shows the request (when it was made) and the approval with its diff.
    const contoso = await orgId("contoso.example");
    const customerEvents = await db.select().from(auditEvents).where(eq(auditEvents.organizationId, contoso));
    const requestedEvent = customerEvents.find((e) => e.action === "invitation.requested")!;
    expect(requestedEvent.occurredAt).toEqual(invitation.createdAt);
    expect(describeEvent(requestedEvent)).toBe("Granular delegated administrator access requested: Exchange administrator, License administrator, Helpdesk administrator");
    const approved = customerEvents.find((e) => e.action === "invitation.approved_with_changes")!;
    expect(describeEvent(approved)).toBe(
      "Granular delegated administrator invitation approved with changes: License administrator, Helpdesk administrator. Not granted: Exchange administrator. End date: Dec 2, 2027 → Mar 31, 2027. Auto-extend: off",
    );
    const partnerEvents = await db.select().from(auditEvents).where(eq(auditEvents.organizationId, invitation.partnerOrganizationId));
    expect(partnerEvents.map((e) => e.action)).toContain("invitation.approved_with_changes");

    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.to, "agent@fabrikam.example"));
    expect(mail!.subject).toBe("Contoso approved your Granular delegated administrator invitation with changes");
    expect(mail!.text).toContain("Granted: License administrator, Helpdesk administrator, until Mar 31, 2027");
    expect(mail!.text).toContain("Not granted: Exchange administrator");
    expect(mail!.text).toContain("End date: Dec 2, 2027 → Mar 31, 2027");

    // The partner's invitation page reads the same record.
    const seen = await getPartnerInvitation(db, invitation.partnerOrganizationId, invitation.id);
    expect(seen?.granted).toMatchObject({ roles: ["helpdesk_admin", "license_admin"], changes: { rolesNotGranted: ["exchange_admin"] } });
  });

  it("records no changes when everything asked for is kept", async () => {
    const { token } = await sendTestInvitation(db, { roles: ROLES });
    const result = await acceptInvitation(db, await actorFor(db, "admin@contoso.example"), token, { acknowledged: true, roles: ROLES });
    expect(result).toMatchObject({ ok: true });
    const [acceptance] = await db.select().from(invitationAcceptances);
    expect(acceptance).toMatchObject({ grantedRoles: ROLES, changes: null });
    expect(await db.$count(auditEvents, eq(auditEvents.action, "invitation.approved_with_changes"))).toBe(0);
  });

  it("refuses no role at all, a role never asked for and a later end, with field messages, writing nothing", async () => {
    const { token } = await sendTestInvitation(db, { roles: ROLES });
    const admin = await actorFor(db, "admin@contoso.example");
    const before = await tableCounts(db);
    for (const [decision, field] of [
      [{ roles: [] }, "roles"],
      [{ roles: ["helpdesk_admin", "global_admin"] }, "roles"],
      [{ endsOn: "2099-01-01" }, "endsOn"],
      [{ endsOn: "<script>" }, "endsOn"],
    ] as const) {
      const result = await acceptInvitation(db, admin, token, { acknowledged: true, ...decision });
      expect(result).toMatchObject({ ok: false, fieldErrors: { [field]: [expect.any(String)] } });
      expect(await tableCounts(db)).toEqual(before);
    }
    // A role the type does not choose (a fixed-role type) is carried whole, whatever is sent.
    const fixed = await sendTestInvitation(db, { type: "advisor", customerEmail: "admin@contoso.example" });
    const result = await acceptInvitation(db, admin, fixed.token, { acknowledged: true, roles: ["helpdesk_admin"] });
    expect(result).toMatchObject({ ok: true });
    expect((await db.select().from(roleGrants).where(eq(roleGrants.viaType, "advisor"))).map((g) => g.roleId).sort()).toEqual(["helpdesk_admin", "service_support_admin"]);
  });

  it("answers a second submission with the first outcome: one relationship, the first choice's grants", async () => {
    const { token } = await sendTestInvitation(db, { roles: ROLES });
    const admin = await actorFor(db, "admin@contoso.example");
    const [first, second] = await Promise.all([
      acceptInvitation(db, admin, token, { acknowledged: true, roles: ["helpdesk_admin"] }),
      acceptInvitation(db, admin, token, { acknowledged: true, roles: ROLES }),
    ]);
    expect([first.ok, second.ok]).toEqual([true, true]);
    expect([first, second].filter((r) => r.ok && r.alreadyAccepted)).toHaveLength(1);
    const grants = await db.select().from(roleGrants);
    const [acceptance] = await db.select().from(invitationAcceptances);
    expect(grants.map((g) => g.roleId).sort()).toEqual([...acceptance!.grantedRoles!].sort());
  });
});
