import "server-only";
import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { agreementAcceptances, agreements, invitationAcceptances, invitations, memberships, organizationDomains, organizations, partnerProfiles, users } from "@/db/schema";
import { currentAcceptance } from "@/lib/agreements/queries";
import { hasPermission, type Actor, type ActorMembership } from "@/lib/authz";
import { relationshipTypeInfo } from "@/lib/relationships/types";
import type { AddresseeOrganization } from "./queries";
import { effectiveStatus } from "./rules";
import { hashToken, isWellFormedToken } from "./tokens";

interface AddresseeRow extends AddresseeOrganization {
  /** When the organization accepted the agreement in force (null: not yet). */
  agreementAcceptedAt: string | null;
}

/** The agreement version in force: the newest one already published (as currentAgreement). */
function currentAgreementId(now: Date) {
  return sql`(select a.id from ${agreements} a where a.published_at <= ${now} order by a.published_at desc limit 1)`;
}

/**
 * The customer organizations the invitation's address belongs to right now, by the rule of
 * addresseeOrganizations (lib/invitations/queries.ts): those its user is a member of, and the one
 * that verified its domain; with each one's acceptance of the agreement in force.
 */
function addressee(now: Date) {
  return sql<AddresseeRow[]>`(
    select coalesce(json_agg(json_build_object('id', a.id, 'name', a.name, 'agreementAcceptedAt', aa.accepted_at)), '[]'::json)
    from (
      select o.id, o.name
        from ${users} u join ${memberships} m on m.user_id = u.id join ${organizations} o on o.id = m.organization_id
        where lower(u.email) = lower(${invitations.customerEmail}) and o.kind = 'customer'
      union
      select o.id, o.name
        from ${organizationDomains} d join ${organizations} o on o.id = d.organization_id
        where lower(d.domain) = lower(regexp_replace(${invitations.customerEmail}, '^.*@', '')) and d.verified_at is not null and o.kind = 'customer'
    ) a
    left join ${agreementAcceptances} aa on aa.organization_id = a.id and aa.agreement_id = ${currentAgreementId(now)}
  )`;
}

/** The sender as loadActor reads them, narrowed to the partner organization the invitation is from. */
const sender = sql<{ email: string | null; memberships: ActorMembership[] } | null>`(
  select json_build_object('email', su.email, 'memberships', coalesce((
    select json_agg(json_build_object('organizationId', m.organization_id, 'organizationName', o.name, 'kind', o.kind, 'roles', m.roles))
    from ${memberships} m join ${organizations} o on o.id = m.organization_id
    where m.user_id = su.id and m.organization_id = ${invitations.partnerOrganizationId}
  ), '[]'::json))
  from ${users} su where su.id = ${invitations.createdById}
)`;

const acceptor = alias(users, "acceptor");

/**
 * What the invitation review page (/admin/invitations/<token>) shows, in one query by the token's
 * hash (unique index): the invitation and its partner, its acceptance, the organizations its
 * address belongs to now (for invitationAccess) with their acceptance of the agreement in force,
 * and whether its sender may still ask for what it asks (senderMayStillAsk). Four to six queries
 * before (findInvitationByToken, senderMayStillAsk, currentAcceptance). Malformed tokens never
 * reach the database.
 */
export async function invitationForReview(db: DbOrTx, token: string, now = new Date()) {
  if (!isWellFormedToken(token)) return undefined;
  const [row] = await db
    .select({
      invitation: invitations,
      partnerName: organizations.name,
      partnerDomain: organizations.domain,
      partnerSlug: partnerProfiles.slug,
      partnerLocations: partnerProfiles.locations,
      acceptedAt: invitationAcceptances.acceptedAt,
      acceptedBy: acceptor.name,
      acceptedByEmail: acceptor.email,
      addressee: addressee(now),
      sender,
      agreementVersion: sql<string | null>`(select a.version from ${agreements} a where a.id = ${currentAgreementId(now)})`,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.partnerOrganizationId))
    .leftJoin(partnerProfiles, eq(partnerProfiles.organizationId, invitations.partnerOrganizationId))
    .leftJoin(invitationAcceptances, eq(invitationAcceptances.invitationId, invitations.id))
    .leftJoin(acceptor, eq(acceptor.id, invitationAcceptances.acceptedById))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) return undefined;
  const { invitation } = row;
  const organizationsOf = [...row.addressee].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const senderActor: Actor | null = row.sender?.email ? { userId: invitation.createdById, email: row.sender.email, name: null, memberships: row.sender.memberships } : null;
  return {
    invitation,
    status: effectiveStatus(invitation, now),
    partnerName: row.partnerName,
    partnerDomain: row.partnerDomain,
    partnerSlug: row.partnerSlug,
    partnerLocations: row.partnerLocations,
    acceptance: row.acceptedAt ? { acceptedAt: row.acceptedAt, acceptedBy: row.acceptedBy, acceptedByEmail: row.acceptedByEmail } : undefined,
    addressee: organizationsOf.map(({ id, name }): AddresseeOrganization => ({ id, name })),
    /** senderMayStillAsk, lib/invitations/acceptance.ts: an admin agent of the partner now, for the types that need one. */
    senderMayStillAsk: !relationshipTypeInfo(invitation.type).requiresAdminAgent || hasPermission(senderActor, "invitations.send_admin_roles", invitation.partnerOrganizationId),
    /** The organization's acceptance of the agreement in force, as currentAcceptance answers it. */
    async agreementOf(organizationId: string) {
      const known = organizationsOf.find((o) => o.id === organizationId);
      if (!known) return currentAcceptance(db, organizationId, now);
      const agreement = row.agreementVersion === null ? undefined : { version: row.agreementVersion };
      return { agreement, acceptance: agreement && known.agreementAcceptedAt ? { acceptedAt: new Date(known.agreementAcceptedAt) } : undefined };
    },
  };
}
