import { sortByPrivilege, type RoleId } from "@/lib/roles";

/**
 * The least-privilege advisor's catalog: what a partner says it will do for a customer, each task
 * mapped to the least-privileged built-in role(s) of this product's catalog (lib/roles.ts) that allow it.
 *
 * Sources (the mapping follows them; where they name a role this catalog does not have, the nearest
 * role here that allows the task is used and noted):
 *   - Microsoft Learn, "Least privileged roles by task in Microsoft Entra ID"
 *     (https://learn.microsoft.com/entra/identity/role-based-access-control/delegate-by-task)
 *   - Microsoft Learn, Partner Center, "GDAP least-privileged roles by task"
 *     (https://learn.microsoft.com/partner-center/customers/gdap-least-privileged-roles-by-task)
 */
export interface PartnerTask {
  id: string;
  name: string;
  /** The least-privileged roles that allow it; asking for any other role is asking for more than the task needs. */
  roles: readonly RoleId[];
}

export const PARTNER_TASKS = [
  // Password resets of non-administrators: Helpdesk administrator (Entra names Password administrator for passwords alone).
  { id: "reset_passwords", name: "Reset passwords of users who aren't administrators", roles: ["helpdesk_admin"] },
  { id: "reset_admin_authentication", name: "Reset passwords and sign-in methods of administrators", roles: ["privileged_auth_admin"] },
  { id: "manage_users", name: "Create and manage users and groups", roles: ["user_admin"] },
  { id: "manage_licenses", name: "Assign and manage licences", roles: ["license_admin"] },
  { id: "support_tickets", name: "Open and manage support tickets, read service health", roles: ["service_support_admin"] },
  { id: "manage_exchange", name: "Manage Exchange Online: mailboxes and mail flow", roles: ["exchange_admin"] },
  { id: "manage_teams", name: "Manage Teams, calling and meetings", roles: ["teams_admin"] },
  { id: "manage_sharepoint", name: "Manage SharePoint sites and OneDrive", roles: ["sharepoint_admin"] },
  { id: "manage_intune", name: "Manage devices and apps in Intune", roles: ["intune_admin"] },
  { id: "manage_devices", name: "Enable, disable and delete devices, read BitLocker keys", roles: ["cloud_device_admin"] },
  { id: "read_security_alerts", name: "Read security alerts and reports", roles: ["security_reader"] },
  { id: "manage_security", name: "Manage security policies and threat protection", roles: ["security_admin"] },
  { id: "manage_compliance", name: "Manage compliance, retention and eDiscovery", roles: ["compliance_admin"] },
  { id: "manage_applications", name: "Manage enterprise applications and app registrations", roles: ["application_admin"] },
  { id: "manage_billing", name: "Make purchases and manage subscriptions and billing", roles: ["billing_admin"] },
  { id: "read_reports", name: "Read usage and activity reports", roles: ["reports_reader"] },
  { id: "read_configuration", name: "Read every setting without changing any", roles: ["global_reader"] },
  { id: "read_directory", name: "Read users, groups and organization details", roles: ["directory_readers"] },
] as const satisfies readonly PartnerTask[];

export type PartnerTaskId = (typeof PARTNER_TASKS)[number]["id"];

const byId = new Map<string, PartnerTask>(PARTNER_TASKS.map((task) => [task.id, task]));

export function isTaskId(value: string): value is PartnerTaskId {
  return byId.has(value);
}

export function taskName(id: string): string {
  return byId.get(id)?.name ?? id;
}

/** The least-privileged roles for the tasks, most privileged first: what the advisor proposes. */
export function rolesForTasks(tasks: readonly string[]): RoleId[] {
  const roles = new Set<string>(tasks.flatMap((id) => byId.get(id)?.roles ?? []));
  return sortByPrivilege([...roles]).map((role) => role.id as RoleId);
}

/** The roles the stated tasks do not need (none when no task was stated: there is nothing to judge by). */
export function rolesNotNeeded(roles: readonly string[], tasks: readonly string[]): string[] {
  if (tasks.length === 0) return [];
  const needed = new Set<string>(rolesForTasks(tasks));
  return roles.filter((role) => !needed.has(role));
}

/** The note beside a role the stated tasks do not need. */
export const NOT_NEEDED = "Not needed for the tasks listed";

/** A role's note on the customer's review: not needed for the tasks listed, or nothing. */
export function roleNote(role: string, tasks: readonly string[]): string | undefined {
  return rolesNotNeeded([role], tasks).length > 0 ? NOT_NEEDED : undefined;
}

/** The tasks as a sentence's list, for emails and timelines. */
export function taskNames(tasks: readonly string[]): string[] {
  return tasks.filter((id) => byId.has(id)).map(taskName);
}
