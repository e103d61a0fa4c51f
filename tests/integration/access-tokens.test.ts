import { eq } from "drizzle-orm";
import { createLocalJWKSet, decodeJwt, jwtVerify, SignJWT, UnsecuredJWT } from "jose";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, organizations, securityGroups, signingKeys, users } from "@/db/schema";
import { seedDatabase } from "@/seed/demo";
import { AuthorizationError } from "@/lib/authz";
import { currentSigningKey, publishedKeys } from "@/lib/access/keys";
import { assignAccess, assignmentsOf, createGroup, invitePartnerPerson, setGroupMember, setPersonActive, setPersonBlocked } from "@/lib/access/service";
import { introspectToken, issueToken, NO_ACCESS, tokenAudience, tokenIssuer } from "@/lib/access/tokens";
import { describeEvent } from "@/lib/audit/rules";
import { removePartnerRoles } from "@/lib/relationships/service";
import { memberships } from "@/db/schema";
import { actorFor } from "../support/actors";
import { resetDatabase } from "../support/db";
import { acceptedRelationship } from "../support/fixtures";
import { sendTestInvitation } from "../support/invitations";
import { acceptInvitation } from "@/lib/invitations/acceptance";

let db: Db;
let relationshipId: string;
const TECH = "tech@fabrikam.example";

async function userId(email: string) {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return user!.id;
}

/** Fabrikam's technician in its Helpdesk group, assigned Helpdesk administrator in Contoso. */
async function technicianWithHelpdesk() {
  const agent = await actorFor(db, "agent@fabrikam.example");
  expect(await invitePartnerPerson(db, agent, { email: TECH, name: "Patti Fernandez", roles: ["technician"] })).toMatchObject({ ok: true });
  expect(await createGroup(db, agent, { name: "Helpdesk" })).toMatchObject({ ok: true });
  const [group] = await db.select().from(securityGroups);
  expect(await setGroupMember(db, agent, { groupId: group!.id, userId: await userId(TECH), member: true })).toMatchObject({ ok: true });
  expect(await assignAccess(db, agent, { relationshipId, groupId: group!.id, roles: ["helpdesk_admin"] })).toMatchObject({ ok: true });
  return { agent, group: group!, tech: await actorFor(db, TECH) };
}

