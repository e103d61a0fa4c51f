import type * as React from "react";
import { cn, focusRing } from "./cn";

/*
 * Text-control borders: light grey all round with a darker bottom edge (as in
 * Fluent), so the field boundary meets the 3:1 non-text contrast minimum.
 */

/** Shared look of text-like controls (input, textarea, select). */
export function controlClasses(invalid: boolean): string {
  return cn(
    "block w-full rounded-md border bg-white px-3 text-sm text-gray-900 shadow-xs transition-colors",
    "placeholder:text-gray-500",
    "disabled:cursor-not-allowed disabled:border-gray-200 disabled:bg-gray-100 disabled:text-gray-600",
    "[&[readonly]]:bg-gray-50",
    focusRing,
    invalid
      ? "border-red-600 hover:border-red-700"
      : "border-gray-300 border-b-gray-500 hover:border-gray-400 hover:border-b-gray-600 focus-visible:border-accent-600",
  );
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
      className={cn(
        controlClasses(bad),
        "h-9 py-1.5",
        "file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-gray-900",
        className,
      )}
      {...props}
    />
  );
}
