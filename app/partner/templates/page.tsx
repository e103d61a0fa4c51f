import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/layout/area-shell";
import { RoleTemplateForm } from "@/components/invitations/template-form";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { getDb } from "@/db/client";
import { getAreaContext } from "@/lib/context";
import { entryFor, readSearchParams, type SearchParams } from "@/lib/page-params";
import { deleteRoleTemplateAction } from "@/lib/relationships/actions";
import { PARTNER_TASKS, taskNames } from "@/lib/relationships/tasks";
import { listRoleTemplates } from "@/lib/relationships/templates";
import { roleNamesByPrivilege, rolesLeastPrivilegedFirst } from "@/lib/roles";

export const metadata: Metadata = { title: "Role templates" };

const NOTICES: Record<string, string> = { saved: "Template saved. Start an invitation from it.", deleted: "Template deleted." };
const ERRORS: Record<string, string> = { forbidden: "Only admin agents keep role templates.", not_found: "That template was not found." };

export default async function RoleTemplatesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await readSearchParams(searchParams);
  const context = await getAreaContext("invitations.send_admin_roles", "/partner/templates");
  if (!context) {
    return (
      <NoAccess title="Role templates">
        <p>Admin agents of a partner organization keep its role templates.</p>
      </NoAccess>
    );
  }
  const templates = await listRoleTemplates(await getDb(), { actor: context.actor, organizationId: context.membership.organizationId });
  const notice = entryFor(NOTICES, query.done);
  const problem = entryFor(ERRORS, query.error);
  return (
    <main className="max-w-3xl space-y-8">
      <div>
        <h1 className="text-2xl font-semibold text-gray-900">Role templates</h1>
        <p className="mt-1 text-gray-700">Named sets of the least-privileged roles for the work you do, to start invitations from.</p>
      </div>
      {notice && <Alert tone="success">{notice}</Alert>}
      {problem && <Alert tone="danger">{problem}</Alert>}
      {templates.length === 0 ? (
        <p className="text-gray-700">No templates yet.</p>
      ) : (
        <ul className="space-y-3">
          {templates.map((t) => (
            <li key={t.id} className="rounded-md border border-gray-200 bg-white p-4 text-sm">
              <p className="font-semibold text-gray-900">{t.name}</p>
              <p className="mt-1 text-gray-800">Roles: {roleNamesByPrivilege(t.roles).join(", ")}</p>
              {t.tasks.length > 0 && <p className="text-gray-700">Tasks: {taskNames(t.tasks).join("; ")}</p>}
              <div className="mt-3 flex flex-wrap items-center gap-3">
                <Link className="font-medium text-accent-700 underline" href={`/partner/invitations/new?template=${t.id}`}>
                  Invite with {t.name}
                </Link>
                <form action={deleteRoleTemplateAction}>
                  <input type="hidden" name="templateId" value={t.id} />
                  <SubmitButton variant="secondary" size="sm" pendingLabel="Deleting…">
                    Delete<span className="sr-only"> {t.name}</span>
                  </SubmitButton>
                </form>
              </div>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="new-template" className="space-y-4 rounded-lg border border-gray-200 bg-white p-5">
        <h2 id="new-template" className="text-lg font-semibold text-gray-900">
          New template
        </h2>
        <RoleTemplateForm
          roles={rolesLeastPrivilegedFirst().map((r) => ({ id: r.id, name: r.name, description: r.description, highlyPrivileged: r.privilege === "high" }))}
          tasks={PARTNER_TASKS.map((t) => ({ id: t.id, name: t.name, roles: [...t.roles] }))}
        />
      </section>
    </main>
  );
}
