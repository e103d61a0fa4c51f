"use client";

import { useActionState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { initialFormState, type FormState } from "@/lib/forms";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** The acknowledgement checkbox and the accept button; the server refuses an unchecked box too. */
export function AcknowledgeAndAcceptForm({ action, buttonLabel, organizationId }: { action: Action; buttonLabel: string; organizationId?: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const error = state.fieldErrors?.acknowledge;
  return (
    <form key={state.submittedAt} action={formAction} className="space-y-4">
      {state.message && !error && <FormMessage tone="error">{state.message}</FormMessage>}
      {organizationId && <input type="hidden" name="organizationId" value={organizationId} />}
      <div>
        <Checkbox name="acknowledge" required invalid={Boolean(error)} aria-describedby={error ? "acknowledge-error" : undefined}>
          <span className="text-sm font-medium text-gray-900">I have read and acknowledge the Customer Agreement</span>
        </Checkbox>
        {error && (
          <p id="acknowledge-error" className="mt-1 text-sm text-red-700">
            {error.join(" ")}
          </p>
        )}
      </div>
      <SubmitButton pendingLabel="Working…">{buttonLabel}</SubmitButton>
    </form>
  );
}

export function DeclineInvitationForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form key={state.submittedAt} action={formAction} className="space-y-4">
      {state.message && !state.fieldErrors && <FormMessage tone="error">{state.message}</FormMessage>}
      <Field label="Reason" name="reason" error={state.fieldErrors?.reason} hint="Shared with the partner. Up to 500 characters.">
        {(p) => <Textarea {...p} rows={3} maxLength={500} />}
      </Field>
      <SubmitButton variant="secondary" pendingLabel="Cancelling…">
        Cancel invitation
      </SubmitButton>
    </form>
  );
}
