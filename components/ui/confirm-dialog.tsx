"use client";

/*
 * A confirmation for an action that cannot be undone. Without JavaScript the trigger is a link to
 * a page that asks the same question with the same form; with it, the question opens in a dialog
 * over the current page. Closing the dialog (No, Escape, Close) returns focus to the trigger.
 * The body names what will happen and holds the form whose Yes does it; ConfirmDialogNo keeps
 * things as they are.
 */

import type * as React from "react";
import { useRef, useState } from "react";
import { buttonClasses, type ButtonVariant } from "./button";
import { Dialog, DialogClose, DialogContent, DialogTitle } from "./dialog";

export function ConfirmDialog({
  triggerLabel,
  triggerVariant = "danger",
  confirmHref,
  title,
  children,
}: {
  /** The action's name on the page, e.g. "Cancel invitation". */
  triggerLabel: string;
  triggerVariant?: ButtonVariant;
  /** The page that asks the same question without JavaScript. */
  confirmHref: string;
  /** The question, e.g. "Cancel this invitation?". */
  title: string;
  /** What will happen, and the form with Yes (and ConfirmDialogNo). */
  children: React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLAnchorElement>(null);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <a
        ref={trigger}
        href={confirmHref}
        role="button"
        aria-haspopup="dialog"
        className={buttonClasses({ variant: triggerVariant })}
        onClick={(event) => {
          event.preventDefault();
          setOpen(true);
        }}
      >
        {triggerLabel}
      </a>
      <DialogContent
        aria-describedby={undefined}
        onCloseAutoFocus={(event) => {
          // Focus goes back to the trigger, as it would with a dialog trigger button.
          event.preventDefault();
          trigger.current?.focus();
        }}
      >
        <DialogTitle>{title}</DialogTitle>
        {children}
      </DialogContent>
    </Dialog>
  );
}

/** "No": closes the dialog and changes nothing. */
export function ConfirmDialogNo({ children = "No" }: { children?: React.ReactNode }) {
  return <DialogClose className={buttonClasses({ variant: "secondary" })}>{children}</DialogClose>;
}
