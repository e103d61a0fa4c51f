/** The directory's built-in admin roles that customers hold and partners may be granted. */

export type PrivilegeLevel = "high" | "standard" | "read";

export interface DirectoryRole {
  id: string;
  name: string;
  description: string;
  privilege: PrivilegeLevel;
  /** Higher is more powerful; used to name a partner's most privileged role. */
  rank: number;
}

export const DIRECTORY_ROLES = [
  { id: "global_admin", name: "Global administrator", description: "Full control of every admin feature, every service and all data in the organization.", privilege: "high", rank: 100 },
  { id: "privileged_auth_admin", name: "Privileged authentication administrator", description: "Sets and resets sign-in methods, including passwords, for any user — administrators included.", privilege: "high", rank: 95 },
  { id: "security_admin", name: "Security administrator", description: "Manages security policies, threat protection and identity protection settings.", privilege: "high", rank: 90 },
  { id: "application_admin", name: "Application administrator", description: "Creates and manages enterprise applications, app registrations and their credentials.", privilege: "high", rank: 85 },
  { id: "exchange_admin", name: "Exchange administrator", description: "Manages mailboxes, mail flow and Exchange Online settings.", privilege: "high", rank: 80 },
  { id: "sharepoint_admin", name: "SharePoint administrator", description: "Manages SharePoint sites, OneDrive and sharing settings.", privilege: "high", rank: 78 },
  { id: "user_admin", name: "User administrator", description: "Creates and manages users and groups, and resets passwords for non-administrators.", privilege: "high", rank: 75 },
  { id: "intune_admin", name: "Intune administrator", description: "Manages devices, apps and compliance policies in Intune.", privilege: "high", rank: 72 },
  { id: "billing_admin", name: "Billing administrator", description: "Makes purchases, manages subscriptions and support tickets, and monitors service health.", privilege: "standard", rank: 70 },
  { id: "compliance_admin", name: "Compliance administrator", description: "Manages compliance settings, data retention and eDiscovery.", privilege: "standard", rank: 65 },
  { id: "teams_admin", name: "Teams administrator", description: "Manages Teams, including calling, meetings and voice settings.", privilege: "standard", rank: 60 },
  { id: "license_admin", name: "License administrator", description: "Assigns, removes and updates license assignments for users and groups.", privilege: "standard", rank: 55 },
  { id: "cloud_device_admin", name: "Cloud device administrator", description: "Enables, disables and deletes devices and reads BitLocker keys.", privilege: "standard", rank: 50 },
  { id: "helpdesk_admin", name: "Helpdesk administrator", description: "Resets passwords for non-administrators and manages service requests.", privilege: "standard", rank: 45 },
  { id: "service_support_admin", name: "Service support administrator", description: "Opens and manages support incidents and reads service health.", privilege: "standard", rank: 40 },
  { id: "global_reader", name: "Global reader", description: "Reads everything a Global administrator can, but changes nothing.", privilege: "read", rank: 30 },
  { id: "security_reader", name: "Security reader", description: "Reads security information and reports.", privilege: "read", rank: 25 },
  { id: "reports_reader", name: "Reports reader", description: "Reads usage and activity reports.", privilege: "read", rank: 20 },
  { id: "directory_readers", name: "Directory readers", description: "Reads basic directory information: users, groups and organization details.", privilege: "read", rank: 10 },
] as const satisfies readonly DirectoryRole[];

export type RoleId = (typeof DIRECTORY_ROLES)[number]["id"];

const byId = new Map<string, DirectoryRole>(DIRECTORY_ROLES.map((role) => [role.id, role]));

export function isRoleId(value: string): value is RoleId {
  return byId.has(value);
}

export function getRole(id: string): DirectoryRole {
  const role = byId.get(id);
  if (!role) throw new Error(`Unknown directory role: ${id}`);
  return role;
}

export function roleName(id: string): string {
  return byId.get(id)?.name ?? id;
}

/** The most privileged of the given roles, or undefined for none. */
export function mostPrivileged(ids: readonly string[]): DirectoryRole | undefined {
  let top: DirectoryRole | undefined;
  for (const id of ids) {
    const role = byId.get(id);
    if (role && (!top || role.rank > top.rank)) top = role;
  }
  return top;
}

/** Every role, least privileged first and Global administrator last: the order a picker offers them in. */
export function rolesLeastPrivilegedFirst(): DirectoryRole[] {
  return [...DIRECTORY_ROLES].sort((a, b) => a.rank - b.rank);
}

/** The roles' names, most privileged first: how every list of roles reads. */
export function roleNamesByPrivilege(ids: readonly string[]): string[] {
  return sortByPrivilege(ids).map((role) => role.name);
}

export function sortByPrivilege(ids: readonly string[]): DirectoryRole[] {
  return ids
    .map((id) => byId.get(id))
    .filter((role): role is DirectoryRole => role !== undefined)
    .sort((a, b) => b.rank - a.rank);
}

/**
 * The customer's delegated approver (cf. Entra's Customer Delegated Admin Relationship Administrator):
 * accepts partners' invitations, answers their change requests, removes their roles and ends
 * relationships, and nothing else. An admin-center role of the customer's own people, never one a
 * partner can ask for: it is not in DIRECTORY_ROLES, so no invitation or change can carry it.
 */
export const PARTNER_RELATIONSHIP_ADMIN = "partner_relationship_admin";

export interface MemberRole {
  id: string;
  name: string;
  description: string;
}

/** The roles a Global administrator can give a member on the Users page: the directory's, and the delegated approver. */
export const MEMBER_ROLES: readonly MemberRole[] = [
  ...[...DIRECTORY_ROLES].sort((a, b) => b.rank - a.rank).slice(0, 1),
  {
    id: PARTNER_RELATIONSHIP_ADMIN,
    name: "Partner relationship administrator",
    description: "Accepts partner invitations, approves or declines their changes, removes their roles and ends relationships. Grants nothing to anyone.",
  },
  ...[...DIRECTORY_ROLES].sort((a, b) => b.rank - a.rank).slice(1),
];

export function isMemberRole(value: string): boolean {
  return MEMBER_ROLES.some((role) => role.id === value);
}

/** A member's role by name (a directory role or the delegated approver). */
export function memberRoleName(id: string): string {
  return MEMBER_ROLES.find((role) => role.id === id)?.name ?? id;
}

/** Customer admins who may accept agreements, authorize partners, answer their changes and remove their roles (the spec's rule, and the delegated approver). */
export const CUSTOMER_DECISION_ROLES: readonly string[] = ["global_admin", "billing_admin", PARTNER_RELATIONSHIP_ADMIN];

/** Who reads the organization's partners, grants, activity and pending invitations: the deciders, and Global readers read-only. */
export const CUSTOMER_READER_ROLES: readonly string[] = [...CUSTOMER_DECISION_ROLES, "global_reader"];

/** Any admin role opens the admin center; a member without one has nothing to do there. */
export const ADMIN_CENTER_ROLES: readonly string[] = MEMBER_ROLES.map((role) => role.id);

export const PARTNER_AGENT_ROLES = ["admin_agent", "sales_agent", "technician"] as const;
export type PartnerAgentRole = (typeof PARTNER_AGENT_ROLES)[number];

export const PARTNER_AGENT_ROLE_NAMES: Record<PartnerAgentRole, string> = {
  admin_agent: "Admin agent",
  sales_agent: "Sales agent",
  technician: "Technician",
};
