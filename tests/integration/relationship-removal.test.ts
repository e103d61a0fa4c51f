import { and, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, emailOutbox, relationshipTypes, roleGrants } from "@/db/schema";
import { seedDatabase } from "@/seed/demo";
import { AuthorizationError } from "@/lib/authz";
import { acceptInvitation } from "@/lib/invitations/acceptance";
import { getRelationshipDetails, listCustomerRelationships } from "@/lib/relationships/queries";
import { isGrantActive, isTypeInForce, planRoleRemoval, type RemovalTarget } from "@/lib/relationships/rules";
import { endGdap, removePartnerRoles } from "@/lib/relationships/service";
import { actorFor, readerOf } from "../support/actors";
import { resetDatabase, tableCounts } from "../support/db";
import { sendTestInvitation } from "../support/invitations";

let db: Db;

async function establish(fields: Record<string, unknown>, from = "agent@fabrikam.example", at = new Date()) {
  const { token } = await sendTestInvitation(db, fields, from);
  const result = await acceptInvitation(db, await actorFor(db, "admin@contoso.example"), token, { acknowledged: true }, at);
  if (!result.ok) throw new Error(result.message);
  return result.relationshipId;
}

async function contosoId() {
  return (await actorFor(db, "admin@contoso.example")).memberships[0]!.organizationId;
}

/** The plan the confirmation shows, computed from what the details page reads. */
async function planShown(id: string, target?: RemovalTarget) {
  const details = (await getRelationshipDetails(db, readerOf(await contosoId()), id))!;
  const now = new Date();
  return planRoleRemoval(
    details.types.filter(({ type }) => isTypeInForce(type, now)).map(({ type }) => type.type),
    details.grants.filter(({ grant }) => isGrantActive(grant, now)).map(({ grant }) => grant),
    target,
  );
}

async function typesNow(id: string) {
  return (await db.select().from(relationshipTypes).where(and(eq(relationshipTypes.relationshipId, id), isNull(relationshipTypes.terminatedAt))))
    .map((t) => t.type)
    .sort();
}

describe("what Remove roles ends, as shown and as done", () => {
  beforeEach(async () => {
    db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 5 });
  });

  it("ends an Advisor relationship with no other type: the confirmation says the relationship ends, and it does", async () => {
    const id = await establish({ type: "advisor" });
    const plan = await planShown(id);
    expect(plan).toMatchObject({ ending: ["advisor"], remaining: [], relationshipEnds: true });
    await db.delete(emailOutbox);
    const result = await removePartnerRoles(db, await actorFor(db, "admin@contoso.example"), id);
    expect(result).toMatchObject({ ok: true, changed: true });
    expect(await typesNow(id)).toEqual(plan.remaining);
    const [row] = (await listCustomerRelationships(db, readerOf(await contosoId()))).rows;
    expect(row?.types).toEqual([]);
    const mail = await db.select().from(emailOutbox);
    expect(mail.find((m) => m.to === "admin@contoso.example")?.text).toContain("has ended: no relationship type is left");
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, "roles.removed")).limit(1);
    expect(event?.details).toMatchObject({ relationshipEnded: true, endedTypes: ["Advisor"] });
  });

  it("keeps a Reseller beside GDAP: the plan and the service agree, and each recipient gets exactly one email", async () => {
    await establish({ type: "reseller" }, "sales@fabrikam.example");
    const id = await establish({ type: "gdap", roles: ["helpdesk_admin", "license_admin"], durationDays: 90 });
    const plan = await planShown(id);
    expect(plan).toMatchObject({ ending: ["gdap"], remaining: ["reseller"], relationshipEnds: false });
    await db.delete(emailOutbox);
    await removePartnerRoles(db, await actorFor(db, "admin@contoso.example"), id);
    expect(await typesNow(id)).toEqual(plan.remaining);
    const mail = await db.select().from(emailOutbox);
    // Contoso's Global administrator and Fabrikam's admin agent, once each; the sales agent is not told of admin access.
    expect(mail.map((m) => m.to).sort()).toEqual(["admin@contoso.example", "agent@fabrikam.example"]);
    expect(mail.every((m) => m.template === "roles-removed")).toBe(true);
  });

  it("removes one role granted by two types from the type named, and says which type ends", async () => {
    const gdapEnd = new Date(Date.now() + 90 * 86_400_000);
    const id = await establish({ type: "gdap", roles: ["helpdesk_admin"], durationDays: 90 });
    await establish({ type: "delegated_admin" });
    // Both grants of Helpdesk administrator are in force, each with its own end.
    const helpdesk = (await db.select().from(roleGrants).where(and(eq(roleGrants.roleId, "helpdesk_admin"), isNull(roleGrants.endedAt)))).sort((a, b) =>
      a.viaType.localeCompare(b.viaType),
    );
    expect(helpdesk.map((g) => g.viaType)).toEqual(["delegated_admin", "gdap"]);
    expect(helpdesk[0]!.expiresAt).toBeNull();
    expect(Math.abs(helpdesk[1]!.expiresAt!.getTime() - gdapEnd.getTime())).toBeLessThan(60_000);
    // The acceptance's activity names every role the Delegated administrator type granted.
    const granted = await db.select().from(auditEvents).where(eq(auditEvents.action, "roles.granted"));
    expect(granted.map((e) => e.details.roles)).toContainEqual(["Global administrator", "Helpdesk administrator"]);

    const target = { roleId: "helpdesk_admin", viaType: "gdap" } as const;
    const plan = await planShown(id, target);
    expect(plan).toMatchObject({ ending: ["gdap"], remaining: ["delegated_admin"], relationshipEnds: false });
    await removePartnerRoles(db, await actorFor(db, "admin@contoso.example"), id, target);
    expect(await typesNow(id)).toEqual(plan.remaining);
    const left = await db.select().from(roleGrants).where(isNull(roleGrants.endedAt));
    expect(left.map((g) => `${g.roleId}/${g.viaType}`).sort()).toEqual(["global_admin/delegated_admin", "helpdesk_admin/delegated_admin"]);
  });
});

