import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, emailOutbox, relationshipTypes, relationships, roleGrants } from "@/db/schema";
import { seedDatabase } from "@/seed/demo";
import { AuthorizationError } from "@/lib/authz";
import { acceptInvitation } from "@/lib/invitations/acceptance";
import { runSweep } from "@/lib/jobs/sweep";
import { getRelationshipDetails, listCustomerRelationships } from "@/lib/relationships/queries";
import { parseListQuery, relationshipsCsv } from "@/lib/relationships/rules";
import { removePartnerRoles, setMpsaSharing, turnOffAutoExtend } from "@/lib/relationships/service";
import { actorFor, readerOf } from "../support/actors";
import { resetDatabase, tableCounts } from "../support/db";
import { sendTestInvitation } from "../support/invitations";

let db: Db;
const DAY = 86_400_000;

async function establish(fields: Record<string, unknown>, from = "agent@fabrikam.example", at = new Date()) {
  const { token } = await sendTestInvitation(db, fields, from);
  const result = await acceptInvitation(db, await actorFor(db, "admin@contoso.example"), token, { acknowledged: true }, at);
  if (!result.ok) throw new Error(result.message);
  return result.relationshipId;
}

async function contosoId() {
  return (await actorFor(db, "admin@contoso.example")).memberships[0]!.organizationId;
}

