import "server-only";
import { and, eq, gt, isNotNull, sql } from "drizzle-orm";
import { queryRows, type Db, type DbOrTx } from "@/db/client";
import { contactRequestRecipients, invitations, memberships, organizationDomains, organizations, users, type Invitation } from "@/db/schema";
import { recordAudit, recordAuditOnBothSides } from "@/lib/audit/service";
import { hasPermission, requireMembership, type Actor, type Authorized } from "@/lib/authz";
import { appUrl } from "@/lib/email/config";
import { sendEmail } from "@/lib/email/send";
import { INVITATION_LIFETIME_DAYS, relationshipTypeInfo } from "@/lib/relationships/types";
import { rolesForTasks, taskNames } from "@/lib/relationships/tasks";
import { getRole, roleName } from "@/lib/roles";
import { takeRateLimit } from "@/lib/security/rate-limit";
import { formatLongDate, formatRetryTime } from "@/lib/format";
import { INVITATION_STATUS_WORDS } from "./status";
import { durationLabel, effectiveStatus, emailDomain, gdapProblems, resendAvailableAt, rolesFor } from "./rules";
import type { InvitationInput } from "./schemas";
import { hashToken, invitationToken, newTokenSalt } from "./tokens";
import { isUuid } from "@/lib/ids";
import { DAY_MS } from "@/lib/time";

const RESEND_LIMIT_PER_DAY = 3;

type InvitationResult =
  | { ok: true; invitationId: string; duplicate: boolean }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; pendingInvitationId?: string };

function refuse(field: string | null, message: string, extra: Partial<Extract<InvitationResult, { ok: false }>> = {}): InvitationResult {
  return { ok: false, message: field ? "Check the highlighted fields and try again." : message, fieldErrors: field ? { [field]: [message] } : undefined, ...extra };
}

/**
 * Where an address leads when an invitation is sent: its user's own customer organization, else
 * the customer organization that verified its domain; never a domain that was only claimed. It is
 * the invitation's record of where it went, and the sender is told nothing of it: who may answer
 * is decided when someone does (invitationAccess, ./rules.ts). `verifiedDomain` says whether the address's domain
 * routes to a customer, which its DNS says publicly anyway.
 */
async function routeAddress(db: DbOrTx, email: string): Promise<{ organizationId: string | null; verifiedDomain: boolean }> {
  const [[member], [verified]] = await Promise.all([
    db
      .select({ organizationId: memberships.organizationId })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(and(sql`lower(${users.email}) = ${email}`, eq(organizations.kind, "customer")))
      .orderBy(organizations.name, organizations.id)
      .limit(1),
    db
      .select({ organizationId: organizationDomains.organizationId })
      .from(organizationDomains)
      .innerJoin(organizations, eq(organizations.id, organizationDomains.organizationId))
      .where(and(sql`lower(${organizationDomains.domain}) = ${emailDomain(email)}`, isNotNull(organizationDomains.verifiedAt), eq(organizations.kind, "customer"))),
  ]);
  return { organizationId: member?.organizationId ?? verified?.organizationId ?? null, verifiedDomain: Boolean(verified) };
}

/** An address of the sender's own organization: one of its members, or at its own or verified domain. */
async function isOwnAddress(db: DbOrTx, partnerId: string, email: string): Promise<boolean> {
  const domain = emailDomain(email);
  const [row] = await queryRows<{ own: boolean }>(db, sql`select (
    exists (select 1 from ${users} u join ${memberships} m on m.user_id = u.id where lower(u.email) = ${email} and m.organization_id = ${partnerId})
    or exists (select 1 from ${organizations} o where o.id = ${partnerId} and lower(o.domain) = ${domain})
    or exists (select 1 from ${organizationDomains} d where d.organization_id = ${partnerId} and lower(d.domain) = ${domain} and d.verified_at is not null)
  ) as own`);
  return Boolean(row?.own);
}

