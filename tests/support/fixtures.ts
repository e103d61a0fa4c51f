import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accessAssignments, activations, changeRequests, contactRequestRecipients, memberships, organizations, partnerProfiles, securityGroups, users } from "@/db/schema";
import { seedDatabase } from "@/seed/demo";
import { contactRequestSchema, type ContactRequestInput } from "@/lib/contact-requests/schemas";
import { createContactRequest } from "@/lib/contact-requests/service";
import { acceptInvitation } from "@/lib/invitations/acceptance";
import { proposeChange } from "@/lib/relationships/changes";
import { assignAccess, createGroup, invitePartnerPerson, setGroupMember } from "@/lib/access/service";
import { activateRole } from "@/lib/access/jit";
import { actorFor } from "./actors";
import { resetDatabase } from "./db";
import { sendTestInvitation } from "./invitations";

/** An empty database with the demo accounts, agreement and the two demo partners (no generated directory). */
export async function freshDatabase(): Promise<Db> {
  const db = await resetDatabase();
  await seedDatabase(db, { partnerCount: 0 });
  return db;
}

export async function userIdOf(db: Db, email: string): Promise<string> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`No seeded user ${email}`);
  return user.id;
}

export async function organizationIdOf(db: Db, domain: string): Promise<string> {
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.domain, domain));
  if (!org) throw new Error(`No organization ${domain}`);
  return org.id;
}

/** A valid contact request from Megan Bowen of Contoso (to Fabrikam and Adatum unless overridden). */
export function contactRequestInput(overrides: Partial<ContactRequestInput> = {}): ContactRequestInput {
  return contactRequestSchema.parse({
    name: "Megan Bowen",
    email: "megan@contoso.example",
    company: "Contoso",
    phone: "+1 425 555 0100",
    country: "US",
    size: "1000-9999",
    needs: "We are moving 1,200 mailboxes and want help securing identities.",
    partners: ["fabrikam-partners", "adatum-consulting"],
    idempotencyKey: randomUUID(),
    ...overrides,
  });
}

/** A contact request sent to one directory partner; returns that partner's recipient row id. */
export async function contactRequestTo(db: Db, slug: string): Promise<{ requestId: string; recipientId: string }> {
  const input = contactRequestInput({ partners: [slug] });
  const result = await createContactRequest(db, input, { clientKey: null });
  if (!result.ok) throw new Error(result.message);
  const [profile] = await db.select({ organizationId: partnerProfiles.organizationId }).from(partnerProfiles).where(eq(partnerProfiles.slug, slug));
  const [recipient] = await db
    .select({ id: contactRequestRecipients.id })
    .from(contactRequestRecipients)
    .where(and(eq(contactRequestRecipients.requestId, result.requestId), eq(contactRequestRecipients.partnerOrganizationId, profile!.organizationId)));
  return { requestId: result.requestId, recipientId: recipient!.id };
}

/** A contact request sent to Fabrikam Partners only; returns Fabrikam's recipient row id. */
export function contactRequestToFabrikam(db: Db): Promise<{ requestId: string; recipientId: string }> {
  return contactRequestTo(db, "fabrikam-partners");
}

/** A pending GDAP invitation from Fabrikam's admin agent to Contoso's Global administrator. */
export async function pendingInvitation(db: Db, fields: Record<string, unknown> = {}, from = "agent@fabrikam.example") {
  return sendTestInvitation(db, fields, from);
}

/** An accepted relationship between Contoso and the sender's partner organization. */
export async function acceptedRelationship(db: Db, fields: Record<string, unknown>, from = "agent@fabrikam.example"): Promise<string> {
  const { token } = await sendTestInvitation(db, fields, from);
  const result = await acceptInvitation(db, await actorFor(db, "admin@contoso.example"), token, { acknowledged: true });
  if (!result.ok) throw new Error(result.message);
  return result.relationshipId;
}

