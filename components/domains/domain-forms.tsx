"use client";

import { useActionState } from "react";
import { ErrorSummary, errorSummaryItems } from "@/components/ui/error-summary";
import { Field, FormMessage } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState, type FormState } from "@/lib/forms";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function AddDomainForm({ action, organizationId }: { action: Action; organizationId: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form key={state.submittedAt} action={formAction} className="space-y-4" noValidate>
      <ErrorSummary message={state.message} items={errorSummaryItems(state.fieldErrors, [["domain", "field-domain"]])} />
      <input type="hidden" name="organizationId" value={organizationId} />
      <Field label="Domain" name="domain" required error={state.fieldErrors?.domain} hint="The part of your addresses after the @, like contoso.com.">
        {(p) => <Input {...p} defaultValue={state.values?.domain ?? ""} autoComplete="off" autoCapitalize="none" spellCheck={false} inputMode="url" />}
      </Field>
      <SubmitButton pendingLabel="Adding…">Add domain</SubmitButton>
    </form>
  );
}

/** Verify and Remove: a button for one domain, whose outcome (when refused) shows beside it. */
export function DomainButtonForm({
  action,
  organizationId,
  domainId,
  domain,
  label,
  pendingLabel,
  variant,
}: {
  action: Action;
  organizationId: string;
  domainId: string;
  domain: string;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary";
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="domainId" value={domainId} />
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {label}
        <span className="sr-only"> {domain}</span>
      </SubmitButton>
      {state.message && <FormMessage tone="error">{state.message}</FormMessage>}
    </form>
  );
}
