import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import {
  invitationAcceptances,
  invitations,
  memberships,
  organizationDomains,
  organizations,
  relationshipTypes,
  relationships,
  roleGrants,
  users,
  type Invitation,
} from "@/db/schema";
import { ACKNOWLEDGE_MESSAGE, recordAgreementAcceptance } from "@/lib/agreements/service";
import { recordAudit, recordAuditOnBothSides } from "@/lib/audit/service";
import { forgetUserSessions } from "@/lib/auth/session";
import { AuthorizationError, hasPermission, loadActor, type Actor } from "@/lib/authz";
import { newVerificationToken } from "@/lib/domains/dns";
import { appUrl } from "@/lib/email/config";
import { sendEmail } from "@/lib/email/send";
import { formatDate } from "@/lib/format";
import { globalAdminEmails } from "@/lib/organizations/queries";
import { relationshipTypeInfo } from "@/lib/relationships/types";
import { recordGdapVersion } from "@/lib/relationships/changes";
import { decideGrant, describeChanges, type Decision } from "@/lib/relationships/decision";
import { getRole, isRoleId, roleName, roleNamesByPrivilege } from "@/lib/roles";
import { effectiveStatus, invitationAccess, type InvitationAccess } from "./rules";
import { addresseeOrganizations } from "./queries";
import { hashToken, isWellFormedToken } from "./tokens";
import { DAY_MS } from "@/lib/time";


type AcceptResult =
  | { ok: true; relationshipId: string; alreadyAccepted: boolean }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };


const STATUS_MESSAGES = {
  cancelled: "This invitation was canceled by the partner. Ask them to send a new one.",
  expired: "This invitation has expired. Ask the partner to send a new one.",
  declined: "This invitation was canceled by your organization. Ask the partner to send a new one.",
} as const;

export const SENDER_MAY_NOT_ASK = "The partner agent who sent this invitation can no longer ask for admin roles, so it can't be accepted. Ask the partner to send a new one.";

/**
 * Admin roles are granted only on the request of someone who may ask for them at the moment of
 * acceptance: an admin agent then, not a sales agent (an invitation sent before that rule) nor an
 * agent since demoted or removed.
 */
export async function senderMayStillAsk(db: DbOrTx, invitation: Pick<Invitation, "type" | "createdById" | "partnerOrganizationId">): Promise<boolean> {
  if (!relationshipTypeInfo(invitation.type).requiresAdminAgent) return true;
  return hasPermission(await loadActor(db, invitation.createdById), "invitations.send_admin_roles", invitation.partnerOrganizationId);
}

async function lockByToken(tx: DbOrTx, token: string): Promise<Invitation | undefined> {
  if (!isWellFormedToken(token)) return undefined;
  const [invitation] = await tx.select().from(invitations).where(eq(invitations.tokenHash, hashToken(token))).for("update");
  return invitation;
}

function refuseFor(actor: Actor | null): never {
  throw new AuthorizationError(actor ? "forbidden" : "unauthenticated");
}

/** What the actor may do with the invitation, from who its addressee is as of this transaction. */
async function accessIn(tx: DbOrTx, actor: Actor, invitation: Invitation): Promise<InvitationAccess> {
  return invitationAccess(actor, invitation, await addresseeOrganizations(tx, invitation.customerEmail));
}

/**
 * The addressee's new organization, with them as Global administrator. Its domain is only claimed
 * (unverified): it routes nobody else's invitations to it until the organization proves it in DNS,
 * so another new customer of the same domain gets an organization of their own.
 */
async function createCustomerOrganization(tx: DbOrTx, actor: Actor, invitation: Invitation, access: Extract<InvitationAccess, { kind: "creates-organization" }>, now: Date) {
  const [created] = await tx
    .insert(organizations)
    .values({ kind: "customer", name: access.organizationName, createdAt: now })
    .returning({ id: organizations.id, name: organizations.name });
  await tx.insert(memberships).values({ userId: actor.userId, organizationId: created!.id, roles: ["global_admin"], createdAt: now });
  await tx.insert(organizationDomains).values({ organizationId: created!.id, domain: access.domain, verificationToken: newVerificationToken(), createdAt: now });
  await recordAudit(tx, {
    actorUserId: actor.userId,
    actorLabel: actor.email,
    organizationId: created!.id,
    action: "organization.created",
    targetType: "organization",
    targetId: created!.id,
    details: { from: "invitation", invitationId: invitation.id, domain: access.domain },
  });
  return created!;
}

