"use client";

import { useActionState, useState } from "react";
import { ErrorSummary, errorSummaryItems } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { saveRoleTemplateAction } from "@/lib/relationships/actions";
import { TasksAndRoles, type RoleOption, type TaskOption } from "./role-picker";

/** A new role template: a name, the tasks it serves (ticking one ticks its least-privileged roles), the roles. */
export function RoleTemplateForm({ roles, tasks }: { roles: RoleOption[]; tasks: TaskOption[] }) {
  const [state, formAction] = useActionState(saveRoleTemplateAction, initialFormState);
  const e = state.fieldErrors ?? {};
  const [chosen, setChosen] = useState(() => new Set(state.values?.roles ? state.values.roles.split(",") : []));
  const ticked = new Set(state.values?.tasks ? state.values.tasks.split(",") : []);
  return (
    <form key={state.submittedAt} action={formAction} noValidate className="space-y-4">
      <ErrorSummary message={state.message} items={errorSummaryItems(state.fieldErrors, [["name", "field-name"], ["tasks", "field-tasks"], ["roles", "field-roles"]])} />
      <Field label="Name" name="name" required error={e.name} hint="For example: Helpdesk, Mail migration.">
        {(p) => <Input {...p} maxLength={80} defaultValue={state.values?.name} />}
      </Field>
      <TasksAndRoles
        tasks={tasks}
        roles={roles}
        tickedTasks={ticked}
        chosen={chosen}
        onChosen={setChosen}
        errors={{ tasks: e.tasks, roles: e.roles }}
        tasksHint="The work the template is for. A task ticks its least-privileged roles; with no role ticked, those roles are saved."
      />
      <SubmitButton pendingLabel="Saving…">Save template</SubmitButton>
    </form>
  );
}