describe("Access assignments and signed access tokens", () => {
  beforeEach(async () => {
    db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 5 });
    relationshipId = await acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin", "license_admin"], durationDays: 90 });
  });

  it("a technician's token carries exactly the granted roles their groups hold, verifies offline, and is on the customer's timeline", async () => {
    const { tech } = await technicianWithHelpdesk();
    const result = await issueToken(db, tech, { relationshipId, reason: "Ticket 4711: password reset" });
    if (!result.ok) throw new Error(result.message);
    expect(result.roles).toEqual(["helpdesk_admin"]);
    const { payload, protectedHeader } = await jwtVerify(result.token, createLocalJWKSet(await publishedKeys(db)), { issuer: tokenIssuer(), audience: tokenAudience(), algorithms: ["ES256"] });
    expect(protectedHeader.alg).toBe("ES256");
    expect(payload).toMatchObject({ sub: await userId(TECH), roles: ["helpdesk_admin"], relationship_id: relationshipId });
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(600);
    expect(await introspectToken(db, result.token)).toMatchObject({ active: true, scope: "helpdesk_admin" });
    const [contoso] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.domain, "contoso.example"));
    const [issued] = await db.select().from(auditEvents).where(eq(auditEvents.action, "token.issued"));
    expect(issued!.organizationId).toBe(contoso!.id);
    expect(describeEvent(issued!)).toBe("Patti Fernandez (Fabrikam Partners) obtained Helpdesk administrator for 10 min: Ticket 4711: password reset");
    // The private key is stored sealed.
    const [key] = await db.select().from(signingKeys);
    expect(key!.privateJwkEncrypted).not.toContain('"d"');
  });

  it("refuses a customer without an assignment exactly like one that doesn't exist; a sales agent asks for nothing", async () => {
    const { tech } = await technicianWithHelpdesk();
    const { token } = await sendTestInvitation(db, { roles: ["helpdesk_admin"], durationDays: 30, customerEmail: "admin@northwind.example" });
    const accepted = await acceptInvitation(db, await actorFor(db, "admin@northwind.example"), token, { acknowledged: true });
    const other = accepted.ok ? accepted.relationshipId : "";
    const answers = await Promise.all([other, crypto.randomUUID(), "not-a-uuid"].map((id) => issueToken(db, tech, { relationshipId: id, reason: "x" })));
    for (const answer of answers) expect(answer).toEqual({ ok: false, code: "no_access", message: NO_ACCESS });
    await expect(issueToken(db, await actorFor(db, "sales@fabrikam.example"), { relationshipId, reason: "x" })).rejects.toBeInstanceOf(AuthorizationError);
  });

  it("introspection answers inactive the moment a block, a removed role or a deactivation says so; no new token either", async () => {
    const { agent, tech } = await technicianWithHelpdesk();
    const first = await issueToken(db, tech, { relationshipId, reason: "x" });
    if (!first.ok) throw new Error(first.message);
    const admin = await actorFor(db, "admin@contoso.example");
    expect(await setPersonBlocked(db, admin, { relationshipId, userId: await userId(TECH), blocked: true })).toMatchObject({ ok: true });
    expect(await introspectToken(db, first.token)).toEqual({ active: false });
    expect(await issueToken(db, tech, { relationshipId, reason: "x" })).toMatchObject({ ok: false, code: "no_access" });
    await setPersonBlocked(db, admin, { relationshipId, userId: await userId(TECH), blocked: false });
    expect(await introspectToken(db, first.token)).toMatchObject({ active: true });

    const [membership] = await db.select().from(memberships).where(eq(memberships.userId, await userId(TECH)));
    await setPersonActive(db, agent, { membershipId: membership!.id, active: false });
    expect(await introspectToken(db, first.token)).toEqual({ active: false });
    await setPersonActive(db, agent, { membershipId: membership!.id, active: true });

    await removePartnerRoles(db, admin, relationshipId, { roleId: "helpdesk_admin", viaType: "gdap" });
    expect(await introspectToken(db, first.token)).toEqual({ active: false });
    expect(await issueToken(db, await actorFor(db, TECH), { relationshipId, reason: "x" })).toMatchObject({ ok: false });
    const [assignment] = await assignmentsOf(db, relationshipId);
    expect(assignment).toMatchObject({ status: "error", liveRoles: [] });
  });

  it("refuses tampered, unsigned, wrong-audience and expired tokens", async () => {
    const { tech } = await technicianWithHelpdesk();
    const good = await issueToken(db, tech, { relationshipId, reason: "x" });
    if (!good.ok) throw new Error(good.message);
    const [header, , signature] = good.token.split(".");
    const claims = decodeJwt(good.token);
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, roles: ["global_admin"] })).toString("base64url")}.${signature}`;
    const unsigned = new UnsecuredJWT({ ...claims }).encode();
    const { kid, key } = await currentSigningKey(db);
    const wrongAudience = await new SignJWT({ ...claims }).setProtectedHeader({ alg: "ES256", kid }).setAudience("someone-else").sign(key);
    for (const token of [forged, unsigned, wrongAudience, "", "a.b.c", "x".repeat(10_000)]) expect(await introspectToken(db, token)).toEqual({ active: false });
    expect(await introspectToken(db, good.token, new Date(Date.now() + 11 * 60_000))).toEqual({ active: false });
  });

  it("a removal racing token requests: once it commits, no token carries the role and introspection says inactive", async () => {
    const { tech } = await technicianWithHelpdesk();
    const admin = await actorFor(db, "admin@contoso.example");
    const results = await Promise.all([
      issueToken(db, tech, { relationshipId, reason: "a" }),
      issueToken(db, tech, { relationshipId, reason: "b" }),
      removePartnerRoles(db, admin, relationshipId, { roleId: "helpdesk_admin", viaType: "gdap" }),
      issueToken(db, tech, { relationshipId, reason: "c" }),
      issueToken(db, tech, { relationshipId, reason: "d" }),
    ]);
    expect(results[2]).toMatchObject({ ok: true });
    for (const result of [results[0], results[1], results[3], results[4]]) {
      if (result && "token" in result && result.ok) expect(await introspectToken(db, result.token)).toEqual({ active: false });
      else expect(result).toMatchObject({ ok: false, code: "no_access" });
    }
    expect(await issueToken(db, tech, { relationshipId, reason: "e" })).toMatchObject({ ok: false, code: "no_access" });
  });

  it("assignments take only granted roles, from the partner's own groups and customers", async () => {
    const { agent, group } = await technicianWithHelpdesk();
    expect(await assignAccess(db, agent, { relationshipId, groupId: group.id, roles: ["exchange_admin"] })).toMatchObject({ ok: false, fieldErrors: { roles: [expect.any(String)] } });
    expect(await assignAccess(db, await actorFor(db, "agent@adatum.example"), { relationshipId, groupId: group.id, roles: ["helpdesk_admin"] })).toMatchObject({ ok: false, code: "not_found" });
    await expect(assignAccess(db, await actorFor(db, TECH), { relationshipId, groupId: group.id, roles: ["helpdesk_admin"] })).rejects.toBeInstanceOf(AuthorizationError);
  });
});