/** This sender's earlier Send of the same form: a key is matched only within the organization and agent that used it. */
function sameSubmission(partnerId: string, userId: string, idempotencyKey: string) {
  return and(eq(invitations.partnerOrganizationId, partnerId), eq(invitations.createdById, userId), eq(invitations.idempotencyKey, idempotencyKey));
}

export function invitationLink(invitation: Pick<Invitation, "tokenSalt">): string {
  return `${appUrl()}/admin/invitations/${invitationToken(invitation.tokenSalt)}`;
}

async function queueInvitationEmail(tx: DbOrTx, invitation: Invitation, reminder: boolean) {
  const [partner] = await tx
    .select({ name: organizations.name, domain: organizations.domain })
    .from(organizations)
    .where(eq(organizations.id, invitation.partnerOrganizationId));
  const type = relationshipTypeInfo(invitation.type);
  await sendEmail(tx, {
    to: invitation.customerEmail,
    template: "invitation",
    props: {
      partnerName: partner?.name ?? "A partner",
      partnerDomain: partner?.domain ?? null,
      typeName: type.name,
      typeDescription: type.description,
      roles: invitation.roles.map((id) => {
        const role = getRole(id);
        return { name: role.name, description: role.description, highlyPrivileged: role.privilege === "high" };
      }),
      duration: invitation.durationDays ? durationLabel(invitation.durationDays) : null,
      autoExtend: invitation.autoExtend,
      message: invitation.message,
      reviewUrl: invitationLink(invitation),
      expiresOn: formatLongDate(invitation.expiresAt),
      reminder,
    },
  });
}