describe("partner relationships", () => {
  beforeEach(async () => {
    db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 5 });
  });

  it("lists every relationship type with its roles, GDAP status and agreement status", async () => {
    await establish({ type: "reseller" }, "sales@fabrikam.example");
    await establish({ type: "gdap", roles: ["global_admin", "reports_reader"], durationDays: 20 });
    await establish({ type: "delegated_admin" }, "agent@adatum.example");
    const list = (params: Record<string, string> = {}, at = new Date()) => contosoId().then(async (id) => (await listCustomerRelationships(db, readerOf(id), parseListQuery(params), at)).rows);
    const rows = await list();
    const fabrikam = rows.find((r) => r.partnerName === "Fabrikam Partners")!;
    expect(fabrikam.types.sort()).toEqual(["gdap", "reseller"]);
    expect(fabrikam.topRole?.name).toBe("Global administrator");
    expect(fabrikam.gdap).toMatchObject({ kind: "expiring", days: 20 });
    expect(fabrikam.agreementAccepted).toBe(true);
    const adatum = rows.find((r) => r.partnerName === "Adatum Consulting")!;
    expect(adatum).toMatchObject({ types: ["delegated_admin"], gdap: { kind: "none" } });
    expect(adatum.activeRoles.sort()).toEqual(["global_admin", "helpdesk_admin"]);

    const filtered = await list({ type: "gdap" });
    expect(filtered.map((r) => r.partnerName)).toEqual(["Fabrikam Partners"]);
    expect((await list({ q: "ADAT" })).map((r) => r.partnerName)).toEqual(["Adatum Consulting"]);
    expect(await list({ q: "%" })).toEqual([]);
    expect((await list({ sort: "partner", dir: "desc" })).map((r) => r.partnerName)).toEqual(["Fabrikam Partners", "Adatum Consulting"]);
    expect((await list({ sort: "roles", dir: "desc" })).map((r) => r.partnerName)).toEqual(["Fabrikam Partners", "Adatum Consulting"]);
    expect((await list({ status: "expiring" })).map((r) => r.partnerName)).toEqual(["Fabrikam Partners"]);
    expect((await list({ status: "none" })).map((r) => r.partnerName)).toEqual(["Adatum Consulting"]);
    const csv = relationshipsCsv(rows);
    expect(csv.split("\r\n")[0]).toContain('"Partner","Relationship types"');
    expect(csv).toContain('"Fabrikam Partners"');

    // Expired shows as expired the moment the end passes, before any sweep.
    const later = await list({}, new Date(Date.now() + 21 * DAY));
    const gone = later.find((r) => r.partnerName === "Fabrikam Partners")!;
    expect(gone.gdap.kind).toBe("expired");
    expect(gone.activeRoles).toEqual([]);
    expect(gone.types).toEqual(["reseller"]);
    expect(await list({ status: "expired" }, new Date(Date.now() + 21 * DAY))).toHaveLength(1);
    expect(await list({ type: "gdap" }, new Date(Date.now() + 21 * DAY))).toEqual([]);
  });

  it("removes all admin roles but keeps the relationship and its other types", async () => {
    await establish({ type: "reseller" }, "sales@fabrikam.example");
    const id = await establish({ type: "gdap", roles: ["helpdesk_admin", "license_admin"], durationDays: 90 });
    await db.delete(emailOutbox);
    const result = await removePartnerRoles(db, await actorFor(db, "billing@contoso.example"), id);
    expect(result).toMatchObject({ ok: true, changed: true });
    expect(await db.$count(relationships)).toBe(1);
    const grants = await db.select().from(roleGrants);
    expect(grants.every((g) => g.endedAt && g.endReason === "removed")).toBe(true);
    const types = await db.select().from(relationshipTypes);
    expect(types.find((t) => t.type === "gdap")?.terminatedAt).not.toBeNull();
    expect(types.find((t) => t.type === "reseller")?.terminatedAt).toBeNull();
    const [row] = (await listCustomerRelationships(db, readerOf(await contosoId()))).rows;
    expect(row).toMatchObject({ types: ["reseller"], activeRoles: [], gdap: { kind: "terminated" } });
    const mail = await db.select().from(emailOutbox);
    // One email each: the customer's Global administrator and the partner's admin agent, not its sales agent.
    expect(mail.map((m) => m.to).sort()).toEqual(["admin@contoso.example", "agent@fabrikam.example"]);
    expect(mail.find((m) => m.to === "agent@fabrikam.example")?.text).toContain("remains Contoso's Reseller");
    expect(await db.$count(auditEvents, eq(auditEvents.action, "roles.removed"))).toBe(2);
    // Twice is safe: nothing more happens.
    expect(await removePartnerRoles(db, await actorFor(db, "admin@contoso.example"), id)).toMatchObject({ ok: true, changed: false });
    const details = await getRelationshipDetails(db, readerOf(await contosoId()), id);
    expect(details?.timeline.map((e) => e.action)).toContain("roles.removed");
  });

  it("removes a single role, terminating GDAP only with its last role", async () => {
    const id = await establish({ type: "gdap", roles: ["helpdesk_admin", "license_admin"], durationDays: 90 });
    const admin = await actorFor(db, "admin@contoso.example");
    await removePartnerRoles(db, admin, id, "license_admin");
    let [row] = (await listCustomerRelationships(db, readerOf(await contosoId()))).rows;
    expect(row?.activeRoles).toEqual(["helpdesk_admin"]);
    expect(row?.gdap.kind).toBe("active");
    await removePartnerRoles(db, admin, id, "helpdesk_admin");
    [row] = (await listCustomerRelationships(db, readerOf(await contosoId()))).rows;
    expect(row?.gdap.kind).toBe("terminated");
  });

  it("lets only Global and Billing administrators of the organization change anything", async () => {
    const id = await establish({ type: "gdap", roles: ["helpdesk_admin"], durationDays: 90, autoExtend: true });
    const before = await tableCounts(db);
    for (const email of ["helpdesk@contoso.example", "user@contoso.example", "agent@fabrikam.example"]) {
      const actor = await actorFor(db, email);
      await expect(removePartnerRoles(db, actor, id)).rejects.toThrow(AuthorizationError);
      await expect(turnOffAutoExtend(db, actor, id)).rejects.toThrow(AuthorizationError);
      await expect(setMpsaSharing(db, actor, id, true)).rejects.toThrow(AuthorizationError);
    }
    await expect(removePartnerRoles(db, null, id)).rejects.toThrow(AuthorizationError);
    // Another customer's administrator cannot see or touch it.
    const northwind = await actorFor(db, "admin@northwind.example");
    expect(await removePartnerRoles(db, northwind, id)).toMatchObject({ ok: false });
    expect(await getRelationshipDetails(db, readerOf(northwind.memberships[0]!.organizationId), id)).toBeUndefined();
    expect(await tableCounts(db)).toEqual(before);
  });

  it("turns auto-extend off and keeps the MPSA setting off by default, audited when changed", async () => {
    const gdapId = await establish({ type: "gdap", roles: ["helpdesk_admin"], durationDays: 90, autoExtend: true });
    expect(await turnOffAutoExtend(db, await actorFor(db, "billing@contoso.example"), gdapId)).toMatchObject({ ok: true, changed: true });
    expect((await db.select().from(relationshipTypes))[0]?.autoExtend).toBe(false);
    expect(await setMpsaSharing(db, await actorFor(db, "admin@contoso.example"), gdapId, true)).toMatchObject({ ok: false });
    const mpsaId = await establish({ type: "mpsa" }, "agent@adatum.example");
    expect((await db.select().from(relationships).where(eq(relationships.id, mpsaId)))[0]?.mpsaShareAllowed).toBe(false);
    expect(await setMpsaSharing(db, await actorFor(db, "admin@contoso.example"), mpsaId, true)).toMatchObject({ ok: true, changed: true });
    expect(await db.$count(auditEvents, eq(auditEvents.action, "mpsa.sharing_allowed"))).toBe(1);
  });

  it("sweeps on a controllable clock: each notice once, expiry recorded, auto-extend applied, safe when run twice at once", async () => {
    const start = new Date("2026-12-01T00:00:00Z");
    await establish({ type: "gdap", roles: ["helpdesk_admin"], durationDays: 40 }, "agent@fabrikam.example", start);
    await establish({ type: "gdap", roles: ["license_admin"], durationDays: 40, autoExtend: true }, "agent@adatum.example", start);
    await db.delete(emailOutbox);
    const notices = async () => (await db.select().from(emailOutbox)).map((m) => m.subject);
    const at = (days: number) => new Date(start.getTime() + days * DAY);

    expect(await runSweep(db, at(5))).toMatchObject({ notices: 0 });
    const thirty = await Promise.all([runSweep(db, at(11)), runSweep(db, at(11))]);
    // Fabrikam's admin agent (not its sales agent: notices are about admin access) and Adatum's, plus
    // Contoso's Global administrator for each.
    expect(thirty[0].notices + thirty[1].notices).toBe(4);
    await runSweep(db, at(12));
    expect((await notices()).filter((s) => s.includes("ends in 30 days"))).toHaveLength(4);
    await runSweep(db, at(34));
    await runSweep(db, at(39.5));
    await runSweep(db, at(39.6));
    expect((await notices()).filter((s) => s.includes("ends in 7 days"))).toHaveLength(4);
    expect((await notices()).filter((s) => s.includes("ends in 1 day"))).toHaveLength(4);

    const [a, b] = await Promise.all([runSweep(db, at(41)), runSweep(db, at(41))]);
    expect(a.expired + b.expired).toBe(1);
    expect(a.extended + b.extended).toBe(1);
    await runSweep(db, at(41));
    expect((await notices()).filter((s) => s.includes("has ended"))).toHaveLength(2);
    expect(await db.$count(emailOutbox, eq(emailOutbox.to, "sales@fabrikam.example"))).toBe(0);
    expect((await notices()).filter((s) => s.includes("was extended"))).toHaveLength(2);
    const grants = await db.select().from(roleGrants);
    expect(grants.find((g) => g.roleId === "helpdesk_admin")).toMatchObject({ endReason: "expired" });
    expect(grants.find((g) => g.roleId === "license_admin")?.expiresAt?.getTime()).toBe(at(40 + 180).getTime());
    expect(await db.$count(auditEvents, eq(auditEvents.action, "gdap.expired"))).toBe(2);
  });

  it("never auto-extends access that includes Global administrator", async () => {
    const start = new Date("2026-12-01T00:00:00Z");
    const id = await establish({ type: "gdap", roles: ["global_admin"], durationDays: 10 }, "agent@fabrikam.example", start);
    // Even if the flag were set in the database, the sweep refuses.
    await db.update(relationshipTypes).set({ autoExtend: true }).where(eq(relationshipTypes.relationshipId, id));
    const report = await runSweep(db, new Date(start.getTime() + 11 * DAY));
    expect(report).toMatchObject({ extended: 0, expired: 1 });
  });
});

describe("removing roles from a Reseller & delegated administrator", () => {
  beforeEach(async () => {
    db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 5 });
  });

  it("leaves a Reseller", async () => {
    const id = await establish({ type: "reseller_delegated_admin" });
    await removePartnerRoles(db, await actorFor(db, "admin@contoso.example"), id);
    const [row] = (await listCustomerRelationships(db, readerOf(await contosoId()))).rows;
    expect(row).toMatchObject({ types: ["reseller"], activeRoles: [] });
  });
});