/**
 * Accept & Authorize, in one transaction: the agreement (unless already accepted), the
 * relationship and its type, the role grants, the invitation's acceptance, audit events and
 * emails. The invitation row is locked first and its acceptance is unique, so simultaneous
 * clicks produce exactly one of each.
 */
export async function acceptInvitation(
  db: Db,
  actor: Actor | null,
  token: string,
  input: { acknowledged: boolean; eligible?: readonly string[]; activationApproval?: boolean } & Decision,
  now = new Date(),
): Promise<AcceptResult> {
  if (!actor) refuseFor(actor);
  const signedIn: Actor = actor;
  // Accepting may make them a member of a new organization: once committed, their next request sees it.
  return db.transaction<AcceptResult>(async (tx) => {
    // Re-read when accepting creates an organization: decided on who they are at this moment.
    let answerer = signedIn;
    const invitation = await lockByToken(tx, token);
    if (!invitation) return { ok: false, message: "This invitation link doesn't work. Ask the partner to resend it." };
    let access = await accessIn(tx, answerer, invitation);
    const status = effectiveStatus(invitation, now);
    if (status === "accepted") {
      if (access.kind !== "allowed") refuseFor(actor);
      const [rel] = await tx
        .select({ id: relationships.id })
        .from(relationships)
        .where(and(eq(relationships.customerOrganizationId, invitation.customerOrganizationId!), eq(relationships.partnerOrganizationId, invitation.partnerOrganizationId)));
      return { ok: true, relationshipId: rel!.id, alreadyAccepted: true };
    }
    if (status !== "pending") {
      if (access.kind === "not-for-you") refuseFor(actor);
      return { ok: false, message: STATUS_MESSAGES[status] };
    }
    if (access.kind === "not-for-you" || access.kind === "needs-role") refuseFor(actor);
    if (!(await senderMayStillAsk(tx, invitation))) return { ok: false, message: SENDER_MAY_NOT_ASK };
    // What is granted: the request, or the less of it the customer chose. Refused whole, with every field's message.
    const type = relationshipTypeInfo(invitation.type);
    const requested = {
      roles: invitation.roles.filter(isRoleId),
      endsAt: invitation.durationDays ? new Date(now.getTime() + invitation.durationDays * DAY_MS) : null,
      autoExtend: invitation.autoExtend,
    };
    // Only a type whose roles are chosen (GDAP) can be granted in part; the others carry their roles whole.
    const decided = decideGrant(requested, type.choosesRoles ? input : { endsOn: input.endsOn, autoExtend: input.autoExtend }, now);
    const problems: Record<string, string[]> = decided.ok ? {} : { ...decided.fieldErrors };
    if (!input.acknowledged) problems.acknowledge = [ACKNOWLEDGE_MESSAGE];
    if (!decided.ok || !input.acknowledged) {
      const message = !decided.ok ? "Check what you grant and try again." : ACKNOWLEDGE_MESSAGE;
      return { ok: false, message, fieldErrors: problems };
    }
    const granted = decided.granted;

    if (access.kind === "creates-organization") {
      // One new person accepting two invitations at once gets one organization: the second waits
      // here, then finds the organization the first created and answers for it.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`new-organization:${answerer.userId}`}))`);
      answerer = (await loadActor(tx, answerer.userId)) ?? refuseFor(null);
      access = await accessIn(tx, answerer, invitation);
      if (access.kind === "not-for-you" || access.kind === "needs-role") refuseFor(answerer);
    }
    const customer =
      access.kind === "allowed" ? { id: access.organizationId, name: access.organizationName } : await createCustomerOrganization(tx, answerer, invitation, access, now);
    const partnerId = invitation.partnerOrganizationId;
    const { endsAt, autoExtend } = granted;
    // Just-in-time: the granted roles the customer made eligible (GDAP only), held only while activated.
    const eligible = new Set(type.choosesRoles ? (input.eligible ?? []).filter((role) => granted.roles.includes(role as (typeof granted.roles)[number])) : []);
    const activationApproval = eligible.size > 0 && input.activationApproval === true;

    const agreementAccepted = await recordAgreementAcceptance(tx, answerer, customer.id, invitation.id, now);
    await tx.insert(relationships).values({ customerOrganizationId: customer.id, partnerOrganizationId: partnerId, createdAt: now }).onConflictDoNothing();
    const [relationship] = await tx
      .select({ id: relationships.id })
      .from(relationships)
      .where(and(eq(relationships.customerOrganizationId, customer.id), eq(relationships.partnerOrganizationId, partnerId)));
    const relationshipId = relationship!.id;

    // A type ended earlier (say, a terminated GDAP relationship) is established again.
    await tx
      .insert(relationshipTypes)
      .values({ relationshipId, type: invitation.type, establishedAt: now, establishedById: answerer.userId, invitationId: invitation.id, endsAt, autoExtend, activationApproval })
      .onConflictDoUpdate({
        target: [relationshipTypes.relationshipId, relationshipTypes.type],
        set: { establishedAt: now, establishedById: answerer.userId, invitationId: invitation.id, endsAt, autoExtend, activationApproval, terminatedAt: null, terminatedById: null },
      });

    const newlyGranted: string[] = [];
    for (const roleId of granted.roles) {
      const [grant] = await tx
        .insert(roleGrants)
        .values({ relationshipId, roleId, viaType: invitation.type, invitationId: invitation.id, grantedAt: now, grantedById: answerer.userId, expiresAt: endsAt, autoExtend, eligible: eligible.has(roleId) })
        .onConflictDoNothing()
        .returning({ id: roleGrants.id });
      if (grant) newlyGranted.push(roleId);
    }

    if (invitation.type === "gdap") {
      await recordGdapVersion(tx, relationshipId, granted.changes ? "approved_with_changes" : "accepted", { userId: answerer.userId }, now);
    }
    await tx.insert(invitationAcceptances).values({
      invitationId: invitation.id,
      acceptedById: answerer.userId,
      invitedEmail: invitation.customerEmail,
      organizationId: customer.id,
      acceptedAt: now,
      grantedRoles: granted.roles,
      endsAt,
      autoExtend,
      changes: granted.changes,
    });
    await tx
      .update(invitations)
      .set({ status: "accepted", respondedAt: now, respondedById: answerer.userId, customerOrganizationId: customer.id })
      .where(eq(invitations.id, invitation.id));

    const [partner] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, partnerId));
    const [creator] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, invitation.createdById));
    // The customer's timeline shows the request, as it was made, before its answer (the partner's has it since it was sent).
    await recordAudit(tx, {
      actorUserId: invitation.createdById,
      actorLabel: creator?.email ?? "Partner",
      organizationId: customer.id,
      counterpartyOrganizationId: partnerId,
      occurredAt: invitation.createdAt,
      action: "invitation.requested",
      targetType: "invitation",
      targetId: invitation.id,
      details: { type: invitation.type, roles: roleNamesByPrivilege(invitation.roles), durationDays: invitation.durationDays, autoExtend: invitation.autoExtend },
    });
    const common = { actorUserId: answerer.userId, actorLabel: answerer.email, targetType: "invitation", targetId: invitation.id };
    const details = {
      type: invitation.type,
      roles: roleNamesByPrivilege(granted.roles),
      endsAt: endsAt?.toISOString() ?? null,
      autoExtend,
      invitedEmail: invitation.customerEmail,
      ...(eligible.size > 0 ? { eligible: roleNamesByPrivilege([...eligible]), activationApproval } : {}),
      ...(granted.changes ? { changes: describeChanges(granted.changes, roleName), requestedRoles: roleNamesByPrivilege(invitation.roles) } : {}),
    };
    await recordAuditOnBothSides(tx, [customer.id, partnerId], { ...common, action: granted.changes ? "invitation.approved_with_changes" : "invitation.accepted", details });
    if (newlyGranted.length > 0) {
      await recordAudit(tx, {
        ...common,
        targetType: "relationship",
        targetId: relationshipId,
        organizationId: customer.id,
        counterpartyOrganizationId: partnerId,
        action: "roles.granted",
        details: { roles: newlyGranted.map(roleName), type: invitation.type, endsAt: endsAt?.toISOString() ?? null },
      });
    }

    const actorName = answerer.name ?? answerer.email;
    const endsOn = endsAt ? formatDate(endsAt) : null;
    if (creator?.email) {
      await sendEmail(tx, {
        to: creator.email,
        template: "invitation-answered",
        props: {
          outcome: "accepted",
          customerName: customer.name,
          answeredBy: actorName,
          typeName: type.name,
          roles: roleNamesByPrivilege(granted.roles),
          endsOn,
          reason: null,
          agreementAccepted,
          changes: granted.changes ? describeChanges(granted.changes, roleName) : [],
          url: `${appUrl()}/partner/customers`,
        },
      });
    }
    for (const email of await globalAdminEmails(tx, customer.id)) {
      await sendEmail(tx, {
        to: email,
        template: "partner-authorized",
        props: {
          partnerName: partner?.name ?? "A partner",
          organizationName: customer.name,
          authorizedBy: actorName,
          typeName: type.name,
          roles: granted.roles.map((id) => ({ name: getRole(id).name, highlyPrivileged: getRole(id).privilege === "high" })),
          endsOn,
          url: `${appUrl()}/admin/settings/partner-relationships/${relationshipId}`,
        },
      });
    }
    return { ok: true, relationshipId, alreadyAccepted: false };
  }).finally(() => forgetUserSessions(signedIn.userId));
}