/** A GDAP relationship of Contoso and Fabrikam with Fabrikam's open change request for Exchange administrator. */
export async function changeRequested(db: Db): Promise<{ relationshipId: string; changeRequestId: string }> {
  const relationshipId = await acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin"], durationDays: 90 });
  const result = await proposeChange(db, await actorFor(db, "agent@fabrikam.example"), { relationshipId, roles: ["helpdesk_admin", "exchange_admin"] });
  if (!result.ok) throw new Error(result.message);
  const [request] = await db.select({ id: changeRequests.id }).from(changeRequests);
  return { relationshipId, changeRequestId: request!.id };
}

/**
 * Fabrikam's access plane in Contoso: a GDAP relationship granting Helpdesk and License administrator,
 * a technician (tech@fabrikam.example), a Helpdesk group holding the technician and the admin agent, and
 * the group's assignment of Helpdesk administrator.
 */
export async function technicianSetup(db: Db) {
  const relationshipId = await acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin", "license_admin"], durationDays: 90 });
  const agent = await actorFor(db, "agent@fabrikam.example");
  const ok = (result: { ok: boolean }) => {
    if (!result.ok) throw new Error(`technician setup refused: ${JSON.stringify(result)}`);
  };
  ok(await invitePartnerPerson(db, agent, { email: "tech@fabrikam.example", name: "Patti Fernandez", roles: ["technician"] }));
  ok(await createGroup(db, agent, { name: "Helpdesk" }));
  const [group] = await db.select().from(securityGroups);
  const tech = await userIdOf(db, "tech@fabrikam.example");
  ok(await setGroupMember(db, agent, { groupId: group!.id, userId: tech, member: true }));
  ok(await setGroupMember(db, agent, { groupId: group!.id, userId: agent.userId, member: true }));
  ok(await assignAccess(db, agent, { relationshipId, groupId: group!.id, roles: ["helpdesk_admin"] }));
  const [assignment] = await db.select().from(accessAssignments);
  const [membership] = await db.select().from(memberships).where(eq(memberships.userId, tech));
  return { relationshipId, groupId: group!.id, techUserId: tech, techMembershipId: membership!.id, assignmentId: assignment!.id };
}

/**
 * Contoso grants Fabrikam Helpdesk administrator as just-in-time (and License standing), with or without
 * its approval for each activation; Fabrikam's Helpdesk group (the technician and the admin agent) holds
 * both. With `activate`, the technician has activated Helpdesk administrator (pending when approval is required).
 */
export async function jitSetup(db: Db, options: { approval: boolean; activate: boolean }) {
  const { token } = await sendTestInvitation(db, { roles: ["helpdesk_admin", "license_admin"], durationDays: 90 });
  const accepted = await acceptInvitation(db, await actorFor(db, "admin@contoso.example"), token, { acknowledged: true, eligible: ["helpdesk_admin"], activationApproval: options.approval });
  if (!accepted.ok) throw new Error(accepted.message);
  const agent = await actorFor(db, "agent@fabrikam.example");
  await invitePartnerPerson(db, agent, { email: "tech@fabrikam.example", name: "Patti Fernandez", roles: ["technician"] });
  await createGroup(db, agent, { name: "Helpdesk" });
  const [group] = await db.select().from(securityGroups);
  for (const email of ["tech@fabrikam.example", "agent@fabrikam.example"]) await setGroupMember(db, agent, { groupId: group!.id, userId: await userIdOf(db, email), member: true });
  await assignAccess(db, agent, { relationshipId: accepted.relationshipId, groupId: group!.id, roles: ["helpdesk_admin", "license_admin"] });
  let activationId = "";
  if (options.activate) {
    const activated = await activateRole(db, await actorFor(db, "tech@fabrikam.example"), { relationshipId: accepted.relationshipId, roleId: "helpdesk_admin", hours: 1, justification: "Ticket 4711" });
    if (!activated.ok) throw new Error(activated.message);
    activationId = (await db.select({ id: activations.id }).from(activations))[0]!.id;
  }
  return { relationshipId: accepted.relationshipId, activationId };
}
