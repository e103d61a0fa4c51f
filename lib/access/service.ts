import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { accessAssignments, issuedTokens, memberships, personBlocks, relationships, roleGrants, securityGroupMembers, securityGroups, sessions, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/service";
import { forgetUserSessions } from "@/lib/auth/session";
import { requireMembership, type Actor, type Authorized } from "@/lib/authz";
import { appUrl } from "@/lib/email/config";
import { sendEmail } from "@/lib/email/send";
import { isUuid } from "@/lib/ids";
import { isGrantActive } from "@/lib/relationships/rules";

import { PARTNER_AGENT_ROLE_NAMES, PARTNER_AGENT_ROLES, roleNamesByPrivilege, type PartnerAgentRole } from "@/lib/roles";

/*
 * The partner's side of the access plane: its people (technicians invited by email, agent roles,
 * deactivation), its security groups, and the groups' access assignments in customers. And the
 * customer's block of one person. Each change is one transaction, audited.
 */

export type AccessOutcome = { ok: true; code: string } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

const NOT_FOUND = { ok: false, code: "not_found", message: "That was not found." } as const;

function isAgentRole(value: string): value is PartnerAgentRole {
  return (PARTNER_AGENT_ROLES as readonly string[]).includes(value);
}

async function audit(tx: DbOrTx, by: Authorized, action: string, targetType: string, targetId: string, details: Record<string, unknown>, counterparty?: string) {
  await recordAudit(tx, {
    actorUserId: by.actor.userId,
    actorLabel: by.actor.email,
    organizationId: by.membership.organizationId,
    counterpartyOrganizationId: counterparty ?? null,
    action,
    targetType,
    targetId,
    details: { ...details, actorName: by.actor.name },
  });
}

/** Invite a person into the partner organization with agent roles (a technician, usually); they sign in by email link. */
export async function invitePartnerPerson(db: Db, actor: Actor | null, input: { email: string; name?: string | null; roles: readonly string[] }, now = new Date()): Promise<AccessOutcome> {
  const by = requireMembership(actor, "team.manage");
  const roles = [...new Set(input.roles)];
  if (roles.length === 0 || !roles.every(isAgentRole)) return { ok: false, code: "invalid", message: "Check the roles.", fieldErrors: { roles: ["Choose at least one role from the list."] } };
  return db.transaction(async (tx): Promise<AccessOutcome> => {
    const email = input.email.toLowerCase();
    await tx.insert(users).values({ email, name: input.name || null, createdAt: now }).onConflictDoNothing();
    const [user] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email}`);
    const [existing] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, user!.id), eq(memberships.organizationId, by.membership.organizationId)));
    if (existing) return { ok: false, code: "member", message: "Check the email address.", fieldErrors: { email: [`${email} is already on your team.`] } };
    await tx.insert(memberships).values({ userId: user!.id, organizationId: by.membership.organizationId, roles, createdAt: now });
    await audit(tx, by, "team.person_added", "user", user!.id, { email, roles: roles.map((r) => PARTNER_AGENT_ROLE_NAMES[r]) });
    await sendEmail(tx, {
      to: email,
      template: "member-added",
      props: { organizationName: by.membership.organizationName, addedBy: by.actor.name ?? by.actor.email, roles: roles.map((r) => PARTNER_AGENT_ROLE_NAMES[r]), url: `${appUrl()}/signin` },
    });
    return { ok: true, code: "person_added" };
  });
}

/**
 * Deactivate (or reactivate) one of the organization's people: a deactivated person's membership counts
 * nowhere, their sessions end and introspection answers inactive for their tokens, at once. Nobody
 * deactivates themselves (an organization keeps the admin agent who acts).
 */
export async function setPersonActive(db: Db, actor: Actor | null, input: { membershipId: string; active: boolean }, now = new Date()): Promise<AccessOutcome> {
  const by = requireMembership(actor, "team.manage");
  if (!isUuid(input.membershipId)) return NOT_FOUND;
  const result = await db.transaction(async (tx): Promise<AccessOutcome & { userId?: string }> => {
    const [member] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.id, input.membershipId), eq(memberships.organizationId, by.membership.organizationId)))
      .for("update");
    if (!member) return NOT_FOUND;
    if (member.userId === by.actor.userId) return { ok: false, code: "self", message: "You can't deactivate yourself." };
    if ((member.deactivatedAt === null) === input.active) return { ok: true, code: "nothing" };
    await tx.update(memberships).set({ deactivatedAt: input.active ? null : now }).where(eq(memberships.id, member.id));
    if (!input.active) {
      // Their sessions end with their membership when it is their only one; others keep the person signed in elsewhere.
      const [other] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.userId, member.userId), isNull(memberships.deactivatedAt)));
      if (!other) await tx.delete(sessions).where(eq(sessions.userId, member.userId));
    }
    await audit(tx, by, input.active ? "team.person_reactivated" : "team.person_deactivated", "user", member.userId, {});
    return { ok: true, code: input.active ? "reactivated" : "deactivated", userId: member.userId };
  });
  if (result.ok && result.userId) forgetUserSessions(result.userId);
  return result.ok ? { ok: true, code: result.code } : result;
}

/** A new security group of the organization (names unique, case aside). */
export async function createGroup(db: Db, actor: Actor | null, input: { name: string }): Promise<AccessOutcome> {
  const by = requireMembership(actor, "team.manage");
  return db.transaction(async (tx): Promise<AccessOutcome> => {
    const [group] = await tx.insert(securityGroups).values({ partnerOrganizationId: by.membership.organizationId, name: input.name }).onConflictDoNothing().returning();
    if (!group) return { ok: false, code: "duplicate", message: "Check the name.", fieldErrors: { name: ["A group of that name exists."] } };
    await audit(tx, by, "group.created", "security_group", group.id, { name: input.name });
    return { ok: true, code: "group_created" };
  });
}

async function ownGroup(tx: DbOrTx, by: Authorized, groupId: string) {
  if (!isUuid(groupId)) return undefined;
  const [group] = await tx
    .select()
    .from(securityGroups)
    .where(and(eq(securityGroups.id, groupId), eq(securityGroups.partnerOrganizationId, by.membership.organizationId)))
    .for("update");
  return group;
}

/** Adds (or removes) one of the organization's people to (from) one of its groups. */
export async function setGroupMember(db: Db, actor: Actor | null, input: { groupId: string; userId: string; member: boolean }): Promise<AccessOutcome> {
  const by = requireMembership(actor, "team.manage");
  return db.transaction(async (tx): Promise<AccessOutcome> => {
    const group = await ownGroup(tx, by, input.groupId);
    if (!group) return NOT_FOUND;
    const [person] = await tx
      .select({ userId: memberships.userId, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, by.membership.organizationId), eq(memberships.userId, input.userId)));
    if (!person) return NOT_FOUND;
    if (input.member) {
      const added = await tx.insert(securityGroupMembers).values({ groupId: group.id, userId: person.userId }).onConflictDoNothing().returning();
      if (added.length === 0) return { ok: true, code: "nothing" };
    } else {
      const removed = await tx
        .delete(securityGroupMembers)
        .where(and(eq(securityGroupMembers.groupId, group.id), eq(securityGroupMembers.userId, person.userId)))
        .returning();
      if (removed.length === 0) return { ok: true, code: "nothing" };
    }
    await audit(tx, by, input.member ? "group.member_added" : "group.member_removed", "security_group", group.id, { name: group.name, email: person.email });
    return { ok: true, code: input.member ? "member_added" : "member_removed" };
  });
}

/**
 * Assigns a group some of the roles a customer granted (replacing the group's earlier assignment there).
 * A role the customer does not grant now is refused: an assignment starts active.
 */
export async function assignAccess(db: Db, actor: Actor | null, input: { relationshipId: string; groupId: string; roles: readonly string[] }, now = new Date()): Promise<AccessOutcome> {
  const by = requireMembership(actor, "access.assign");
  const roles = [...new Set(input.roles)];
  if (roles.length === 0) return { ok: false, code: "invalid", message: "Check the roles.", fieldErrors: { roles: ["Choose at least one of the roles the customer granted."] } };
  if (!isUuid(input.relationshipId)) return NOT_FOUND;
  return db.transaction(async (tx): Promise<AccessOutcome> => {
    const [relationship] = await tx
      .select()
      .from(relationships)
      .where(and(eq(relationships.id, input.relationshipId), eq(relationships.partnerOrganizationId, by.membership.organizationId)))
      .for("update");
    if (!relationship) return NOT_FOUND;
    const group = await ownGroup(tx, by, input.groupId);
    if (!group) return { ok: false, code: "invalid", message: "Check the group.", fieldErrors: { groupId: ["Choose one of your groups."] } };
    const granted = new Set(
      (await tx.select().from(roleGrants).where(and(eq(roleGrants.relationshipId, relationship.id), isNull(roleGrants.endedAt)))).filter((g) => isGrantActive(g, now)).map((g) => g.roleId),
    );
    if (!roles.every((role) => granted.has(role))) {
      return { ok: false, code: "invalid", message: "Check the roles.", fieldErrors: { roles: ["Choose only roles the customer granted you."] } };
    }
    await tx
      .update(accessAssignments)
      .set({ deletedAt: now })
      .where(and(eq(accessAssignments.relationshipId, relationship.id), eq(accessAssignments.groupId, group.id), isNull(accessAssignments.deletedAt)));
    await tx.insert(accessAssignments).values({ relationshipId: relationship.id, groupId: group.id, roles, createdById: by.actor.userId, createdAt: now });
    await audit(tx, by, "access.assigned", "relationship", relationship.id, { group: group.name, roles: roleNamesByPrivilege(roles) }, relationship.customerOrganizationId);
    return { ok: true, code: "assigned" };
  });
}

/** Removes a group's assignment in a customer. */
export async function removeAssignment(db: Db, actor: Actor | null, input: { assignmentId: string }, now = new Date()): Promise<AccessOutcome & { relationshipId?: string }> {
  const by = requireMembership(actor, "access.assign");
  if (!isUuid(input.assignmentId)) return NOT_FOUND;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ assignment: accessAssignments, group: securityGroups, customerId: relationships.customerOrganizationId })
      .from(accessAssignments)
      .innerJoin(securityGroups, eq(securityGroups.id, accessAssignments.groupId))
      .innerJoin(relationships, eq(relationships.id, accessAssignments.relationshipId))
      .where(and(eq(accessAssignments.id, input.assignmentId), eq(securityGroups.partnerOrganizationId, by.membership.organizationId)))
      .for("update");
    if (!row) return NOT_FOUND;
    if (row.assignment.deletedAt) return { ok: true, code: "nothing", relationshipId: row.assignment.relationshipId };
    await tx.update(accessAssignments).set({ deletedAt: now }).where(eq(accessAssignments.id, row.assignment.id));
    await audit(tx, by, "access.unassigned", "relationship", row.assignment.relationshipId, { group: row.group.name, roles: roleNamesByPrivilege(row.assignment.roles) }, row.customerId);
    return { ok: true, code: "unassigned", relationshipId: row.assignment.relationshipId };
  });
}

/**
 * The customer blocks (or unblocks) one of a partner's people for the organization: no token, and
 * introspection answers inactive, from the moment it commits. Only a person of one of its partners.
 */
export async function setPersonBlocked(db: Db, actor: Actor | null, input: { relationshipId: string; userId: string; blocked: boolean }, now = new Date()): Promise<AccessOutcome & { relationshipId?: string }> {
  const by = requireMembership(actor, "access.block");
  if (!isUuid(input.relationshipId)) return NOT_FOUND;
  return db.transaction(async (tx) => {
    const [relationship] = await tx
      .select()
      .from(relationships)
      .where(and(eq(relationships.id, input.relationshipId), eq(relationships.customerOrganizationId, by.membership.organizationId)))
      .for("update");
    if (!relationship) return NOT_FOUND;
    const [person] = await tx
      .select({ userId: memberships.userId, email: users.email, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, relationship.partnerOrganizationId), eq(memberships.userId, input.userId)));
    if (!person) return NOT_FOUND;
    if (input.blocked) {
      const added = await tx.insert(personBlocks).values({ customerOrganizationId: relationship.customerOrganizationId, userId: person.userId, blockedById: by.actor.userId, createdAt: now }).onConflictDoNothing().returning();
      if (added.length === 0) return { ok: true, code: "nothing", relationshipId: relationship.id };
    } else {
      const removed = await tx
        .delete(personBlocks)
        .where(and(eq(personBlocks.customerOrganizationId, relationship.customerOrganizationId), eq(personBlocks.userId, person.userId)))
        .returning();
      if (removed.length === 0) return { ok: true, code: "nothing", relationshipId: relationship.id };
    }
    await recordAudit(tx, {
      actorUserId: by.actor.userId,
      actorLabel: by.actor.email,
      organizationId: relationship.customerOrganizationId,
      counterpartyOrganizationId: relationship.partnerOrganizationId,
      action: input.blocked ? "access.person_blocked" : "access.person_unblocked",
      targetType: "user",
      targetId: person.userId,
      details: { person: person.name ?? person.email, email: person.email, actorName: by.actor.name },
    });
    return { ok: true, code: input.blocked ? "person_blocked" : "person_unblocked", relationshipId: relationship.id };
  });
}

/** The organization's people who can be put in groups, and its groups with their members. */
export async function teamOf(db: DbOrTx, partnerOrganizationId: string) {
  const [people, groups, members] = await Promise.all([
    db
      .select({ membershipId: memberships.id, userId: users.id, name: users.name, email: users.email, roles: memberships.roles, deactivatedAt: memberships.deactivatedAt })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.organizationId, partnerOrganizationId))
      .orderBy(users.email)
      .limit(500),
    db.select().from(securityGroups).where(eq(securityGroups.partnerOrganizationId, partnerOrganizationId)).orderBy(sql`lower(${securityGroups.name})`).limit(200),
    db
      .select({ groupId: securityGroupMembers.groupId, userId: securityGroupMembers.userId })
      .from(securityGroupMembers)
      .innerJoin(securityGroups, eq(securityGroups.id, securityGroupMembers.groupId))
      .where(eq(securityGroups.partnerOrganizationId, partnerOrganizationId)),
  ]);
  return { people, groups: groups.map((g) => ({ ...g, members: members.filter((m) => m.groupId === g.id).map((m) => m.userId) })) };
}

/** A relationship's live assignments, each with its group, members and status against the grants in force. */
export async function assignmentsOf(db: DbOrTx, relationshipId: string, now = new Date()) {
  const [rows, grants] = await Promise.all([
    db
      .select({ assignment: accessAssignments, groupName: securityGroups.name })
      .from(accessAssignments)
      .innerJoin(securityGroups, eq(securityGroups.id, accessAssignments.groupId))
      .where(and(eq(accessAssignments.relationshipId, relationshipId), isNull(accessAssignments.deletedAt)))
      .orderBy(sql`lower(${securityGroups.name})`),
    db.select().from(roleGrants).where(and(eq(roleGrants.relationshipId, relationshipId), isNull(roleGrants.endedAt))),
  ]);
  const granted = grants.filter((g) => isGrantActive(g, now));
  const people = rows.length
    ? await db
        .select({ groupId: securityGroupMembers.groupId, userId: users.id, name: users.name, email: users.email, deactivatedAt: memberships.deactivatedAt })
        .from(securityGroupMembers)
        .innerJoin(users, eq(users.id, securityGroupMembers.userId))
        .innerJoin(memberships, eq(memberships.userId, users.id))
        .innerJoin(securityGroups, and(eq(securityGroups.id, securityGroupMembers.groupId), eq(securityGroups.partnerOrganizationId, memberships.organizationId)))
        .where(inArray(securityGroupMembers.groupId, rows.map((r) => r.assignment.groupId)))
    : [];
  return rows.map(({ assignment, groupName }) => {
    const live = assignment.roles.filter((role) => granted.some((g) => g.roleId === role));
    const until = granted.filter((g) => assignment.roles.includes(g.roleId)).map((g) => g.expiresAt).filter((d): d is Date => d !== null);
    return {
      ...assignment,
      groupName,
      /** active while every role is granted; error once one is not (removed, expired). */
      status: live.length === assignment.roles.length ? ("active" as const) : ("error" as const),
      liveRoles: live,
      until: until.length > 0 ? new Date(Math.min(...until.map((d) => d.getTime()))) : null,
      members: people.filter((p) => p.groupId === assignment.groupId),
    };
  });
}

/**
 * Who at the partner can act in the customer (its details page): each group assigned here, its members
 * with their last token for this customer, the roles and until when; and who the customer blocked.
 */
export async function whoCanAct(db: DbOrTx, relationshipId: string, customerOrganizationId: string, now = new Date()) {
  const [assignments, blocked, lastTokens] = await Promise.all([
    assignmentsOf(db, relationshipId, now),
    db
      .select({ userId: personBlocks.userId, name: users.name, email: users.email, since: personBlocks.createdAt })
      .from(personBlocks)
      .innerJoin(users, eq(users.id, personBlocks.userId))
      .where(eq(personBlocks.customerOrganizationId, customerOrganizationId)),
    db
      .select({ userId: issuedTokens.userId, last: sql<Date>`max(${issuedTokens.issuedAt})`.mapWith((v: string | Date) => new Date(v)) })
      .from(issuedTokens)
      .where(eq(issuedTokens.relationshipId, relationshipId))
      .groupBy(issuedTokens.userId),
  ]);
  const blockedIds = new Set(blocked.map((b) => b.userId));
  return {
    groups: assignments.map((a) => ({
      ...a,
      members: a.members.map((m) => ({ ...m, blocked: blockedIds.has(m.userId), lastActivity: lastTokens.find((t) => t.userId === m.userId)?.last ?? null })),
    })),
    blocked,
  };
}