/**
 * Cancel invitation (the customer's side; stored as status "declined", shown everywhere as
 * "Canceled by customer"): with an optional reason; nothing is granted; logged on both sides and
 * the partner is told.
 */
export async function declineInvitation(db: Db, actor: Actor | null, token: string, reason: string | null, now = new Date()): Promise<{ ok: boolean; message: string }> {
  if (!actor) refuseFor(actor);
  return db.transaction(async (tx) => {
    const invitation = await lockByToken(tx, token);
    if (!invitation) return { ok: false, message: "This invitation link doesn't work." };
    const access = await accessIn(tx, actor, invitation);
    if (access.kind !== "allowed" && access.kind !== "creates-organization") refuseFor(actor);
    const status = effectiveStatus(invitation, now);
    if (status === "declined") return { ok: true, message: "The invitation was canceled." };
    if (status !== "pending") return { ok: false, message: status === "accepted" ? "This invitation was already accepted." : STATUS_MESSAGES[status] };
    await tx
      .update(invitations)
      .set({ status: "declined", respondedAt: now, respondedById: actor.userId, declineReason: reason })
      .where(eq(invitations.id, invitation.id));
    const customerId = access.kind === "allowed" ? access.organizationId : null;
    const common = {
      actorUserId: actor.userId,
      actorLabel: actor.email,
      action: "invitation.declined",
      targetType: "invitation",
      targetId: invitation.id,
      details: { reason, type: invitation.type, roles: invitation.roles.map(roleName), actorName: actor.name },
    };
    await recordAuditOnBothSides(tx, [invitation.partnerOrganizationId, customerId], common);
    const [creator] = await tx.select({ email: users.email }).from(users).where(eq(users.id, invitation.createdById));
    if (creator?.email) {
      await sendEmail(tx, {
        to: creator.email,
        template: "invitation-answered",
        props: {
          outcome: "declined",
          customerName: access.organizationName,
          answeredBy: actor.name ?? actor.email,
          typeName: relationshipTypeInfo(invitation.type).name,
          roles: [],
          endsOn: null,
          reason,
          agreementAccepted: false,
          url: `${appUrl()}/partner/invitations/${invitation.id}`,
        },
      });
    }
    return { ok: true, message: "The invitation was canceled. Nothing was granted." };
  });
}