describe("End GDAP from the partner's side", () => {
  beforeEach(async () => {
    db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 5 });
  });

  it("terminates GDAP and its roles, keeps other types, audits both sides and tells the customer's admins", async () => {
    await establish({ type: "reseller" }, "sales@fabrikam.example");
    const id = await establish({ type: "gdap", roles: ["helpdesk_admin", "license_admin"], durationDays: 90 });
    await db.delete(emailOutbox);
    const result = await endGdap(db, await actorFor(db, "agent@fabrikam.example"), id);
    expect(result).toMatchObject({ ok: true, changed: true });
    expect(await typesNow(id)).toEqual(["reseller"]);
    const grants = await db.select().from(roleGrants);
    expect(grants.every((g) => g.endedAt && g.endReason === "terminated")).toBe(true);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, "gdap.terminated"));
    expect(events.map((e) => e.organizationId).sort()).toEqual([await contosoId(), (await actorFor(db, "agent@fabrikam.example")).memberships[0]!.organizationId].sort());
    const mail = await db.select().from(emailOutbox);
    expect(mail.map((m) => m.to).sort()).toEqual(["admin@contoso.example", "agent@fabrikam.example"]);
    expect(mail.find((m) => m.to === "admin@contoso.example")?.subject).toBe("Fabrikam Partners ended its granular delegated admin access to Contoso");
    const [row] = (await listCustomerRelationships(db, readerOf(await contosoId()))).rows;
    expect(row).toMatchObject({ types: ["reseller"], activeRoles: [], gdap: { kind: "terminated" } });
    // Twice is safe.
    expect(await endGdap(db, await actorFor(db, "agent@fabrikam.example"), id)).toMatchObject({ ok: true, changed: false });
  });

  it("is for the partner's admin agents only, and only for its own customers", async () => {
    const id = await establish({ type: "gdap", roles: ["helpdesk_admin"], durationDays: 90 });
    const before = await tableCounts(db);
    for (const email of ["sales@fabrikam.example", "admin@contoso.example"]) {
      await expect(endGdap(db, await actorFor(db, email), id)).rejects.toThrow(AuthorizationError);
    }
    await expect(endGdap(db, null, id)).rejects.toThrow(AuthorizationError);
    expect(await endGdap(db, await actorFor(db, "agent@adatum.example"), id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await endGdap(db, await actorFor(db, "agent@fabrikam.example"), "not-a-uuid")).toMatchObject({ ok: false, code: "not_found" });
    expect(await tableCounts(db)).toEqual(before);
  });
});
