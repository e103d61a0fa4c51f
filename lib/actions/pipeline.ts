import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { AuthorizationError, getActor, type Actor } from "@/lib/authz";
import { kickOutbox } from "@/lib/email/deliver";
import { fieldErrors, typedValues, type FormState } from "@/lib/forms";

/**
 * Every server action is one of two shapes, built here so each reads the same way:
 *   read the form → parse it with its zod schema → the signed-in actor → the domain call, which
 *   authorizes through the permission map → a typed outcome → revalidate, wake the outbox, redirect.
 * Nothing else catches AuthorizationError, matches message text, or trusts the argument to be a form.
 */

/** A domain call's refusal: a code for the address bar (button actions), a message for the person. */
export interface Refusal {
  ok: false;
  code?: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
}

/** A domain call's outcome: done (with whatever it reports), or refused. */
type Outcome = { ok: true } | Refusal;
type Done<O> = Extract<O, { ok: true }>;
type Refused<O> = Extract<O, { ok: false }>;

/** What a domain call gets: the database and whoever is signed in (the domain decides what they may do). */
export interface Call<I> {
  db: Db;
  actor: Actor | null;
  input: I;
}

/** Where a success goes: the page to redirect to, what to revalidate, and whether email was queued. */
export interface Success {
  redirect: string;
  revalidate?: string | { path: string; type: "layout" | "page" };
  emailed?: boolean;
}

const UNREADABLE = "This form could not be read. Reload the page and send it again.";

function revalidate(target: Success["revalidate"]) {
  if (!target) return;
  if (typeof target === "string") revalidatePath(target);
  else revalidatePath(target.path, target.type);
}

async function callDomain<I, R>(run: (call: Call<I>) => Promise<R>, input: I): Promise<R | AuthorizationError> {
  try {
    return await run({ db: await getDb(), actor: await getActor(), input });
  } catch (error) {
    if (error instanceof AuthorizationError) return error;
    throw error;
  }
}

export interface FormActionDefinition<I, O extends Outcome, S extends FormState, B = undefined> {
  /** The form as the schema reads it. */
  read: (formData: FormData) => unknown;
  schema: z.ZodType<I>;
  /** Text fields typed back into a refused form (never secrets). */
  fields: readonly string[];
  /** The summary above the field messages when the input is invalid (it may depend on which fields). */
  invalidMessage?: string | ((errors: Record<string, string[]>) => string);
  /** Said when the permission map refuses the actor. */
  forbidden?: string;
  /** The domain call; `bound` is what the page bound to the action (a token), never a form field. */
  run: (call: Call<I> & { bound: B }) => Promise<O>;
  /** For a bound action: what the bound value must be (it still arrives from the browser, encrypted). */
  bound?: z.ZodType<B>;
  /** What a refused form also keeps (choices that are not text fields, a link to a duplicate). */
  keep?: (formData: FormData, refusal?: Refused<O>) => Partial<S>;
  /** Where a success goes, or (`stay`) the state the form shows instead: a result to read once, such as a new token. */
  then: (result: Done<O>, input: I, bound: B) => Success | { stay: Partial<S> };
}

async function submitForm<I, O extends Outcome, S extends FormState, B>(definition: FormActionDefinition<I, O, S, B>, bound: B, formData: FormData): Promise<S> {
  if (!(formData instanceof FormData) || (definition.bound && !definition.bound.safeParse(bound).success)) {
    return { ok: false, message: UNREADABLE, submittedAt: Date.now() } as S;
  }
  const refuse = (message: string, errors: Record<string, string[]> | undefined, refusal?: Refused<O>): S =>
    ({
      ok: false,
      message,
      fieldErrors: errors,
      values: typedValues(formData, definition.fields),
      submittedAt: Date.now(),
      ...definition.keep?.(formData, refusal),
    }) as S;
  const parsed = definition.schema.safeParse(definition.read(formData));
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    const summary = typeof definition.invalidMessage === "function" ? definition.invalidMessage(errors) : definition.invalidMessage;
    return refuse(summary ?? "Check the highlighted fields and try again.", errors);
  }
  const result = await callDomain((call: Call<I>) => definition.run({ ...call, bound }), parsed.data);
  if (result instanceof AuthorizationError) return refuse(definition.forbidden ?? result.message, undefined);
  if (!result.ok) {
    const refusal = result as Refused<O>;
    return refuse(refusal.message, refusal.fieldErrors, refusal);
  }
  const success = definition.then(result as Done<O>, parsed.data, bound);
  if ("stay" in success) return { ok: true, submittedAt: Date.now(), ...success.stay } as S;
  if (success.emailed) kickOutbox();
  revalidate(success.revalidate);
  redirect(success.redirect);
}

/** A form used with useActionState: refusals come back as form state, success redirects. */
export function formAction<I, O extends Outcome, S extends FormState = FormState>(definition: FormActionDefinition<I, O, S>) {
  return (_previous: S, formData: FormData): Promise<S> => submitForm(definition, undefined, formData);
}

/** The same, for a form whose page binds a value to the action (`action.bind(null, token)`), checked by `bound`. */
export function boundFormAction<B, I, O extends Outcome, S extends FormState = FormState>(definition: FormActionDefinition<I, O, S, B> & { bound: z.ZodType<B> }) {
  return (bound: B, _previous: S, formData: FormData): Promise<S> => submitForm(definition, bound, formData);
}

export interface ButtonActionDefinition<I, O extends Outcome> {
  read: (formData: FormData) => unknown;
  schema: z.ZodType<I>;
  /** The page the button returns to, with `?done=<code>` or `?error=<code>`. */
  page: (input: I) => string;
  /** Where a form that could not be read returns to. */
  fallbackPage: string;
  run: (call: Call<I>) => Promise<O>;
  done: (result: Done<O>, input: I) => string;
  emailed?: (result: Done<O>) => boolean;
  revalidate: string;
}

/**
 * A button that changes one thing and returns to its page with an outcome code in the address
 * (never free text): `done=<code>`, or `error=<code>` with `forbidden` for the permission map's refusal.
 */
export function buttonAction<I, O extends Outcome>(definition: ButtonActionDefinition<I, O>) {
  return async (formData: FormData): Promise<void> => {
    if (!(formData instanceof FormData)) redirect(`${definition.fallbackPage}?error=not_found`);
    const parsed = definition.schema.safeParse(definition.read(formData));
    if (!parsed.success) redirect(`${definition.fallbackPage}?error=not_found`);
    const input = parsed.data;
    const result = await callDomain(definition.run, input);
    let outcome: string;
    if (result instanceof AuthorizationError) outcome = "error=forbidden";
    else if (!result.ok) outcome = `error=${(result as Refused<O>).code ?? "not_found"}`;
    else {
      outcome = `done=${definition.done(result as Done<O>, input)}`;
      if (definition.emailed?.(result as Done<O>)) kickOutbox();
    }
    revalidatePath(definition.revalidate);
    redirect(`${definition.page(input)}?${outcome}`);
  };
}

/** lib/forms.ts's reader of single text fields, also offered where actions are built. */
export { formFields } from "@/lib/forms";
