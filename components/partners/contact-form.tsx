"use client";

import { useActionState } from "react";
import { ErrorSummary, errorSummaryItems } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { sendContactRequestAction } from "@/lib/contact-requests/actions";
import { initialFormState } from "@/lib/forms";

interface Option {
  value: string;
  label: string;
}

/** The fields in the form's order, each with the control an error links to. */
const CONTACT_FIELDS = (["name", "email", "company", "phone", "country", "size", "needs"] as const).map((name) => [name, `field-${name}`] as const);

export function ContactForm({
  partnerSlugs,
  idempotencyKey,
  countries,
  sizes,
  defaults,
}: {
  partnerSlugs: string[];
  idempotencyKey: string;
  countries: Option[];
  sizes: Option[];
  defaults: { country?: string; size?: string };
}) {
  const [state, formAction] = useActionState(sendContactRequestAction, initialFormState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form key={state.submittedAt} action={formAction} noValidate className="space-y-5">
      <ErrorSummary message={state.message} items={errorSummaryItems(state.fieldErrors, CONTACT_FIELDS)} />
      {partnerSlugs.map((slug) => (
        <input key={slug} type="hidden" name="partner" value={slug} />
      ))}
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Your name" name="name" required error={e.name}>
          {(p) => <Input {...p} autoComplete="name" defaultValue={v.name} maxLength={100} />}
        </Field>
        <Field label="Work email" name="email" required error={e.email}>
          {(p) => <Input {...p} type="email" autoComplete="email" defaultValue={v.email} maxLength={254} />}
        </Field>
        <Field label="Company" name="company" required error={e.company}>
          {(p) => <Input {...p} autoComplete="organization" defaultValue={v.company} maxLength={120} />}
        </Field>
        <Field label="Phone" name="phone" error={e.phone}>
          {(p) => <Input {...p} type="tel" autoComplete="tel" defaultValue={v.phone} maxLength={40} />}
        </Field>
        <Field label="Country/region" name="country" required error={e.country}>
          {(p) => (
            <Select {...p} defaultValue={v.country ?? defaults.country ?? ""}>
              <option value="">Choose…</option>
              {countries.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Organization size" name="size" required error={e.size}>
          {(p) => (
            <Select {...p} defaultValue={v.size ?? defaults.size ?? ""}>
              <option value="">Choose…</option>
              {sizes.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Field
        label="Describe your business needs"
        name="needs"
        required
        error={e.needs}
        hint="What you want to achieve, the services you need and any timing. 20 to 2,000 characters."
      >
        {(p) => <Textarea {...p} rows={6} defaultValue={v.needs} maxLength={2000} />}
      </Field>
      <SubmitButton pendingLabel="Sending…">Send</SubmitButton>
    </form>
  );
}
