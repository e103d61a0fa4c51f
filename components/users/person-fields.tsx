"use client";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { FormState } from "@/lib/forms";

/** A person being invited: their email (required) and name, typed back after a refusal. */
export function PersonFields({ state }: { state: FormState }) {
  const e = state.fieldErrors ?? {};
  return (
    <>
      <Field label="Email" name="email" required error={e.email}>
        {(p) => <Input {...p} type="email" autoComplete="off" maxLength={254} defaultValue={state.values?.email} />}
      </Field>
      <Field label="Name" name="name" error={e.name}>
        {(p) => <Input {...p} autoComplete="off" maxLength={100} defaultValue={state.values?.name} />}
      </Field>
    </>
  );
}
