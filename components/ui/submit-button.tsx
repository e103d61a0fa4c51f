"use client";

/*
 * While the form is pending the button gets aria-disabled (not the `disabled`
 * attribute) and swallows clicks: a disabled button would drop keyboard focus to
 * <body> mid-submit. Implicit submission (Enter in a field) clicks the default
 * button too, so it is blocked as well. A polite live region next to the button
 * announces the pending label, since a label change on a focused button is not
 * reliably read out.
 */

import type * as React from "react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "./button";

export type SubmitButtonProps = Omit<ButtonProps, "type" | "asChild"> & {
  /** Shown (and announced) while the enclosing form's action is pending, e.g. "Saving…". */
  pendingLabel?: React.ReactNode;
};

export function SubmitButton({ children, pendingLabel, onClick, disabled, ...props }: SubmitButtonProps) {
  const { pending } = useFormStatus();

  return (
    <>
      <Button
        {...props}
        type="submit"
        disabled={disabled}
        aria-disabled={pending || disabled || undefined}
        data-pending={pending || undefined}
        onClick={(event) => {
          if (pending) {
            event.preventDefault();
            return;
          }
          onClick?.(event);
        }}
      >
        {pending ? <Spinner /> : null}
        {pending && pendingLabel != null ? pendingLabel : children}
      </Button>
      <span role="status" className="sr-only">
        {pending ? (pendingLabel ?? "Submitting…") : null}
      </span>
    </>
  );
}

function Spinner() {
  return (
    <svg viewBox="0 0 16 16" fill="none" aria-hidden="true" className="animate-spin">
      <circle cx="8" cy="8" r="6" stroke="currentColor" strokeOpacity="0.3" strokeWidth="2" />
      <path d="M14 8a6 6 0 0 0-6-6" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
