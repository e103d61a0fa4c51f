"use client";

import { useActionState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { ErrorSummary, errorSummaryItems } from "@/components/ui/error-summary";
import { FieldError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { PersonFields } from "@/components/users/person-fields";
import { initialFormState, type FormState } from "@/lib/forms";
import { inviteMemberAction, setMemberRolesAction } from "@/lib/users/actions";

/** A role a member can be given, as the Users page offers it. */
export interface MemberRoleOption {
  id: string;
  name: string;
  description: string;
}

function RoleBoxes({ roles, held, state, legend }: { roles: MemberRoleOption[]; held: string[]; state: FormState; legend: string }) {
  const error = state.fieldErrors?.roles;
  const kept = new Set(state.values?.roles !== undefined ? state.values.roles.split(",") : held);
  return (
    <fieldset id="field-roles" aria-describedby={error ? "roles-error" : undefined}>
      <legend className="text-sm font-medium text-gray-900">{legend}</legend>
      <FieldError id="roles-error" error={error} className="mt-1" />
      <ul className="mt-2 grid gap-2 md:grid-cols-2">
        {roles.map((role) => (
          <li key={role.id}>
            <Checkbox name="roles" value={role.id} defaultChecked={kept.has(role.id)} invalid={Boolean(error)} labelClassName="items-start">
              <span className="text-sm">
                <span className="font-medium text-gray-900">{role.name}</span>
                <span className="block text-gray-700">{role.description}</span>
              </span>
            </Checkbox>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** Invite a colleague: email, name, and the roles they start with. */
export function InviteMemberForm({ roles }: { roles: MemberRoleOption[] }) {
  const [state, formAction] = useActionState(inviteMemberAction, initialFormState);
  return (
    <form key={state.submittedAt} action={formAction} noValidate className="space-y-4">
      <ErrorSummary message={state.message} items={errorSummaryItems(state.fieldErrors, [["email", "field-email"], ["name", "field-name"], ["roles", "field-roles"]])} />
      <PersonFields state={state} />
      <RoleBoxes roles={roles} held={[]} state={state} legend="Admin roles" />
      <SubmitButton pendingLabel="Inviting…">Invite</SubmitButton>
    </form>
  );
}

/** A member's roles as checkboxes, saved as a whole. */
export function MemberRolesForm({ membershipId, roles, held }: { membershipId: string; roles: MemberRoleOption[]; held: string[] }) {
  const [state, formAction] = useActionState(setMemberRolesAction, initialFormState);
  return (
    <form key={state.submittedAt} action={formAction} noValidate className="space-y-4">
      <ErrorSummary message={state.message} items={errorSummaryItems(state.fieldErrors, [["roles", "field-roles"]])} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <RoleBoxes roles={roles} held={held} state={state} legend="Admin roles" />
      <SubmitButton pendingLabel="Saving…">Save roles</SubmitButton>
    </form>
  );
}
