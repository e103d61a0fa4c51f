import { and, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { changeRequests, emailOutbox, relationshipTypes, relationshipVersions, roleGrants } from "@/db/schema";
import { seedDatabase } from "@/seed/demo";
import { AuthorizationError } from "@/lib/authz";
import { approveChangeRequest, declineChangeRequest, extendGdap, proposeChange, requestRenewal } from "@/lib/relationships/changes";
import { isoDay } from "@/lib/relationships/decision";
import { endGdap, endRelationship, removePartnerRoles } from "@/lib/relationships/service";
import { DAY_MS } from "@/lib/time";
import { actorFor } from "../support/actors";
import { resetDatabase, tableCounts } from "../support/db";
import { acceptedRelationship } from "../support/fixtures";

let db: Db;
let relationshipId: string;
const AGENT = "agent@fabrikam.example";
const ADMIN = "admin@contoso.example";

async function gdap() {
  const [type] = await db.select().from(relationshipTypes).where(and(eq(relationshipTypes.relationshipId, relationshipId), eq(relationshipTypes.type, "gdap")));
  const grants = await db.select().from(roleGrants).where(and(eq(roleGrants.relationshipId, relationshipId), eq(roleGrants.viaType, "gdap"), isNull(roleGrants.endedAt)));
  return { type: type!, roles: grants.map((g) => g.roleId).sort(), grants };
}

const day = (date: Date, days: number) => isoDay(new Date(date.getTime() + days * DAY_MS));

describe("Amendments and change requests", () => {
  beforeEach(async () => {
    db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 5 });
    relationshipId = await acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin", "license_admin"], durationDays: 180 });
  });

  it("applies less access at once: a role given up and an earlier end, with a version and the customer told", async () => {
    const before = await gdap();
    await db.delete(emailOutbox);
    const result = await proposeChange(db, await actorFor(db, AGENT), { relationshipId, roles: ["license_admin"], endsOn: day(new Date(), 60) });
    expect(result).toMatchObject({ ok: true, code: "applied" });
    const after = await gdap();
    expect(after.roles).toEqual(["license_admin"]);
    expect(isoDay(after.type.endsAt!)).toBe(day(new Date(), 60));
    expect(after.grants[0]!.expiresAt).toEqual(after.type.endsAt);
    expect(after.type.endsAt!.getTime() % DAY_MS).toBe(before.type.endsAt!.getTime() % DAY_MS);
    expect(await db.$count(changeRequests)).toBe(0);
    const versions = await db.select().from(relationshipVersions).where(eq(relationshipVersions.relationshipId, relationshipId));
    expect(versions.map((v) => [v.version, v.cause, v.roles])).toEqual([
      [1, "accepted", ["helpdesk_admin", "license_admin"]],
      [2, "amended", ["license_admin"]],
    ]);
    const mail = await db.select().from(emailOutbox);
    expect(mail.map((m) => m.to)).toEqual([ADMIN]);
    expect(mail[0]!.text).toContain("− Helpdesk administrator");
  });

  it("asks for more as one change request; the customer approves it with changes, once", async () => {
    const before = await gdap();
    const later = day(before.type.endsAt!, 60);
    const proposed = await proposeChange(db, await actorFor(db, AGENT), { relationshipId, roles: ["helpdesk_admin", "license_admin", "exchange_admin", "teams_admin"], endsOn: later, message: "Mail migration" });
    expect(proposed).toMatchObject({ ok: true, code: "requested" });
    expect((await gdap()).roles).toEqual(before.roles);
    const [request] = await db.select().from(changeRequests);
    expect(request).toMatchObject({ status: "pending", addRoles: ["exchange_admin", "teams_admin"], rolesBefore: ["helpdesk_admin", "license_admin"] });

    // One open request per relationship: another that adds is refused; one that only gives up access is not.
    const agent = await actorFor(db, AGENT);
    expect(await proposeChange(db, agent, { relationshipId, roles: ["helpdesk_admin", "license_admin", "user_admin"] })).toMatchObject({ ok: false, code: "open_request" });

    const admin = await actorFor(db, ADMIN);
    await db.delete(emailOutbox);
    const [first, second] = await Promise.all([
      approveChangeRequest(db, admin, { changeRequestId: request!.id, roles: ["teams_admin"], endsOn: later }),
      approveChangeRequest(db, admin, { changeRequestId: request!.id, roles: ["teams_admin"], endsOn: later }),
    ]);
    expect(first.ok && second.ok).toBe(true);
    const after = await gdap();
    expect(after.roles).toEqual(["helpdesk_admin", "license_admin", "teams_admin"]);
    expect(isoDay(after.type.endsAt!)).toBe(later);
    expect(after.grants.every((g) => g.expiresAt!.getTime() === after.type.endsAt!.getTime())).toBe(true);
    const [answered] = await db.select().from(changeRequests);
    expect(answered).toMatchObject({ status: "approved_with_changes", grantedRoles: ["teams_admin"], changes: { rolesNotGranted: ["exchange_admin"] } });
    const mail = await db.select().from(emailOutbox);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe("Contoso approved your change with changes");
    expect(mail[0]!.text).toContain("+ Teams administrator");
    expect(mail[0]!.text).toContain("Not granted: Exchange administrator");
    // Answered: declining now says so and changes nothing.
    const counts = await tableCounts(db);
    expect(await declineChangeRequest(db, admin, { changeRequestId: request!.id, reason: "No" })).toMatchObject({ ok: false, code: "answered" });
    expect(await tableCounts(db)).toEqual(counts);
    const causes = (await db.select().from(relationshipVersions)).map((v) => v.cause).sort();
    expect(causes).toEqual(["accepted", "change_approved"]);
  });

  it("a decline tells the partner the reason and leaves the access as it was", async () => {
    await proposeChange(db, await actorFor(db, AGENT), { relationshipId, roles: ["helpdesk_admin", "license_admin", "exchange_admin"] });
    const [request] = await db.select().from(changeRequests);
    await db.delete(emailOutbox);
    expect(await declineChangeRequest(db, await actorFor(db, ADMIN), { changeRequestId: request!.id, reason: "Not this quarter" })).toMatchObject({ ok: true });
    expect((await gdap()).roles).toEqual(["helpdesk_admin", "license_admin"]);
    const [mail] = await db.select().from(emailOutbox);
    expect(mail!.text).toContain("Their reason: Not this quarter");
  });

  it("refuses nothing left, unknown roles, an end past 2 years from activation, a terminated relationship; wrong actors and organizations", async () => {
    const agent = await actorFor(db, AGENT);
    const counts = await tableCounts(db);
    expect(await proposeChange(db, agent, { relationshipId, roles: [] })).toMatchObject({ ok: false, fieldErrors: { roles: [expect.stringContaining("Keep at least one role")] } });
    expect(await proposeChange(db, agent, { relationshipId, roles: ["root"] })).toMatchObject({ ok: false, fieldErrors: { roles: [expect.any(String)] } });
    expect(await proposeChange(db, agent, { relationshipId, roles: ["helpdesk_admin", "license_admin"], endsOn: day(new Date(), 800) })).toMatchObject({ ok: false, fieldErrors: { endsOn: [expect.stringContaining("up to")] } });
    expect(await proposeChange(db, agent, { relationshipId, roles: ["helpdesk_admin", "license_admin"] })).toMatchObject({ ok: false, message: expect.stringContaining("Nothing to change") });
    await expect(proposeChange(db, await actorFor(db, "sales@fabrikam.example"), { relationshipId, roles: ["helpdesk_admin"] })).rejects.toBeInstanceOf(AuthorizationError);
    expect(await proposeChange(db, await actorFor(db, "agent@adatum.example"), { relationshipId, roles: ["helpdesk_admin"] })).toMatchObject({ ok: false, code: "not_found" });
    expect(await tableCounts(db)).toEqual(counts);

    await proposeChange(db, agent, { relationshipId, roles: ["helpdesk_admin", "license_admin", "exchange_admin"] });
    const [request] = await db.select().from(changeRequests);
    await expect(approveChangeRequest(db, await actorFor(db, "reader@contoso.example"), { changeRequestId: request!.id })).rejects.toBeInstanceOf(AuthorizationError);
    expect(await approveChangeRequest(db, await actorFor(db, "admin@northwind.example"), { changeRequestId: request!.id })).toMatchObject({ ok: false, code: "not_found" });

    await endGdap(db, agent, relationshipId);
    expect((await db.select().from(changeRequests))[0]!.status).toBe("withdrawn");
    expect(await proposeChange(db, agent, { relationshipId, roles: ["helpdesk_admin"] })).toMatchObject({ ok: false, code: "no_gdap" });
    expect(await approveChangeRequest(db, await actorFor(db, ADMIN), { changeRequestId: request!.id })).toMatchObject({ ok: false });
  });

  it("a request expires after 30 days: it can no longer be approved and a new one can be sent", async () => {
    const agent = await actorFor(db, AGENT);
    await proposeChange(db, agent, { relationshipId, roles: ["helpdesk_admin", "license_admin", "exchange_admin"] });
    const [request] = await db.select().from(changeRequests);
    const later = new Date(Date.now() + 31 * DAY_MS);
    expect(await approveChangeRequest(db, await actorFor(db, ADMIN), { changeRequestId: request!.id }, later)).toMatchObject({ ok: false, code: "expired" });
    expect(await proposeChange(db, agent, { relationshipId, roles: ["helpdesk_admin", "license_admin", "teams_admin"] }, later)).toMatchObject({ ok: true, code: "requested" });
    expect((await db.select().from(changeRequests)).map((r) => r.status).sort()).toEqual(["expired", "pending"]);
  });

  it("an approval racing a removal: one outcome, never a role in force without its relationship type", async () => {
    await proposeChange(db, await actorFor(db, AGENT), { relationshipId, roles: ["helpdesk_admin", "license_admin", "exchange_admin"] });
    const [request] = await db.select().from(changeRequests);
    const admin = await actorFor(db, ADMIN);
    const [approved, removed] = await Promise.all([approveChangeRequest(db, admin, { changeRequestId: request!.id }), removePartnerRoles(db, admin, relationshipId)]);
    expect(removed.ok).toBe(true);
    const state = await gdap();
    expect(state.type.terminatedAt).not.toBeNull();
    expect(state.roles).toEqual([]);
    const [after] = await db.select().from(changeRequests);
    // Either the approval came first (and the removal ended what it added) or the removal did (and closed the request).
    expect(approved.ok ? after!.status : "withdrawn").toBe(after!.status);
    expect(["approved", "withdrawn"]).toContain(after!.status);
  });

  it("renewal: from 30 days before the end the partner requests it and the customer's Extend answers it; never past 2 years from today", async () => {
    const { type } = await gdap();
    const agent = await actorFor(db, AGENT);
    const admin = await actorFor(db, ADMIN);
    expect(await requestRenewal(db, agent, { relationshipId })).toMatchObject({ ok: false, code: "not_yet" });
    expect(await extendGdap(db, admin, { relationshipId, endsOn: day(type.endsAt!, 30) })).toMatchObject({ ok: false, code: "not_yet" });

    const now = new Date(type.endsAt!.getTime() - 10 * DAY_MS);
    expect(await requestRenewal(db, agent, { relationshipId, endsOn: day(now, 365) }, now)).toMatchObject({ ok: true, code: "renewal_requested" });
    expect(await extendGdap(db, admin, { relationshipId, endsOn: day(now, 731) }, now)).toMatchObject({ ok: false, fieldErrors: { endsOn: [expect.stringContaining("up to")] } });
    expect(await extendGdap(db, admin, { relationshipId, endsOn: day(now, 365) }, now)).toMatchObject({ ok: true, code: "extended" });
    const after = await gdap();
    expect(isoDay(after.type.endsAt!)).toBe(day(now, 365));
    expect(after.roles).toEqual(["helpdesk_admin", "license_admin"]);
    expect((await db.select().from(changeRequests))[0]).toMatchObject({ kind: "renewal", status: "approved" });
    expect((await db.select().from(relationshipVersions)).map((v) => v.cause).sort()).toEqual(["accepted", "extended"]);
  });

  it("End relationship ends every type and role at once, Reseller included, closes an open request, and tells both sides", async () => {
    await proposeChange(db, await actorFor(db, AGENT), { relationshipId, roles: ["helpdesk_admin", "license_admin", "exchange_admin"] });
    await acceptedRelationship(db, { type: "reseller" });
    await db.delete(emailOutbox);
    await expect(endRelationship(db, await actorFor(db, "billing@contoso.example"), relationshipId)).rejects.toBeInstanceOf(AuthorizationError);
    const admin = await actorFor(db, ADMIN);
    expect(await endRelationship(db, admin, relationshipId)).toMatchObject({ ok: true, changed: true });
    const types = await db.select().from(relationshipTypes).where(eq(relationshipTypes.relationshipId, relationshipId));
    expect(types.map((t) => t.type).sort()).toEqual(["gdap", "reseller"]);
    expect(types.every((t) => t.terminatedAt)).toBe(true);
    expect(await db.$count(roleGrants, isNull(roleGrants.endedAt))).toBe(0);
    expect((await db.select().from(changeRequests))[0]!.status).toBe("withdrawn");
    const mail = await db.select().from(emailOutbox);
    expect(mail.map((m) => m.to).sort()).toEqual([ADMIN, AGENT]);
    expect(await endRelationship(db, admin, relationshipId)).toMatchObject({ ok: true, changed: false });
  });

  it("approving a change, the customer can make an added role just-in-time", async () => {
    await proposeChange(db, await actorFor(db, AGENT), { relationshipId, roles: ["helpdesk_admin", "license_admin", "exchange_admin"] });
    const [request] = await db.select().from(changeRequests);
    expect(await approveChangeRequest(db, await actorFor(db, ADMIN), { changeRequestId: request!.id, eligible: ["exchange_admin", "global_admin"] })).toMatchObject({ ok: true });
    const grants = (await gdap()).grants;
    expect(grants.find((g) => g.roleId === "exchange_admin")?.eligible).toBe(true);
    expect(grants.filter((g) => g.roleId !== "exchange_admin").every((g) => !g.eligible)).toBe(true);
    expect(grants.some((g) => g.roleId === "global_admin")).toBe(false);
  });
});
