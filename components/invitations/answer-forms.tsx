"use client";

import type * as React from "react";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Checkbox } from "@/components/ui/checkbox";
import { ConfirmDialog, ConfirmDialogNo } from "@/components/ui/confirm-dialog";
import { DialogFooter } from "@/components/ui/dialog";
import { ErrorSummary, errorSummaryItems } from "@/components/ui/error-summary";
import { Field, FieldError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { initialFormState, type FormState } from "@/lib/forms";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * The acknowledgement checkbox and the accept button. The server refuses an unchecked box; the
 * browser is not asked to (noValidate, no `required`), so the refusal shows in the app's own style
 * with the error summary above it, not as the browser's bubble.
 */
export function AcknowledgeAndAcceptForm({ action, buttonLabel, organizationId }: { action: Action; buttonLabel: string; organizationId?: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const error = state.fieldErrors?.acknowledge;
  return (
    <form key={state.submittedAt} action={formAction} noValidate className="space-y-4">
      <ErrorSummary message={state.message} items={errorSummaryItems(state.fieldErrors, [["acknowledge", "acknowledge"]])} />
      {organizationId && <input type="hidden" name="organizationId" value={organizationId} />}
      <div className="grid gap-1.5">
        <Checkbox id="acknowledge" name="acknowledge" invalid={Boolean(error)} aria-describedby={error ? "acknowledge-error" : undefined}>
          <span className="text-sm font-medium text-gray-900">I have read and acknowledge the Customer Agreement</span>
        </Checkbox>
        <FieldError id="acknowledge-error" error={error} />
      </div>
      <SubmitButton pendingLabel="Working…">{buttonLabel}</SubmitButton>
    </form>
  );
}

/** What the customer's Cancel invitation does, said the same way in the dialog and on its no-JS page. */
export function CancelInvitationConsequences({ partnerName, grantsRoles }: { partnerName: string; grantsRoles: boolean }) {
  return (
    <div className="space-y-2 text-sm text-gray-800">
      <p>If you cancel this invitation:</p>
      <ul className="list-disc space-y-1 pl-5">
        <li>{grantsRoles ? `${partnerName} gets no relationship and no admin roles.` : `${partnerName} gets no relationship with your organization.`}</li>
        <li>{partnerName} is told that you canceled it, with your reason if you give one.</li>
        <li>The link in the email stops working. To work with {partnerName} later, ask them for a new invitation.</li>
      </ul>
    </div>
  );
}

/** The reason and Yes; `no` is how the person keeps the invitation (the dialog's No, or a link back). */
export function DeclineInvitationForm({ action, no }: { action: Action; no: React.ReactNode }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form key={state.submittedAt} action={formAction} noValidate className="space-y-4">
      <ErrorSummary message={state.message} items={errorSummaryItems(state.fieldErrors, [["reason", "field-reason"]])} />
      <Field label="Reason" name="reason" error={state.fieldErrors?.reason} hint="Shared with the partner. Up to 500 characters.">
        {(p) => <Textarea {...p} rows={3} maxLength={500} defaultValue={state.values?.reason} />}
      </Field>
      <DialogFooter>
        {no}
        <SubmitButton variant="danger" pendingLabel="Canceling…">
          Yes
        </SubmitButton>
      </DialogFooter>
    </form>
  );
}

/**
 * The way out of an invitation the customer doesn't want: Cancel invitation asks first (a dialog,
 * or without JavaScript the page at `confirmHref`). It speaks of roles only when the invitation asks for some.
 */
export function CancelInvitationSection({
  action,
  partnerName,
  grantsRoles,
  confirmHref,
}: {
  action: Action;
  partnerName: string;
  grantsRoles: boolean;
  confirmHref: string;
}) {
  return (
    <section aria-labelledby="decline" className="space-y-3">
      <h2 id="decline" className="text-lg font-semibold text-gray-900">
        {grantsRoles ? "Don't want to give these roles?" : "Don't want to accept this invitation?"}
      </h2>
      <Alert tone="info">Cancel the invitation instead of accepting it. Nothing is granted, and {partnerName} is told.</Alert>
      <ConfirmDialog triggerLabel="Cancel invitation" triggerVariant="secondary" confirmHref={confirmHref} title="Cancel this invitation?">
        <CancelInvitationConsequences partnerName={partnerName} grantsRoles={grantsRoles} />
        <DeclineInvitationForm action={action} no={<ConfirmDialogNo />} />
      </ConfirmDialog>
    </section>
  );
}
