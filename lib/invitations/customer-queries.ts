import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invitationAcceptances, invitations, organizations, partnerProfiles, users } from "@/db/schema";
import { addresseeOrganizations } from "./addressee";
import { effectiveStatus } from "./rules";
import { hashToken, isWellFormedToken } from "./tokens";

/**
 * An invitation by its emailed token, compared by hash; malformed tokens never reach the database.
 * With the organizations its addressee belongs to now, for invitationAccess.
 */
export async function findInvitationByToken(db: DbOrTx, token: string, now = new Date()) {
  if (!isWellFormedToken(token)) return undefined;
  const [row] = await db
    .select({
      invitation: invitations,
      partnerName: organizations.name,
      partnerDomain: organizations.domain,
      partnerSlug: partnerProfiles.slug,
      partnerLocations: partnerProfiles.locations,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.partnerOrganizationId))
    .leftJoin(partnerProfiles, eq(partnerProfiles.organizationId, invitations.partnerOrganizationId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) return undefined;
  const [[acceptance], addressee] = await Promise.all([
    db
      .select({ acceptedAt: invitationAcceptances.acceptedAt, acceptedBy: users.name, acceptedByEmail: users.email })
      .from(invitationAcceptances)
      .innerJoin(users, eq(users.id, invitationAcceptances.acceptedById))
      .where(eq(invitationAcceptances.invitationId, row.invitation.id)),
    addresseeOrganizations(db, row.invitation.customerEmail),
  ]);
  return { ...row, status: effectiveStatus(row.invitation, now), acceptance, addressee };
}