/** Send invitation: checks who may ask for what, then writes the invitation, its email and audit event together. */
export async function createInvitation(db: Db, actor: Actor | null, input: InvitationInput, now = new Date()): Promise<InvitationResult> {
  const by = requireMembership(actor, "invitations.send");
  const partnerId = by.membership.organizationId;
  const type = relationshipTypeInfo(input.type);
  if (type.requiresAdminAgent && !hasPermission(actor, "invitations.send_admin_roles", partnerId)) {
    return refuse("type", `Only an admin agent can ask for admin roles (${type.name}). Ask an admin agent of your organization to send it.`);
  }

  // The tasks the partner states; with no role ticked, the advisor's least-privileged roles for them are asked for.
  const tasks = type.choosesRoles ? [...new Set(input.tasks)] : [];
  const roles = rolesFor(input.type, input.roles.length === 0 && tasks.length > 0 ? rolesForTasks(tasks) : input.roles);
  const durationDays = type.choosesRoles ? input.durationDays : null;
  const autoExtend = type.choosesRoles ? input.autoExtend : false;
  if (type.choosesRoles) {
    const problems = gdapProblems(roles, durationDays, autoExtend);
    if (problems.length > 0) {
      return { ok: false, message: "Check the highlighted fields and try again.", fieldErrors: Object.fromEntries(problems.map((p) => [p.field, [p.message]])) };
    }
  }

  const [earlier] = await db.select({ id: invitations.id }).from(invitations).where(sameSubmission(partnerId, by.actor.userId, input.idempotencyKey));
  if (earlier) return { ok: true, invitationId: earlier.id, duplicate: true };

  // Refusing the sender's own addresses tells them nothing they don't know. Anything said about
  // anyone else's address (whose it is, what roles they hold) would tell a partner who is an
  // administrator where: whether the addressee may accept is decided when they answer.
  if (await isOwnAddress(db, partnerId, input.customerEmail)) {
    return refuse("customerEmail", "That address belongs to your own organization. Invite a customer's administrator.");
  }
  const route = await routeAddress(db, input.customerEmail);
  const domain = emailDomain(input.customerEmail);

  return db.transaction(async (tx) => {
    // One pending invitation per partner, type and addressee: the same address, or another at the
    // same verified domain (both lead to the customer that verified it, as DNS tells anyone). Never
    // "another address of the same organization", nor anything that depends on whether the address
    // has an account: that would say who belongs where. The lock makes concurrent sends queue.
    const addresseeKey = route.verifiedDomain ? `domain:${domain}` : `email:${input.customerEmail}`;
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`invitation:${partnerId}:${addresseeKey}:${input.type}`}))`);
    const [again] = await tx.select({ id: invitations.id }).from(invitations).where(sameSubmission(partnerId, by.actor.userId, input.idempotencyKey));
    if (again) return { ok: true as const, invitationId: again.id, duplicate: true };
    const [pending] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(
        and(
          eq(invitations.partnerOrganizationId, partnerId),
          eq(invitations.type, input.type),
          eq(invitations.status, "pending"),
          gt(invitations.expiresAt, now),
          route.verifiedDomain
            ? sql`lower(split_part(${invitations.customerEmail}, '@', 2)) = ${domain}`
            : sql`lower(${invitations.customerEmail}) = ${input.customerEmail}`,
        ),
      );
    if (pending) {
      return refuse("type", `You already have a pending ${type.name} invitation for this customer.`, { pendingInvitationId: pending.id });
    }

    // Linked only to a contact request this partner received; any other id is dropped, like a malformed one.
    const [recipient] = input.contactRecipientId
      ? await tx
          .select({ id: contactRequestRecipients.id })
          .from(contactRequestRecipients)
          .where(and(eq(contactRequestRecipients.id, input.contactRecipientId), eq(contactRequestRecipients.partnerOrganizationId, partnerId)))
      : [];

    const tokenSalt = newTokenSalt();
    const [invitation] = await tx
      .insert(invitations)
      .values({
        partnerOrganizationId: partnerId,
        customerEmail: input.customerEmail,
        customerOrganizationId: route.organizationId,
        contactRecipientId: recipient?.id ?? null,
        type: input.type,
        roles,
        tasks,
        durationDays,
        autoExtend,
        message: input.message,
        tokenSalt,
        tokenHash: hashToken(invitationToken(tokenSalt)),
        idempotencyKey: input.idempotencyKey,
        expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_DAYS * DAY_MS),
        lastSentAt: now,
        createdById: by.actor.userId,
        createdAt: now,
      })
      .returning();
    await queueInvitationEmail(tx, invitation!, false);
    await recordAudit(tx, {
      actorUserId: by.actor.userId,
      actorLabel: by.actor.email,
      organizationId: partnerId,
      counterpartyOrganizationId: route.organizationId,
      action: "invitation.sent",
      targetType: "invitation",
      targetId: invitation!.id,
      details: { type: input.type, roles: roles.map(roleName), tasks: taskNames(tasks), durationDays, autoExtend, to: input.customerEmail },
    });
    return { ok: true as const, invitationId: invitation!.id, duplicate: false };
  });
}

/** One of the partner's own invitations, locked for a change; another partner's is reported like one that does not exist. */
async function lockPartnerInvitation(tx: DbOrTx, by: Authorized, invitationId: string) {
  if (!isUuid(invitationId)) return undefined;
  const [invitation] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.partnerOrganizationId, by.membership.organizationId)))
    .for("update");
  return invitation;
}

type ManageResult =
  | { ok: true; code: "resent" | "cancelled"; message: string }
  | { ok: false; code: "not_found" | "not_pending" | "rate_limited"; message: string }
  /** Sent less than a minute ago: Resend works again at `retryAt`. */
  | { ok: false; code: "cooldown"; message: string; retryAt: Date };

/** Resend: the same link in a new email, at most once a minute and three times a day. */
export async function resendInvitation(db: Db, actor: Actor | null, invitationId: string, now = new Date()): Promise<ManageResult> {
  const by = requireMembership(actor, "invitations.manage");
  return db.transaction(async (tx) => {
    const invitation = await lockPartnerInvitation(tx, by, invitationId);
    if (!invitation) return { ok: false, code: "not_found", message: "That invitation was not found." };
    const status = effectiveStatus(invitation, now);
    if (status !== "pending") return { ok: false, code: "not_pending", message: `This invitation is ${INVITATION_STATUS_WORDS[status]}; only pending invitations can be resent.` };
    const retryAt = resendAvailableAt(invitation);
    if (retryAt.getTime() > now.getTime()) {
      return { ok: false, code: "cooldown", message: `This invitation was just sent. You can resend it at ${formatRetryTime(retryAt)}.`, retryAt };
    }
    const limited = await takeRateLimit(tx, [{ bucket: "invitation:resend", key: invitation.id, limit: RESEND_LIMIT_PER_DAY, windowMs: DAY_MS }], now);
    if (!limited.ok) {
      return { ok: false, code: "rate_limited", message: `This invitation was already resent ${RESEND_LIMIT_PER_DAY} times today. Try again tomorrow.` };
    }
    await tx.update(invitations).set({ sentCount: invitation.sentCount + 1, lastSentAt: now }).where(eq(invitations.id, invitation.id));
    await queueInvitationEmail(tx, invitation, true);
    await recordAudit(tx, {
      actorUserId: by.actor.userId,
      actorLabel: by.actor.email,
      organizationId: invitation.partnerOrganizationId,
      counterpartyOrganizationId: invitation.customerOrganizationId,
      action: "invitation.resent",
      targetType: "invitation",
      targetId: invitation.id,
      details: { type: invitation.type, to: invitation.customerEmail, sentCount: invitation.sentCount + 1 },
    });
    return { ok: true, code: "resent", message: `Sent again to ${invitation.customerEmail}.` };
  });
}

/** Cancel: the link stops working at once. Cancelling twice is not an error. */
export async function cancelInvitation(db: Db, actor: Actor | null, invitationId: string, now = new Date()): Promise<ManageResult> {
  const by = requireMembership(actor, "invitations.manage");
  return db.transaction(async (tx) => {
    const invitation = await lockPartnerInvitation(tx, by, invitationId);
    if (!invitation) return { ok: false, code: "not_found", message: "That invitation was not found." };
    if (invitation.status === "cancelled") return { ok: true, code: "cancelled", message: "The invitation is canceled." };
    const status = effectiveStatus(invitation, now);
    if (status !== "pending") return { ok: false, code: "not_pending", message: `This invitation is ${INVITATION_STATUS_WORDS[status]} and can no longer be canceled.` };
    await tx.update(invitations).set({ status: "cancelled", respondedAt: now, respondedById: by.actor.userId }).where(eq(invitations.id, invitation.id));
    const event = {
      actorUserId: by.actor.userId,
      actorLabel: by.actor.email,
      action: "invitation.cancelled",
      targetType: "invitation",
      targetId: invitation.id,
      details: { type: invitation.type, to: invitation.customerEmail, actorName: by.actor.name },
    };
    // The organization the address led to sees it too: the invitation it may have been waiting for is gone.
    await recordAuditOnBothSides(tx, [invitation.partnerOrganizationId, invitation.customerOrganizationId], event);
    return { ok: true, code: "cancelled", message: "The invitation is canceled; its link no longer works." };
  });
}

/** Records expiries for pending invitations past their date (pages already show them as expired). */
export async function expireInvitations(db: Db, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const expired = await tx
      .update(invitations)
      .set({ status: "expired" })
      .where(and(eq(invitations.status, "pending"), sql`${invitations.expiresAt} <= ${now}`))
      .returning({ id: invitations.id, partner: invitations.partnerOrganizationId, customer: invitations.customerOrganizationId, type: invitations.type });
    for (const row of expired) {
      await recordAudit(tx, {
        actorUserId: null,
        actorLabel: "System",
        organizationId: row.partner,
        counterpartyOrganizationId: row.customer,
        action: "invitation.expired",
        targetType: "invitation",
        targetId: row.id,
        details: { type: row.type },
      });
    }
    return expired.length;
  });
}
