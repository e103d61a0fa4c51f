import type * as React from "react";
import { cn } from "./cn";

/*
 * Text-control borders: light grey all round with a darker bottom edge (as in
 * Fluent), so the field boundary meets the 3:1 non-text contrast minimum.
 */

/** Shared look of text-like controls (input, textarea, select): `.control` in app/globals.css. */
export function controlClasses(invalid: boolean): string {
  return invalid ? "control control-invalid" : "control control-valid";
}

/** True when either the `invalid` prop or an explicit `aria-invalid` marks the control invalid. */
export function isInvalid(invalid: boolean | undefined, ariaInvalid: React.AriaAttributes["aria-invalid"]): boolean {
  return Boolean(invalid) || ariaInvalid === true || ariaInvalid === "true";
}

export type InputProps = React.ComponentProps<"input"> & {
  /** Sets `aria-invalid` and a red border. */
  invalid?: boolean;
};

export function Input({ className, invalid, type = "text", "aria-invalid": ariaInvalid, ...props }: InputProps) {
  const bad = isInvalid(invalid, ariaInvalid);
  return (
    <input
      type={type}
      aria-invalid={bad ? true : ariaInvalid}
      className={cn(controlClasses(bad), "control-input", className)}
      {...props}
    />
  );
}
