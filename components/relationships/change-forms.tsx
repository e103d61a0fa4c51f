"use client";

import type * as React from "react";
import { useActionState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { ErrorSummary, errorSummaryItems } from "@/components/ui/error-summary";
import { Field, FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { initialFormState, type FormState } from "@/lib/forms";
import { RoleLabel } from "@/components/invitations/role-picker";
import { approveChangeAction, declineChangeAction, extendGdapAction, proposeChangeAction, requestRenewalAction } from "@/lib/relationships/actions";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** A role on a change form: its name, what it allows, and whether it is highly privileged. */
export interface ChangeRoleOption {
  id: string;
  name: string;
  description: string;
  highlyPrivileged: boolean;
}

/** A date field's bounds and default, as `YYYY-MM-DD` days. */
export interface DayBounds {
  value: string;
  min: string;
  max: string;
}

/** The fields a change form may have; their ids carry the form's prefix, since one page can hold two of these forms. */
const FIELD_NAMES = ["roles", "endsOn", "message", "reason"] as const;

/** A change form: the action's state, its error summary, and the person's typed values back after a refusal. */
function ChangeForm({ prefix, action, hidden, submit, pendingLabel, variant, children }: {
  prefix: string;
  action: Action;
  hidden: Record<string, string>;
  submit: string;
  pendingLabel: string;
  variant?: "primary" | "secondary" | "danger";
  children: (state: FormState, prefix: string) => React.ReactNode;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const fields = FIELD_NAMES.map((name) => [name, `${prefix}-${name}`] as const);
  return (
    <form key={state.submittedAt} action={formAction} noValidate className="space-y-4">
      <ErrorSummary message={state.message} items={errorSummaryItems(state.fieldErrors, fields)} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children(state, prefix)}
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {submit}
      </SubmitButton>
    </form>
  );
}

function RoleChoices({ prefix, roles, checked, state, legend, hint }: {
  prefix: string;
  roles: ChangeRoleOption[];
  checked: (id: string) => boolean;
  state: FormState;
  legend: string;
  hint?: string;
}) {
  const error = state.fieldErrors?.roles;
  const kept = state.values?.roles !== undefined ? new Set(state.values.roles.split(",")) : undefined;
  return (
    <fieldset id={`${prefix}-roles`} aria-describedby={[hint ? `${prefix}-roles-hint` : "", error ? `${prefix}-roles-error` : ""].join(" ").trim() || undefined}>
      <legend className="text-sm font-medium text-gray-900">{legend}</legend>
      {hint && (
        <p id={`${prefix}-roles-hint`} className="mt-1 text-sm text-gray-700">
          {hint}
        </p>
      )}
      <FieldError id={`${prefix}-roles-error`} error={error} className="mt-1" />
      <ul className="mt-2 grid gap-2 md:grid-cols-2">
        {roles.map((role) => (
          <li key={role.id}>
            <Checkbox name="roles" value={role.id} defaultChecked={kept ? kept.has(role.id) : checked(role.id)} invalid={Boolean(error)} labelClassName="items-start">
              <RoleLabel role={role} />
            </Checkbox>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function EndDate({ prefix, bounds, state, hint }: { prefix: string; bounds: DayBounds; state: FormState; hint: string }) {
  return (
    <Field label="End date" name="endsOn" id={`${prefix}-endsOn`} required error={state.fieldErrors?.endsOn} hint={hint}>
      {(p) => <Input {...p} type="date" min={bounds.min} max={bounds.max} defaultValue={state.values?.endsOn ?? bounds.value} className="w-48" />}
    </Field>
  );
}

function Message({ prefix, state, hint }: { prefix: string; state: FormState; hint: string }) {
  return (
    <Field label="Message" name="message" id={`${prefix}-message`} error={state.fieldErrors?.message} hint={hint}>
      {(p) => <Textarea {...p} rows={3} maxLength={1000} defaultValue={state.values?.message} />}
    </Field>
  );
}

/** The partner's amendment: every role (those held ticked), the end date, a message for the customer. */
export function ProposeChangeForm({ relationshipId, roles, held, endsOn, customerName }: { relationshipId: string; roles: ChangeRoleOption[]; held: string[]; endsOn: DayBounds; customerName: string }) {
  const holds = new Set(held);
  return (
    <ChangeForm prefix="change" action={proposeChangeAction} hidden={{ relationshipId }} submit="Propose change" pendingLabel="Sending…">
      {(state, prefix) => (
        <>
          <RoleChoices
            prefix={prefix}
            roles={roles}
            checked={(id) => holds.has(id)}
            state={state}
            legend="Roles"
            hint={`Untick a role to give it up now. Tick one to ask ${customerName} for it. Least privileged first.`}
          />
          <EndDate prefix={prefix} bounds={endsOn} state={state} hint="Earlier applies now; later is asked of the customer (at most 2 years from activation)." />
          <Message prefix={prefix} state={state} hint="Shown to the customer with the change request. Up to 1,000 characters." />
        </>
      )}
    </ChangeForm>
  );
}

/** Request renewal: the new end (a term of up to 2 years from today) and a message. */
export function RenewalForm({ relationshipId, endsOn }: { relationshipId: string; endsOn: DayBounds }) {
  return (
    <ChangeForm prefix="renewal" action={requestRenewalAction} hidden={{ relationshipId }} submit="Request renewal" pendingLabel="Sending…" variant="secondary">
      {(state, prefix) => (
        <>
          <EndDate prefix={prefix} bounds={endsOn} state={state} hint="The same roles, until this day: at most 2 years from today." />
          <Message prefix={prefix} state={state} hint="Shown to the customer. Up to 1,000 characters." />
        </>
      )}
    </ChangeForm>
  );
}

/** The customer's approval of a change request: the added roles (ticked) and the new end, both can be less. */
export function ApproveChangeForm({ changeRequestId, addRoles, endsOn }: { changeRequestId: string; addRoles: ChangeRoleOption[]; endsOn: DayBounds | null }) {
  return (
    <ChangeForm prefix="approve" action={approveChangeAction} hidden={{ changeRequestId, ...(addRoles.length > 0 ? { rolesOffered: "1" } : {}) }} submit="Approve" pendingLabel="Approving…">
      {(state, prefix) => (
        <>
          {addRoles.length > 0 && <RoleChoices prefix={prefix} roles={addRoles} checked={() => true} state={state} legend="Roles to add" hint="Untick any you don't want to give." />}
          {addRoles.length > 0 && (
            <fieldset>
              <legend className="text-sm font-medium text-gray-900">Just-in-time</legend>
              <p className="mt-1 text-sm text-gray-700">A just-in-time role is held only while activated, up to 8 hours at a time.</p>
              <div className="mt-2 grid gap-2">
                {addRoles.map((role) => (
                  <Checkbox key={role.id} name="eligible" value={role.id}>
                    <span className="text-sm text-gray-900">
                      Just-in-time<span className="sr-only"> for {role.name}</span>: {role.name}
                    </span>
                  </Checkbox>
                ))}
              </div>
            </fieldset>
          )}
          {endsOn && <EndDate prefix={prefix} bounds={endsOn} state={state} hint="The end asked for, or earlier (never before the current end)." />}
        </>
      )}
    </ChangeForm>
  );
}

/** Decline a change request, with a reason for the partner. */
export function DeclineChangeForm({ changeRequestId }: { changeRequestId: string }) {
  return (
    <ChangeForm prefix="decline" action={declineChangeAction} hidden={{ changeRequestId }} submit="Decline" pendingLabel="Declining…" variant="secondary">
      {(state, prefix) => (
        <Field label="Reason" name="reason" id={`${prefix}-reason`} error={state.fieldErrors?.reason} hint="Shared with the partner. Up to 500 characters.">
          {(p) => <Textarea {...p} rows={2} maxLength={500} defaultValue={state.values?.reason} />}
        </Field>
      )}
    </ChangeForm>
  );
}

/** The customer's Extend: a new end, up to 2 years from today. */
export function ExtendForm({ relationshipId, endsOn }: { relationshipId: string; endsOn: DayBounds }) {
  return (
    <ChangeForm prefix="extend" action={extendGdapAction} hidden={{ relationshipId }} submit="Extend" pendingLabel="Extending…">
      {(state, prefix) => <EndDate prefix={prefix} bounds={endsOn} state={state} hint="The same roles, until this day: at most 2 years from today." />}
    </ChangeForm>
  );
}
