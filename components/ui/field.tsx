/*
 * Field errors are not live regions: they are tied to the control with
 * aria-describedby (after the hint) and read when the control is focused, each
 * prefixed with a visually hidden "Error:". Announce the overall result with
 * FormMessage instead. FormMessage uses role="alert" only for errors; success
 * and info messages use the polite role="status".
 */

import type * as React from "react";
import { Alert } from "./alert";
import { cn } from "./cn";
import { Label } from "./label";

export interface FieldControlProps {
  id: string;
  name: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
  required?: boolean;
}

export interface FieldProps {
  label: string;
  name: string;
  /** Defaults to `field-<name>`; pass one when the same name appears twice on a page. */
  id?: string;
  hint?: string;
  error?: string | string[];
  required?: boolean;
  className?: string;
  /** Render the control, spreading the given props onto it: `{(p) => <Input {...p} />}`. */
  children: (controlProps: FieldControlProps) => React.ReactNode;
}

export function Field({ label, name, id, hint, error, required = false, className, children }: FieldProps) {
  const controlId = id ?? `field-${name.replace(/\s+/g, "-")}`;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const errors = (Array.isArray(error) ? error : error ? [error] : []).filter((message) => message.length > 0);
  const hasError = errors.length > 0;
  const describedBy = [hint ? hintId : null, hasError ? errorId : null].filter(Boolean).join(" ");

  const controlProps: FieldControlProps = {
    id: controlId,
    name,
    "aria-describedby": describedBy || undefined,
    "aria-invalid": hasError || undefined,
    required: required || undefined,
  };

  return (
    <div className={cn("grid content-start gap-1.5", className)}>
      <Label htmlFor={controlId}>
        {label}
        {required ? null : <span className="font-normal text-gray-600"> (optional)</span>}
      </Label>
      {children(controlProps)}
      {hint ? (
        <p id={hintId} className="text-sm text-gray-600">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} error={errors} />
    </div>
  );
}

/**
 * A control's error messages in the app's style (icon, "Error:" for screen readers), for controls
 * not rendered through Field: a checkbox, a group of radios or checkboxes. Point the control's (or
 * fieldset's) aria-describedby at `id`. Renders nothing without a message.
 */
export function FieldError({ id, error, className }: { id: string; error?: string | string[]; className?: string }) {
  const errors = (Array.isArray(error) ? error : error ? [error] : []).filter((message) => message.length > 0);
  if (errors.length === 0) return null;
  return (
    <div id={id} className={cn("grid gap-0.5 text-sm font-medium text-red-700", className)}>
      {errors.map((message, index) => (
        <p key={index} className="flex items-start gap-1.5">
          <ErrorIcon />
          <span>
            <span className="sr-only">Error: </span>
            {message}
          </span>
        </p>
      ))}
    </div>
  );
}

function ErrorIcon() {
  return (
    <svg viewBox="0 0 16 16" fill="currentColor" aria-hidden="true" className="mt-0.5 size-4 shrink-0">
      <path
        fillRule="evenodd"
        d="M8 15A7 7 0 1 0 8 1a7 7 0 0 0 0 14Zm-.75-10.25a.75.75 0 0 1 1.5 0v3.5a.75.75 0 0 1-1.5 0v-3.5ZM8 12a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
        clipRule="evenodd"
      />
    </svg>
  );
}

export type FormMessageTone = "error" | "success" | "info";

export type FormMessageProps = Omit<React.ComponentProps<"div">, "title"> & {
  tone: FormMessageTone;
  /** Optional bold first line. */
  title?: React.ReactNode;
};

/** A form-level message (e.g. from a server action's result). */
export function FormMessage({ tone, ...props }: FormMessageProps) {
  return <Alert tone={tone === "error" ? "danger" : tone} {...props} />;
}
