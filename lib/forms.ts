import { z } from "zod";

/** What every form action returns to `useActionState`: a message, errors per field, and what was typed. */
export interface FormState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
  /**
   * Set on every refused submission. Forms use it as their `key`, so fields remount with the
   * typed values as defaults (React's automatic form reset would otherwise restore a select's first default).
   */
  submittedAt?: number;
}

export const initialFormState: FormState = { ok: false };

export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    (result[key] ??= []).push(issue.message);
  }
  return result;
}

/** The submitted text fields, to put back into the form after an error (never secrets). */
export function typedValues(formData: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = formData.get(name);
    if (typeof value === "string") values[name] = value.slice(0, 5000);
  }
  return values;
}
