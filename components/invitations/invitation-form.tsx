"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, FormMessage } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { sendInvitationAction } from "@/lib/invitations/actions";
import type { InvitationFormState } from "@/lib/invitations/schemas";
import type { RelationshipType } from "@/lib/relationships/types";

export interface TypeOption {
  id: RelationshipType;
  name: string;
  description: string;
  fixedRoles: string[];
  choosesRoles: boolean;
  allowed: boolean;
}

export interface RoleOption {
  id: string;
  name: string;
  description: string;
  highlyPrivileged: boolean;
}

const initial: InvitationFormState = { ok: false };

export function InvitationForm({
  types,
  roles,
  idempotencyKey,
  defaults,
}: {
  types: TypeOption[];
  roles: RoleOption[];
  idempotencyKey: string;
  defaults: { customerEmail?: string; message?: string; contactRecipientId?: string; durationDays: number };
}) {
  const [state, formAction] = useActionState(sendInvitationAction, initial);
  const [type, setType] = useState<string | undefined>(state.values?.type);
  const e = state.fieldErrors ?? {};
  const v = state.values ?? {};
  const showGdap = type === undefined || type === "gdap";
  const chosenRoles = (v.roles ?? "").split(",");

  return (
    <form key={state.submittedAt} action={formAction} noValidate className="space-y-6">
      {state.message && (
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
      )}
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {defaults.contactRecipientId && <input type="hidden" name="contactRecipientId" value={defaults.contactRecipientId} />}

      <Field label="Customer email" name="customerEmail" required error={e.customerEmail} hint="A Global or Billing administrator of the customer organization.">
        {(p) => <Input {...p} type="email" autoComplete="off" defaultValue={v.customerEmail ?? defaults.customerEmail} maxLength={254} />}
      </Field>

      <fieldset aria-describedby={e.type ? "type-error" : undefined}>
        <legend className="text-sm font-medium text-gray-900">Relationship type</legend>
        {e.type && (
          <p id="type-error" className="mt-1 text-sm text-red-700">
            {e.type.join(" ")}
          </p>
        )}
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
                defaultChecked={v.type === t.id}
                disabled={!t.allowed}
                onChange={() => setType(t.id)}
                className="mt-1 size-4 accent-accent-600"
              />
              <span className="text-sm">
                <span className="font-medium text-gray-900">{t.name}</span>
                {!t.allowed && <span className="text-gray-700"> — admin agents only</span>}
                <span className="block text-gray-700">{t.description}</span>
                {t.fixedRoles.length > 0 && <span className="mt-1 block text-gray-800">Grants: {t.fixedRoles.join(", ")} (fixed)</span>}
                {t.choosesRoles && <span className="mt-1 block text-gray-800">Grants: the roles you choose below, for a limited time</span>}
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {showGdap && (
        <fieldset className="space-y-4 rounded-lg border border-gray-200 bg-white p-4">
          <legend className="px-1 text-sm font-semibold text-gray-900">Granular delegated administrator (GDAP) access</legend>
          <p className="text-sm text-gray-700">Ask for the least-privileged roles that cover the work. The customer sees exactly this list.</p>
          <fieldset aria-describedby={e.roles ? "roles-error" : undefined}>
            <legend className="text-sm font-medium text-gray-900">Roles</legend>
            {e.roles && (
              <p id="roles-error" className="mt-1 text-sm text-red-700">
                {e.roles.join(" ")}
              </p>
            )}
            <ul className="mt-2 grid gap-2 md:grid-cols-2">
              {roles.map((role) => (
                <li key={role.id}>
                  <Checkbox name="roles" value={role.id} defaultChecked={chosenRoles.includes(role.id)} labelClassName="items-start">
                    <span className="text-sm">
                      <span className="font-medium text-gray-900">{role.name}</span>{" "}
                      {role.highlyPrivileged && <Badge tone="warning">Highly privileged</Badge>}
                      <span className="block text-gray-700">{role.description}</span>
                    </span>
                  </Checkbox>
                </li>
              ))}
            </ul>
          </fieldset>
          <Field label="Duration (days)" name="durationDays" required error={e.durationDays} hint="From 1 day to 2 years (730 days). Access ends on its own after this.">
            {(p) => <Input {...p} type="number" inputMode="numeric" min={1} max={730} defaultValue={v.durationDays ?? String(defaults.durationDays)} className="w-40" />}
          </Field>
          <div>
            <Checkbox name="autoExtend" defaultChecked={v.autoExtend === "on"} aria-describedby={e.autoExtend ? "autoExtend-error" : "autoExtend-hint"}>
              <span className="text-sm font-medium text-gray-900">Auto-extend by 180 days</span>
            </Checkbox>
            <p id="autoExtend-hint" className="mt-1 text-sm text-gray-700">
              Not available with Global administrator.
            </p>
            {e.autoExtend && (
              <p id="autoExtend-error" className="mt-1 text-sm text-red-700">
                {e.autoExtend.join(" ")}
              </p>
            )}
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
