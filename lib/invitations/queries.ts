import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invitations, organizations, users, type InvitationStatus } from "@/db/schema";
import { effectiveStatus } from "./rules";
import { isUuid } from "@/lib/ids";

const columns = {
  id: invitations.id,
  customerEmail: invitations.customerEmail,
  // The organization's name once it accepted. Before that, where the address leads is the
  // addressee's business: the partner sees only the address it typed.
  customerName: sql<string | null>`case when ${invitations.status} = 'accepted' then ${organizations.name} end`,
  type: invitations.type,
  roles: invitations.roles,
  durationDays: invitations.durationDays,
  autoExtend: invitations.autoExtend,
  message: invitations.message,
  status: invitations.status,
  expiresAt: invitations.expiresAt,
  createdAt: invitations.createdAt,
  lastSentAt: invitations.lastSentAt,
  sentCount: invitations.sentCount,
  respondedAt: invitations.respondedAt,
  declineReason: invitations.declineReason,
  sentBy: users.name,
};

/** The partner's invitations, newest first, with status as of now (expired without waiting for a sweep). */
export async function listPartnerInvitations(db: DbOrTx, partnerOrganizationId: string, status?: InvitationStatus, now = new Date()) {
  const conditions = [eq(invitations.partnerOrganizationId, partnerOrganizationId)];
  if (status === "expired") {
    conditions.push(sql`(${invitations.status} = 'expired' or (${invitations.status} = 'pending' and ${invitations.expiresAt} <= ${now}))`);
  } else if (status === "pending") {
    conditions.push(sql`${invitations.status} = 'pending' and ${invitations.expiresAt} > ${now}`);
  } else if (status) {
    conditions.push(eq(invitations.status, status));
  }
  const rows = await db
    .select(columns)
    .from(invitations)
    .leftJoin(organizations, eq(organizations.id, invitations.customerOrganizationId))
    .leftJoin(users, eq(users.id, invitations.createdById))
    .where(and(...conditions))
    .orderBy(desc(invitations.createdAt))
    .limit(500);
  return rows.map((row) => ({ ...row, status: effectiveStatus(row, now) }));
}

export async function getPartnerInvitation(db: DbOrTx, partnerOrganizationId: string, invitationId: string, now = new Date()) {
  if (!isUuid(invitationId)) return undefined;
  const [row] = await db
    .select(columns)
    .from(invitations)
    .leftJoin(organizations, eq(organizations.id, invitations.customerOrganizationId))
    .leftJoin(users, eq(users.id, invitations.createdById))
    .where(and(eq(invitations.id, invitationId), eq(invitations.partnerOrganizationId, partnerOrganizationId)));
  return row ? { ...row, status: effectiveStatus(row, now) } : undefined;
}

export type PartnerInvitationRow = Awaited<ReturnType<typeof listPartnerInvitations>>[number];
