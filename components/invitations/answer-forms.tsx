"use client";

import type * as React from "react";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { ConfirmDialog, ConfirmDialogNo } from "@/components/ui/confirm-dialog";
import { DialogFooter } from "@/components/ui/dialog";
import { ErrorSummary, errorSummaryItems } from "@/components/ui/error-summary";
import { Field, FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { initialFormState, type FormState } from "@/lib/forms";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** A role the partner asked for, as the customer decides on it. */
export interface GrantRoleOption {
  id: string;
  name: string;
  description: string;
  highlyPrivileged: boolean;
  /** Why the customer may not need to give it (the partner's stated tasks do not need it); shown beside it. */
  note?: string;
}

/** What the customer can change of a request before granting it: untick roles, an earlier end, auto-extend off. */
export interface GrantChoices {
  partnerName: string;
  roles: GrantRoleOption[];
  /** The end date field (`YYYY-MM-DD`): the requested day is the default and the latest; tomorrow the earliest. */
  endsOn: { requested: string; earliest: string; requestedLabel: string } | null;
  /** Offered only when the partner asked for auto-extend: it can be turned off, never on. */
  autoExtend: boolean;
}

const ACCEPT_FIELDS = [
  ["roles", "field-roles"],
  ["endsOn", "field-endsOn"],
  ["acknowledge", "acknowledge"],
] as const;

/**
 * What is granted, the acknowledgement checkbox and the accept button. With `choices`, every requested
 * role has a checkbox (all ticked), the end date can move earlier and auto-extend can be turned off:
 * the server grants exactly what is left. It refuses an unchecked acknowledgement or an empty role list
 * itself; the browser is not asked to (noValidate, no `required`), so the refusal shows in the app's own
 * style with the error summary above it. Without JavaScript the same form posts the same fields.
 */
export function AcknowledgeAndAcceptForm({
  action,
  buttonLabel,
  organizationId,
  choices,
  children,
}: {
  action: Action;
  buttonLabel: string;
  organizationId?: string;
  choices?: GrantChoices;
  /** What precedes the acknowledgement (the agreement's heading and note). */
  children?: React.ReactNode;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const e = state.fieldErrors ?? {};
  const v = state.values;
  const error = e.acknowledge;
  // A refused form comes back with the person's choices; a fresh one with everything asked for.
  const kept = v?.roles !== undefined ? new Set(v.roles.split(",")) : undefined;
  const eligibleKept = new Set(v?.eligible ? v.eligible.split(",") : []);
  return (
    <form key={state.submittedAt} action={formAction} noValidate className="space-y-6">
      <ErrorSummary message={state.message} items={errorSummaryItems(state.fieldErrors, ACCEPT_FIELDS)} />
      {organizationId && <input type="hidden" name="organizationId" value={organizationId} />}
      {choices && (
        <section aria-labelledby="grant" className="space-y-4 rounded-lg border border-gray-200 bg-white p-5">
          <h2 id="grant" className="text-lg font-semibold text-gray-900">
            What you grant
          </h2>
          <p className="text-sm text-gray-700">
            Grant only what {choices.partnerName} needs: untick a role, move the end date earlier or turn auto-extend off. {choices.partnerName} is told
            what you granted and what you didn&apos;t.
          </p>
          {choices.roles.length > 0 && (
            <fieldset id="field-roles" aria-describedby={e.roles ? "roles-error" : undefined}>
              <input type="hidden" name="rolesOffered" value="1" />
              <legend className="text-sm font-medium text-gray-900">Roles</legend>
              <FieldError id="roles-error" error={e.roles} className="mt-1" />
              <ul className="mt-2 grid gap-2">
                {choices.roles.map((role) => (
                  <li key={role.id} className="rounded-md border border-gray-200 p-3">
                    <Checkbox name="roles" value={role.id} defaultChecked={kept ? kept.has(role.id) : true} invalid={Boolean(e.roles)} labelClassName="items-start">
                      <span className="text-sm">
                        <span className="font-medium text-gray-900">{role.name}</span>{" "}
                        {role.highlyPrivileged && <Badge tone="warning">Highly privileged</Badge>}{" "}
                        {role.note && <Badge tone="info">{role.note}</Badge>}
                        <span className="block text-gray-700">{role.description}</span>
                      </span>
                    </Checkbox>
                    <div className="mt-2 pl-6">
                      <Checkbox name="eligible" value={role.id} defaultChecked={eligibleKept.has(role.id)}>
                        <span className="text-sm text-gray-800">
                          Just-in-time<span className="sr-only"> for {role.name}</span>: held only while activated, up to 8 hours at a time
                        </span>
                      </Checkbox>
                    </div>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
          {choices.roles.length > 0 && (
            <Checkbox name="activationApproval" defaultChecked={v?.activationApproval === "on"}>
              <span className="text-sm text-gray-900">Require my approval for each activation of a just-in-time role</span>
            </Checkbox>
          )}
          {choices.endsOn && (
            <Field
              label="End date"
              name="endsOn"
              required
              error={e.endsOn}
              hint={`${choices.endsOn.requestedLabel} as asked, or earlier. Access ends on its own then.`}
            >
              {(p) => <Input {...p} type="date" min={choices.endsOn!.earliest} max={choices.endsOn!.requested} defaultValue={v?.endsOn ?? choices.endsOn!.requested} className="w-48" />}
            </Field>
          )}
          {choices.autoExtend && (
            <div className="grid gap-1.5">
              <input type="hidden" name="autoExtendOffered" value="1" />
              <Checkbox id="field-autoExtend" name="autoExtend" defaultChecked={v ? v.autoExtend === "on" : true} aria-describedby="autoExtend-hint">
                <span className="text-sm font-medium">Auto-extend by 180 days</span>
              </Checkbox>
              <p id="autoExtend-hint" className="text-sm text-gray-700">
                {choices.partnerName} asked for it. Untick it and access ends on the end date unless you extend it.
              </p>
            </div>
          )}
        </section>
      )}
      <div className="space-y-4">
        {children}
        <div className="grid gap-1.5">
          <Checkbox id="acknowledge" name="acknowledge" invalid={Boolean(error)} aria-describedby={error ? "acknowledge-error" : undefined}>
            <span className="text-sm font-medium text-gray-900">I have read and acknowledge the Customer Agreement</span>
          </Checkbox>
          <FieldError id="acknowledge-error" error={error} />
        </div>
        <SubmitButton pendingLabel="Working…">{buttonLabel}</SubmitButton>
      </div>
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
