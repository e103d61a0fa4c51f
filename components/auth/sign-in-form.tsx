"use client";

import { useActionState } from "react";
import { ErrorSummary, errorSummaryItems } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { requestSignInLinkAction } from "@/lib/auth/actions";
import { initialFormState } from "@/lib/forms";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, formAction] = useActionState(requestSignInLinkAction, initialFormState);
  return (
    <form key={state.submittedAt} action={formAction} noValidate className="space-y-5">
      {!state.ok && <ErrorSummary message={state.message} items={errorSummaryItems(state.fieldErrors, [["email", "field-email"]])} />}
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <Field label="Email" name="email" required error={state.fieldErrors?.email} hint="We'll email you a link that signs you in.">
        {(props) => <Input {...props} type="email" autoComplete="email" defaultValue={state.values?.email ?? ""} autoFocus={!state.submittedAt} />}
      </Field>
      <SubmitButton pendingLabel="Sending…" className="w-full">
        Send sign-in link
      </SubmitButton>
    </form>
  );
}
