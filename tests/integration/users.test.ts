import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { changeRequests, emailOutbox, memberships, organizations, roleGrants, users } from "@/db/schema";
import { seedDatabase } from "@/seed/demo";
import { AuthorizationError, loadActor } from "@/lib/authz";
import { acceptInvitation } from "@/lib/invitations/acceptance";
import { approveChangeRequest } from "@/lib/relationships/changes";
import { endRelationship } from "@/lib/relationships/service";
import { PARTNER_RELATIONSHIP_ADMIN } from "@/lib/roles";
import { inviteMember, LAST_GLOBAL_ADMIN, setMemberRoles } from "@/lib/users/service";
import { listMembers } from "@/lib/users/queries";
import { actorFor } from "../support/actors";
import { resetDatabase, tableCounts } from "../support/db";
import { changeRequested } from "../support/fixtures";
import { sendTestInvitation } from "../support/invitations";

let db: Db;
let contoso: string;

async function membershipOf(email: string) {
  const [row] = await db
    .select({ id: memberships.id, roles: memberships.roles })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(users.email, email), eq(memberships.organizationId, contoso)));
  return row!;
}

describe("Users and the Partner relationship administrator", () => {
  beforeEach(async () => {
    db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 5 });
    [{ id: contoso }] = (await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.domain, "contoso.example"))) as [{ id: string }];
  });

  it("a Global administrator invites a colleague as Partner relationship administrator, who then accepts, approves and ends, but manages no users", async () => {
    const admin = await actorFor(db, "admin@contoso.example");
    await db.delete(emailOutbox);
    expect(await inviteMember(db, admin, { email: "Approver@Contoso.example", name: "Alex Wilber", roles: [PARTNER_RELATIONSHIP_ADMIN] })).toMatchObject({ ok: true });
    const [mail] = await db.select().from(emailOutbox);
    expect(mail).toMatchObject({ to: "approver@contoso.example", subject: "Megan Bowen added you to Contoso's admin center" });
    expect(await inviteMember(db, admin, { email: "approver@contoso.example", roles: [] })).toMatchObject({ ok: false, fieldErrors: { email: [expect.stringContaining("already a member")] } });
    expect((await listMembers(db, { actor: admin, organizationId: contoso })).find((m) => m.email === "approver@contoso.example")?.roles).toEqual([PARTNER_RELATIONSHIP_ADMIN]);

    const approver = await actorFor(db, "approver@contoso.example");
    const { token } = await sendTestInvitation(db, { customerEmail: "admin@contoso.example" });
    const accepted = await acceptInvitation(db, approver, token, { acknowledged: true, roles: ["helpdesk_admin"] });
    expect(accepted).toMatchObject({ ok: true });
    await expect(inviteMember(db, approver, { email: "friend@contoso.example", roles: ["global_admin"] })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(setMemberRoles(db, approver, { membershipId: (await membershipOf("approver@contoso.example")).id, roles: ["global_admin"] })).rejects.toBeInstanceOf(AuthorizationError);
    if (accepted.ok) expect(await endRelationship(db, approver, accepted.relationshipId)).toMatchObject({ ok: true, changed: true });
  });

  it("a Partner relationship administrator answers change requests", async () => {
    const { changeRequestId } = await changeRequested(db);
    await inviteMember(db, await actorFor(db, "admin@contoso.example"), { email: "approver@contoso.example", roles: [PARTNER_RELATIONSHIP_ADMIN] });
    expect(await approveChangeRequest(db, await actorFor(db, "approver@contoso.example"), { changeRequestId })).toMatchObject({ ok: true });
    expect((await db.select().from(changeRequests))[0]!.status).toBe("approved");
    expect((await db.select().from(roleGrants)).map((g) => g.roleId).sort()).toEqual(["exchange_admin", "helpdesk_admin"]);
  });

  it("the last Global administrator keeps the role, even when two demote each other at once", async () => {
    const admin = await actorFor(db, "admin@contoso.example");
    const self = await membershipOf("admin@contoso.example");
    const before = await tableCounts(db);
    expect(await setMemberRoles(db, admin, { membershipId: self.id, roles: ["billing_admin"] })).toMatchObject({ ok: false, code: "last_global_admin", message: LAST_GLOBAL_ADMIN });
    expect(await setMemberRoles(db, admin, { membershipId: self.id, roles: ["global_admin", "root"] })).toMatchObject({ ok: false, fieldErrors: { roles: [expect.any(String)] } });
    expect(await tableCounts(db)).toEqual(before);

    // A second Global administrator; then each removes the other's role at the same moment.
    await setMemberRoles(db, admin, { membershipId: (await membershipOf("billing@contoso.example")).id, roles: ["global_admin", "billing_admin"] });
    const billing = await actorFor(db, "billing@contoso.example");
    const results = await Promise.all([
      setMemberRoles(db, admin, { membershipId: (await membershipOf("billing@contoso.example")).id, roles: ["billing_admin"] }),
      setMemberRoles(db, billing, { membershipId: self.id, roles: ["billing_admin"] }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const admins = (await db.select().from(memberships).where(eq(memberships.organizationId, contoso))).filter((m) => m.roles.includes("global_admin"));
    expect(admins).toHaveLength(1);
    // The role change is read at once: the demoted person's next request no longer holds it.
    const demoted = results[0]!.ok ? "billing@contoso.example" : "admin@contoso.example";
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoted));
    expect((await loadActor(db, user!.id))!.memberships.find((m) => m.organizationId === contoso)!.roles).not.toContain("global_admin");
  });
});
