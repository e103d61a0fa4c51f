"use client";

import Link from "next/link";
import { useActionState, useState, useSyncExternalStore } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { ErrorSummary, errorSummaryItems } from "@/components/ui/error-summary";
import { Field, FieldError, FormMessage } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { sendInvitationAction } from "@/lib/invitations/actions";
import type { InvitationFormState } from "@/lib/invitations/schemas";
import type { RelationshipType } from "@/lib/relationships/types";
import { TasksAndRoles, type RoleOption, type TaskOption } from "./role-picker";

export interface TypeOption {
  id: RelationshipType;
  name: string;
  /** The type from the partner's side: what the partner gets to do. */
  description: string;
  fixedRoles: string[];
  choosesRoles: boolean;
  allowed: boolean;
}

export type { RoleOption, TaskOption };

const initial: InvitationFormState = { ok: false };

const noSubscription = () => () => {};

/** Global administrator never auto-extends (the server refuses the combination too). */
const GLOBAL_ADMIN = "global_admin";

/** The fields in the form's order, each with the control (or group) an error links to. */
const INVITATION_FIELDS = [
  ["customerEmail", "field-customerEmail"],
  ["type", "field-type"],
  ["tasks", "field-tasks"],
  ["roles", "field-roles"],
  ["durationDays", "field-durationDays"],
  ["autoExtend", "field-autoExtend"],
  ["message", "field-message"],
] as const;

export function InvitationForm({
  types,
  roles,
  tasks,
  idempotencyKey,
  defaults,
}: {
  types: TypeOption[];
  /** Least privileged first, Global administrator last. */
  roles: RoleOption[];
  tasks: TaskOption[];
  idempotencyKey: string;
  defaults: { customerEmail?: string; message?: string; contactRecipientId?: string; durationDays: number; roles?: string[]; tasks?: string[]; type?: string };
}) {
  const [state, formAction] = useActionState(sendInvitationAction, initial);
  const [type, setType] = useState<string | undefined>(state.values?.type ?? defaults.type);
  const e = state.fieldErrors ?? {};
  const v = state.values ?? {};
  const showGdap = type === undefined || type === "gdap";
  const [chosenRoles, setChosenRoles] = useState(() => new Set(v.roles !== undefined ? v.roles.split(",") : (defaults.roles ?? [])));
  const chosenTasks = new Set(v.tasks !== undefined ? v.tasks.split(",") : (defaults.tasks ?? []));
  const [autoExtend, setAutoExtend] = useState(v.autoExtend === "on");
  // Only once scripts run may a choice disable auto-extend: without them nothing could enable it again.
  const live = useSyncExternalStore(noSubscription, () => true, () => false);
  const autoExtendBlocked = live && chosenRoles.has(GLOBAL_ADMIN);

  return (
    <form key={state.submittedAt} action={formAction} noValidate className="space-y-6">
      {state.pendingInvitationId ? (
        <FormMessage tone="error">
          {state.message}
          {state.pendingInvitationId && (
            <>
              {" "}
              <Link className="font-medium underline" href={`/partner/invitations/${state.pendingInvitationId}`}>
                Open the pending invitation
              </Link>
            </>
          )}
        </FormMessage>
      ) : (
        <ErrorSummary message={state.message} items={errorSummaryItems(state.fieldErrors, INVITATION_FIELDS)} />
      )}
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {defaults.contactRecipientId && <input type="hidden" name="contactRecipientId" value={defaults.contactRecipientId} />}

      <Field label="Customer email" name="customerEmail" required error={e.customerEmail} hint="A Global or Billing administrator of the customer organization.">
        {(p) => <Input {...p} type="email" autoComplete="off" defaultValue={v.customerEmail ?? defaults.customerEmail} maxLength={254} />}
      </Field>

      <fieldset id="field-type" aria-describedby={e.type ? "type-error" : undefined}>
        <legend className="text-sm font-medium text-gray-900">Relationship type</legend>
        <FieldError id="type-error" error={e.type} className="mt-1" />
        <div className="mt-2 grid gap-2">
          {types.map((t) => (
            <label
              key={t.id}
              className="flex gap-3 rounded-md border border-gray-200 bg-white p-3 has-[:checked]:border-accent-600 has-[:checked]:bg-accent-50 has-[:disabled]:opacity-70"
            >
              <input
                type="radio"
                name="type"
                value={t.id}
                defaultChecked={(v.type ?? defaults.type) === t.id}
                disabled={!t.allowed}
                onChange={() => setType(t.id)}
                className="mt-1 size-4 accent-accent-600"
              />
              <span className="text-sm">
                <span className="font-medium text-gray-900">{t.name}</span>
                {!t.allowed && <span className="text-gray-700"> — admin agents only</span>}
                <span className="block text-gray-700">{t.description}</span>
                {t.fixedRoles.length > 0 && <span className="mt-1 block text-gray-800">Roles you get: {t.fixedRoles.join(", ")} (fixed)</span>}
                {t.choosesRoles && <span className="mt-1 block text-gray-800">Roles you get: the ones you choose below, for a limited time</span>}
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {showGdap && (
        <fieldset className="space-y-4 rounded-lg border border-gray-200 bg-white p-4">
          <legend className="px-1 text-sm font-semibold text-gray-900">Granular delegated administrator (GDAP) access</legend>
          <p className="text-sm text-gray-700">Ask for the least-privileged roles that cover the work. The customer sees exactly this list.</p>
          <TasksAndRoles
            tasks={tasks}
            roles={roles}
            tickedTasks={chosenTasks}
            chosen={chosenRoles}
            onChosen={setChosenRoles}
            errors={{ tasks: e.tasks, roles: e.roles }}
            tasksHint="What you will do for the customer. They see it, and any role it doesn't need is marked. A task ticks its least-privileged roles; with no role ticked, those roles are asked for."
          />
          <Field label="Duration (days)" name="durationDays" required error={e.durationDays} hint="From 1 day to 2 years (730 days). Access ends on its own after this.">
            {(p) => <Input {...p} type="number" inputMode="numeric" min={1} max={730} defaultValue={v.durationDays ?? String(defaults.durationDays)} className="w-40" />}
          </Field>
          <div className="grid gap-1.5">
            <Checkbox
              id="field-autoExtend"
              name="autoExtend"
              checked={autoExtend && !autoExtendBlocked}
              onChange={(event) => setAutoExtend(event.target.checked)}
              disabled={autoExtendBlocked}
              invalid={Boolean(e.autoExtend)}
              aria-describedby={["autoExtend-hint", e.autoExtend ? "autoExtend-error" : ""].join(" ").trim()}
            >
              <span className="text-sm font-medium">Auto-extend by 180 days</span>
            </Checkbox>
            <p id="autoExtend-hint" aria-live="polite" className={autoExtendBlocked ? "text-sm font-medium text-gray-900" : "text-sm text-gray-700"}>
              {autoExtendBlocked
                ? "Unavailable: you chose Global administrator, which never extends on its own. Remove it to turn auto-extend on."
                : "Not available with Global administrator."}
            </p>
            <FieldError id="autoExtend-error" error={autoExtendBlocked ? undefined : e.autoExtend} />
          </div>
        </fieldset>
      )}

      <Field label="Message" name="message" error={e.message} hint="Shown to the customer in the invitation email. Up to 1,000 characters.">
        {(p) => <Textarea {...p} rows={4} defaultValue={v.message ?? defaults.message} maxLength={1000} />}
      </Field>

      <SubmitButton pendingLabel="Sending…">Send invitation</SubmitButton>
    </form>
  );
}
