"use client";

import { useActionState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { ErrorSummary, errorSummaryItems } from "@/components/ui/error-summary";
import { Field, FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { activateRoleAction, assignAccessAction, createGroupAction, invitePartnerPersonAction, requestTokenAction, type TokenFormState } from "@/lib/access/actions";
import { PersonFields } from "@/components/users/person-fields";
import { initialFormState } from "@/lib/forms";

/** Invite a person to the partner's team, with their agent roles. */
export function InvitePersonForm({ roles }: { roles: { id: string; name: string }[] }) {
  const [state, formAction] = useActionState(invitePartnerPersonAction, initialFormState);
  const e = state.fieldErrors ?? {};
  return (
    <form key={state.submittedAt} action={formAction} noValidate className="space-y-4">
      <ErrorSummary message={state.message} items={errorSummaryItems(state.fieldErrors, [["email", "field-email"], ["name", "field-name"], ["roles", "field-roles"]])} />
      <PersonFields state={state} />
      <fieldset id="field-roles" aria-describedby={e.roles ? "roles-error" : undefined}>
        <legend className="text-sm font-medium text-gray-900">Roles</legend>
        <FieldError id="roles-error" error={e.roles} className="mt-1" />
        <div className="mt-2 flex flex-wrap gap-4">
          {roles.map((role) => (
            <Checkbox key={role.id} name="roles" value={role.id} defaultChecked={role.id === "technician"}>
              {role.name}
            </Checkbox>
          ))}
        </div>
      </fieldset>
      <SubmitButton pendingLabel="Inviting…">Invite</SubmitButton>
    </form>
  );
}

/** A new security group. */
export function CreateGroupForm() {
  const [state, formAction] = useActionState(createGroupAction, initialFormState);
  return (
    <form key={state.submittedAt} action={formAction} noValidate className="space-y-3">
      <ErrorSummary message={state.message} items={errorSummaryItems(state.fieldErrors, [["name", "field-group-name"]])} />
      <Field label="Group name" name="name" id="field-group-name" required error={state.fieldErrors?.name} hint="For example: Helpdesk, Exchange team.">
        {(p) => <Input {...p} maxLength={80} defaultValue={state.values?.name} />}
      </Field>
      <SubmitButton variant="secondary" pendingLabel="Creating…">
        Create group
      </SubmitButton>
    </form>
  );
}

/** Assign one of the partner's groups some of the roles this customer granted. */
export function AssignAccessForm({ relationshipId, groups, roles }: { relationshipId: string; groups: { id: string; name: string }[]; roles: { id: string; name: string }[] }) {
  const [state, formAction] = useActionState(assignAccessAction, initialFormState);
  const e = state.fieldErrors ?? {};
  return (
    <form key={state.submittedAt} action={formAction} noValidate className="space-y-4">
      <ErrorSummary message={state.message} items={errorSummaryItems(state.fieldErrors, [["groupId", "field-groupId"], ["roles", "assign-roles"]])} />
      <input type="hidden" name="relationshipId" value={relationshipId} />
      <Field label="Group" name="groupId" required error={e.groupId}>
        {(p) => (
          <select {...p} className="control control-valid max-w-xs" defaultValue={groups[0]?.id}>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset id="assign-roles" aria-describedby={e.roles ? "assign-roles-error" : undefined}>
        <legend className="text-sm font-medium text-gray-900">Roles (of those the customer granted)</legend>
        <FieldError id="assign-roles-error" error={e.roles} className="mt-1" />
        <div className="mt-2 grid gap-2 md:grid-cols-2">
          {roles.map((role) => (
            <Checkbox key={role.id} name="roles" value={role.id}>
              {role.name}
            </Checkbox>
          ))}
        </div>
      </fieldset>
      <SubmitButton pendingLabel="Assigning…">Assign</SubmitButton>
    </form>
  );
}

/** Get a token: a justification, then the token shown once with its roles and expiry. */
export function RequestTokenForm({ relationshipId }: { relationshipId: string }) {
  const [state, formAction] = useActionState(requestTokenAction, initialFormState as TokenFormState);
  const issued = state as TokenFormState;
  return (
    <div className="space-y-4">
      <form key={state.submittedAt} action={formAction} noValidate className="space-y-3">
        <ErrorSummary message={state.ok ? undefined : state.message} items={errorSummaryItems(state.fieldErrors, [["reason", "field-reason"]])} />
        <input type="hidden" name="relationshipId" value={relationshipId} />
        <Field label="Reason" name="reason" required error={state.fieldErrors?.reason} hint="On the customer's timeline with the token. Up to 200 characters.">
          {(p) => <Textarea {...p} rows={2} maxLength={200} defaultValue={state.ok ? undefined : state.values?.reason} />}
        </Field>
        <SubmitButton pendingLabel="Signing…">Get a token</SubmitButton>
      </form>
      {issued.ok && issued.token && (
        <div role="status" className="space-y-2 rounded-md border border-accent-600 bg-accent-50 p-3 text-sm">
          <p className="font-medium text-gray-900">
            Token for {issued.roles?.join(", ")}, valid until {issued.expiresAt?.slice(11, 16)} UTC. Copy it now: it is shown once.
          </p>
          <label className="block text-gray-800" htmlFor="issued-token">
            Access token
          </label>
          <textarea id="issued-token" readOnly rows={4} className="control control-valid w-full font-mono text-xs break-all" value={issued.token} />
        </div>
      )}
    </div>
  );
}

/** Activate a just-in-time role: which, for how long (1–8 hours), and why. */
export function ActivateRoleForm({ relationshipId, roles, needsApproval }: { relationshipId: string; roles: { id: string; name: string }[]; needsApproval: boolean }) {
  const [state, formAction] = useActionState(activateRoleAction, initialFormState);
  const e = state.fieldErrors ?? {};
  return (
    <form key={state.submittedAt} action={formAction} noValidate className="space-y-3">
      <ErrorSummary message={state.message} items={errorSummaryItems(state.fieldErrors, [["roleId", "field-roleId"], ["hours", "field-hours"], ["justification", "field-justification"]])} />
      <input type="hidden" name="relationshipId" value={relationshipId} />
      <Field label="Role" name="roleId" required error={e.roleId}>
        {(p) => (
          <select {...p} className="control control-valid max-w-xs" defaultValue={roles[0]?.id}>
            {roles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Hours" name="hours" required error={e.hours} hint="From 1 to 8.">
        {(p) => <Input {...p} type="number" inputMode="numeric" min={1} max={8} defaultValue={state.values?.hours ?? "1"} className="w-24" />}
      </Field>
      <Field label="Justification" name="justification" required error={e.justification} hint={needsApproval ? "The customer reads it before approving." : "On the customer's timeline."}>
        {(p) => <Textarea {...p} rows={2} maxLength={200} defaultValue={state.values?.justification} />}
      </Field>
      <SubmitButton pendingLabel="Sending…">{needsApproval ? "Ask to activate" : "Activate"}</SubmitButton>
    </form>
  );
}
