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

/*
 * Reading a form: every action reads its fields through these three, so a form is taken as a browser
 * sends it or refused, never read another way. A field a browser would send once but that came twice
 * or as a file reads as null, which no schema accepts.
 */

/** The named fields as single text values: a missing field is absent; one sent twice or as a file is null. */
export function formFields<K extends string>(formData: FormData, names: readonly K[]): Partial<Record<K, string | null>> {
  const values: Partial<Record<K, string | null>> = {};
  for (const name of names) {
    const all = formData.getAll(name);
    if (all.length === 0) continue;
    values[name] = all.length === 1 && typeof all[0] === "string" ? all[0] : null;
  }
  return values;
}

/** Every value of a field sent once per choice (checkboxes, a list in hidden fields); null when one of them is a file. */
export function formList(formData: FormData, name: string): string[] | null {
  const all = formData.getAll(name);
  return all.every((value): value is string => typeof value === "string") ? all : null;
}

/** A checkbox: checked when the browser sent it ("on"). */
export function formChecked(formData: FormData, name: string): boolean {
  return formData.get(name) === "on";
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
