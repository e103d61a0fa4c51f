import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, invitations, organizations, roleTemplates } from "@/db/schema";
import { seedDatabase } from "@/seed/demo";
import { AuthorizationError } from "@/lib/authz";
import { invitationForReview } from "@/lib/invitations/review";
import { deleteRoleTemplate, listRoleTemplates, saveRoleTemplate } from "@/lib/relationships/templates";
import { rolesNotNeeded } from "@/lib/relationships/tasks";
import { actorFor } from "../support/actors";
import { resetDatabase, tableCounts } from "../support/db";
import { sendTestInvitation } from "../support/invitations";

let db: Db;

describe("Tasks, the advisor's proposal and role templates", () => {
  beforeEach(async () => {
    db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 5 });
  });

  it("an invitation with tasks and no role asks for the advisor's roles; one with more marks the extra on the review", async () => {
    const proposed = await sendTestInvitation(db, { roles: [], tasks: ["manage_licenses", "support_tickets"] });
    expect(proposed.invitation).toMatchObject({ roles: ["license_admin", "service_support_admin"], tasks: ["manage_licenses", "support_tickets"] });
    const sent = await db.select().from(auditEvents).where(eq(auditEvents.action, "invitation.sent"));
    expect(sent[0]!.details).toMatchObject({ tasks: ["Assign and manage licences", "Open and manage support tickets, read service health"] });

    const more = await sendTestInvitation(db, { customerEmail: "admin@northwind.example", roles: ["license_admin", "exchange_admin"], tasks: ["manage_licenses"] });
    const review = await invitationForReview(db, more.token);
    expect(review!.invitation.tasks).toEqual(["manage_licenses"]);
    expect(rolesNotNeeded(review!.invitation.roles, review!.invitation.tasks)).toEqual(["exchange_admin"]);
  });

  it("admin agents keep named templates; a sales agent can't; another partner's is not theirs to delete", async () => {
    const agent = await actorFor(db, "agent@fabrikam.example");
    expect(await saveRoleTemplate(db, agent, { name: "Helpdesk", roles: [], tasks: ["reset_passwords", "support_tickets"] })).toMatchObject({ ok: true });
    expect(await saveRoleTemplate(db, agent, { name: "helpdesk", roles: ["helpdesk_admin"], tasks: [] })).toMatchObject({ ok: false, fieldErrors: { name: [expect.any(String)] } });
    expect(await saveRoleTemplate(db, agent, { name: "Nothing", roles: [], tasks: [] })).toMatchObject({ ok: false, fieldErrors: { roles: [expect.any(String)] } });
    expect(await saveRoleTemplate(db, agent, { name: "Bad", roles: ["root"], tasks: [] })).toMatchObject({ ok: false, fieldErrors: { roles: [expect.any(String)] } });
    await expect(saveRoleTemplate(db, await actorFor(db, "sales@fabrikam.example"), { name: "Sales", roles: ["helpdesk_admin"], tasks: [] })).rejects.toBeInstanceOf(AuthorizationError);

    const [fabrikam] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.domain, "fabrikam.example"));
    const [template] = await listRoleTemplates(db, { actor: agent, organizationId: fabrikam!.id });
    expect(template).toMatchObject({ name: "Helpdesk", roles: ["helpdesk_admin", "service_support_admin"] });
    const before = await tableCounts(db);
    expect(await deleteRoleTemplate(db, await actorFor(db, "agent@adatum.example"), template!.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await tableCounts(db)).toEqual(before);
    expect(await deleteRoleTemplate(db, agent, template!.id)).toMatchObject({ ok: true });
    expect(await db.$count(roleTemplates)).toBe(0);
    expect(await db.$count(invitations)).toBe(0);
  });
});
