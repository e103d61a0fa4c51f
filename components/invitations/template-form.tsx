"use client";

import { useActionState, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { ErrorSummary, errorSummaryItems } from "@/components/ui/error-summary";
import { Field, FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { saveRoleTemplateAction } from "@/lib/relationships/actions";
import type { RoleOption, TaskOption } from "./invitation-form";

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
      <fieldset id="field-tasks">
        <legend className="text-sm font-medium text-gray-900">Tasks</legend>
        <FieldError id="tasks-error" error={e.tasks} className="mt-1" />
        <ul className="mt-2 grid gap-2 md:grid-cols-2">
          {tasks.map((task) => (
            <li key={task.id}>
              <Checkbox
                name="tasks"
                value={task.id}
                defaultChecked={ticked.has(task.id)}
                onChange={(event) => {
                  if (!event.target.checked) return;
                  setChosen(new Set([...chosen, ...task.roles]));
                }}
              >
                <span className="text-sm text-gray-900">{task.name}</span>
              </Checkbox>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset id="field-roles" aria-describedby="roles-hint">
        <legend className="text-sm font-medium text-gray-900">Roles (least privileged first)</legend>
        <p id="roles-hint" className="mt-1 text-sm text-gray-700">
          With no role ticked, the least-privileged roles for the tasks are saved.
        </p>
        <FieldError id="roles-error" error={e.roles} className="mt-1" />
        <ul className="mt-2 grid gap-2 md:grid-cols-2">
          {roles.map((role) => (
            <li key={role.id}>
              <Checkbox
                name="roles"
                value={role.id}
                checked={chosen.has(role.id)}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(role.id);
                  else next.delete(role.id);
                  setChosen(next);
                }}
              >
                <span className="text-sm text-gray-900">
                  {role.name} {role.highlyPrivileged && <Badge tone="warning">Highly privileged</Badge>}
                </span>
              </Checkbox>
            </li>
          ))}
        </ul>
      </fieldset>
      <SubmitButton pendingLabel="Saving…">Save template</SubmitButton>
    </form>
  );
}
