import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { roleTemplates, type RoleTemplate } from "@/db/schema";
import { recordAudit } from "@/lib/audit/service";
import { requireMembership, requirePermission, type Actor } from "@/lib/authz";
import { isUuid } from "@/lib/ids";
import { isRoleId, roleNamesByPrivilege } from "@/lib/roles";
import { isTaskId, rolesForTasks, taskNames } from "./tasks";

/*
 * Role templates: a partner's named sets of roles (and the tasks they serve) for quick invitations,
 * kept by its admin agents (who ask for admin roles) and used by anyone who sends invitations.
 */

export type TemplateOutcome = { ok: true; code: string } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

/** The partner's templates by name. */
export async function listRoleTemplates(db: DbOrTx, read: { actor: Actor | null; organizationId: string }): Promise<RoleTemplate[]> {
  requirePermission(read.actor, "invitations.send", read.organizationId);
  return db.select().from(roleTemplates).where(eq(roleTemplates.partnerOrganizationId, read.organizationId)).orderBy(asc(sql`lower(${roleTemplates.name})`)).limit(200);
}

/** Saves a template: a name unique in the organization, roles from the catalog (or the advisor's for the tasks). */
export async function saveRoleTemplate(db: Db, actor: Actor | null, input: { name: string; roles: readonly string[]; tasks: readonly string[] }): Promise<TemplateOutcome> {
  const by = requireMembership(actor, "invitations.send_admin_roles");
  const tasks = [...new Set(input.tasks)];
  if (!tasks.every(isTaskId)) return { ok: false, code: "invalid", message: "Check the tasks.", fieldErrors: { tasks: ["Choose tasks from the list."] } };
  const chosen = input.roles.length === 0 ? rolesForTasks(tasks) : [...new Set(input.roles)];
  if (!chosen.every(isRoleId)) return { ok: false, code: "invalid", message: "Check the roles.", fieldErrors: { roles: ["Choose roles from the list."] } };
  if (chosen.length === 0) return { ok: false, code: "invalid", message: "Check the roles.", fieldErrors: { roles: ["Choose at least one role, or a task to propose them."] } };
  return db.transaction(async (tx): Promise<TemplateOutcome> => {
    const [saved] = await tx
      .insert(roleTemplates)
      .values({ partnerOrganizationId: by.membership.organizationId, name: input.name, roles: chosen, tasks, createdById: by.actor.userId })
      .onConflictDoNothing()
      .returning({ id: roleTemplates.id });
    if (!saved) return { ok: false, code: "duplicate", message: "Check the name.", fieldErrors: { name: ["A template of that name exists. Choose another name."] } };
    await recordAudit(tx, {
      actorUserId: by.actor.userId,
      actorLabel: by.actor.email,
      organizationId: by.membership.organizationId,
      action: "template.saved",
      targetType: "role_template",
      targetId: saved.id,
      details: { name: input.name, roles: roleNamesByPrivilege(chosen), tasks: taskNames(tasks) },
    });
    return { ok: true, code: "saved" };
  });
}

/** Deletes one of the organization's templates (another's is reported as not found). */
export async function deleteRoleTemplate(db: Db, actor: Actor | null, templateId: string): Promise<TemplateOutcome> {
  const by = requireMembership(actor, "invitations.send_admin_roles");
  if (!isUuid(templateId)) return { ok: false, code: "not_found", message: "That template was not found." };
  return db.transaction(async (tx): Promise<TemplateOutcome> => {
    const [deleted] = await tx
      .delete(roleTemplates)
      .where(and(eq(roleTemplates.id, templateId), eq(roleTemplates.partnerOrganizationId, by.membership.organizationId)))
      .returning({ id: roleTemplates.id, name: roleTemplates.name });
    if (!deleted) return { ok: false, code: "not_found", message: "That template was not found." };
    await recordAudit(tx, {
      actorUserId: by.actor.userId,
      actorLabel: by.actor.email,
      organizationId: by.membership.organizationId,
      action: "template.deleted",
      targetType: "role_template",
      targetId: deleted.id,
      details: { name: deleted.name },
    });
    return { ok: true, code: "deleted" };
  });
}
