"use client";

import Link from "next/link";
import { useActionState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { ErrorSummary, errorSummaryItems } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { initialFormState, type FormState } from "@/lib/forms";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Decline a customer request: the reason is required and kept with the request. Works without JavaScript. */
export function DeclineRequestForm({ action, recipientId, maxLength, cancelHref }: { action: Action; recipientId: string; maxLength: number; cancelHref: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const error = state.fieldErrors?.reason;
  return (
    <form key={state.submittedAt} action={formAction} className="space-y-4" noValidate>
      <ErrorSummary message={state.message} items={errorSummaryItems(state.fieldErrors, [["reason", "field-reason"]])} />
      <input type="hidden" name="recipientId" value={recipientId} />
      <Field
        label="Reason for declining"
        name="reason"
        required
        error={error}
        hint={`Kept with the request, so everyone in your organization sees why. Up to ${maxLength} characters.`}
      >
        {(p) => <Textarea {...p} rows={4} maxLength={maxLength} defaultValue={state.values?.reason ?? ""} />}
      </Field>
      <div className="flex flex-wrap gap-3">
        <SubmitButton variant="danger" pendingLabel="Declining…">
          Decline request
        </SubmitButton>
        <Link className={buttonClasses({ variant: "secondary" })} href={cancelHref}>
          Keep it
        </Link>
      </div>
    </form>
  );
}
