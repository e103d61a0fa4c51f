"use client";

import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { FieldError } from "@/components/ui/field";

/** A task the partner can state, with the least-privileged roles it needs (the advisor). */
export interface TaskOption {
  id: string;
  name: string;
  roles: string[];
}

export interface RoleOption {
  id: string;
  name: string;
  description: string;
  highlyPrivileged: boolean;
}

/**
 * The advisor's tasks and the role picker, as the invitation and template forms show them: ticking a
 * task ticks its least-privileged roles (once scripts run; without them the server proposes the roles
 * of the tasks when none is ticked). Roles come least privileged first, Global administrator last.
 */
export function TasksAndRoles({
  tasks,
  roles,
  tickedTasks,
  chosen,
  onChosen,
  errors,
  tasksHint,
}: {
  tasks: TaskOption[];
  roles: RoleOption[];
  tickedTasks: ReadonlySet<string>;
  chosen: ReadonlySet<string>;
  onChosen: (next: Set<string>) => void;
  errors: { tasks?: string[]; roles?: string[] };
  tasksHint: string;
}) {
  return (
    <>
      <fieldset id="field-tasks" aria-describedby="tasks-hint">
        <legend className="text-sm font-medium text-gray-900">Tasks</legend>
        <p id="tasks-hint" className="mt-1 text-sm text-gray-700">
          {tasksHint}
        </p>
        <FieldError id="tasks-error" error={errors.tasks} className="mt-1" />
        <ul className="mt-2 grid gap-2 md:grid-cols-2">
          {tasks.map((task) => (
            <li key={task.id}>
              <Checkbox name="tasks" value={task.id} defaultChecked={tickedTasks.has(task.id)} onChange={(event) => event.target.checked && onChosen(new Set([...chosen, ...task.roles]))}>
                <span className="text-sm text-gray-900">{task.name}</span>
              </Checkbox>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset id="field-roles" aria-describedby={errors.roles ? "roles-error" : undefined}>
        <legend className="text-sm font-medium text-gray-900">Roles (least privileged first)</legend>
        <FieldError id="roles-error" error={errors.roles} className="mt-1" />
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
                  onChosen(next);
                }}
                labelClassName="items-start"
              >
                <RoleLabel role={role} />
              </Checkbox>
            </li>
          ))}
        </ul>
      </fieldset>
    </>
  );
}

/** A role beside its checkbox: its name, flagged when highly privileged, with what it allows. */
export function RoleLabel({ role }: { role: RoleOption }) {
  return (
    <span className="text-sm">
      <span className="font-medium text-gray-900">{role.name}</span> {role.highlyPrivileged && <Badge tone="warning">Highly privileged</Badge>}
      <span className="block text-gray-700">{role.description}</span>
    </span>
  );
}
