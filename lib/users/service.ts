import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/service";
import { forgetUserSessions } from "@/lib/auth/session";
import { requireMembership, type Actor, type Authorized } from "@/lib/authz";
import { appUrl } from "@/lib/email/config";
import { sendEmail } from "@/lib/email/send";
import { isUuid } from "@/lib/ids";
import { isMemberRole, memberRoleName } from "@/lib/roles";

/*
 * The Users page: a Global administrator invites colleagues into the organization's admin center and
 * gives or takes their admin roles. The organization always keeps a Global administrator: every change
 * locks the organization's memberships first, so two administrators demoting each other at once leave
 * one of them.
 */

export type UsersOutcome = { ok: true; code: string; userId: string } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

export const LAST_GLOBAL_ADMIN = "The organization's last Global administrator keeps the role: make someone else Global administrator first.";

function cleanRoles(roles: readonly string[]): string[] | undefined {
  const unique = [...new Set(roles)];
  return unique.every(isMemberRole) ? unique : undefined;
}

/** Locks every membership of the organization (in a fixed order), so that role changes happen one after the other. */
async function lockMembers(tx: DbOrTx, organizationId: string) {
  return tx.select().from(memberships).where(eq(memberships.organizationId, organizationId)).orderBy(memberships.id).for("update");
}

async function organizationName(tx: DbOrTx, organizationId: string): Promise<string> {
  const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, organizationId));
  return org?.name ?? "";
}

/** Invite a colleague by email: a member of the organization with the roles chosen, told by email. Again for a member: refused on the field. */
export async function inviteMember(db: Db, actor: Actor | null, input: { email: string; name?: string | null; roles: readonly string[] }, now = new Date()): Promise<UsersOutcome> {
  const by = requireMembership(actor, "users.manage");
  const roles = cleanRoles(input.roles);
  if (!roles) return { ok: false, code: "invalid", message: "Check the roles.", fieldErrors: { roles: ["Choose roles from the list."] } };
  return db.transaction(async (tx): Promise<UsersOutcome> => {
    const organizationId = by.membership.organizationId;
    await lockMembers(tx, organizationId);
    const email = input.email.toLowerCase();
    await tx.insert(users).values({ email, name: input.name || null, createdAt: now }).onConflictDoNothing();
    const [user] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email}`);
    const [existing] = await tx.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.userId, user!.id), eq(memberships.organizationId, organizationId)));
    if (existing) return { ok: false, code: "member", message: "Check the email address.", fieldErrors: { email: [`${email} is already a member. Change their roles in the list instead.`] } };
    await tx.insert(memberships).values({ userId: user!.id, organizationId, roles, createdAt: now });
    await audit(tx, by, "member.added", user!.id, { email, roles: roles.map(memberRoleName) });
    await sendEmail(tx, {
      to: email,
      template: "member-added",
      props: { organizationName: await organizationName(tx, organizationId), addedBy: by.actor.name ?? by.actor.email, roles: roles.map(memberRoleName), url: `${appUrl()}/signin` },
    });
    return { ok: true, code: "invited", userId: user!.id };
  }).then((result) => {
    if (result.ok) forgetUserSessions(result.userId);
    return result;
  });
}

/** A member's admin roles, set as a whole (the Users page's checkboxes); the last Global administrator keeps theirs. */
export async function setMemberRoles(db: Db, actor: Actor | null, input: { membershipId: string; roles: readonly string[] }): Promise<UsersOutcome> {
  const by = requireMembership(actor, "users.manage");
  const roles = cleanRoles(input.roles);
  if (!roles) return { ok: false, code: "invalid", message: "Check the roles.", fieldErrors: { roles: ["Choose roles from the list."] } };
  if (!isUuid(input.membershipId)) return { ok: false, code: "not_found", message: "That member was not found." };
  return db.transaction(async (tx): Promise<UsersOutcome> => {
    const members = await lockMembers(tx, by.membership.organizationId);
    const member = members.find((m) => m.id === input.membershipId);
    if (!member) return { ok: false, code: "not_found", message: "That member was not found." };
    const before = [...member.roles].sort();
    if (before.join() === [...roles].sort().join()) return { ok: true, code: "nothing", userId: member.userId };
    const globalAdminsAfter = members.filter((m) => (m.id === member.id ? roles : m.roles).includes("global_admin"));
    if (globalAdminsAfter.length === 0) return { ok: false, code: "last_global_admin", message: LAST_GLOBAL_ADMIN, fieldErrors: { roles: [LAST_GLOBAL_ADMIN] } };
    await tx.update(memberships).set({ roles }).where(eq(memberships.id, member.id));
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, member.userId));
    await audit(tx, by, "member.roles_changed", member.userId, {
      email: user?.email,
      added: roles.filter((r) => !before.includes(r)).map(memberRoleName),
      removed: before.filter((r) => !roles.includes(r)).map(memberRoleName),
    });
    return { ok: true, code: "roles_saved", userId: member.userId };
  }).then((result) => {
    // The person's next request reads their new roles (a cached session would keep the old ones).
    if (result.ok) forgetUserSessions(result.userId);
    return result;
  });
}

async function audit(tx: DbOrTx, by: Authorized, action: string, userId: string, details: Record<string, unknown>) {
  await recordAudit(tx, { actorUserId: by.actor.userId, actorLabel: by.actor.email, organizationId: by.membership.organizationId, action, targetType: "user", targetId: userId, details });
}
