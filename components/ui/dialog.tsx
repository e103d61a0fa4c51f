"use client";

/*
 * Radix provides the dialog semantics: role="dialog" + aria-modal, Escape to
 * close, focus trapped inside and returned to the trigger on close. The close
 * button is placed after the content so that initial focus lands on the first
 * control of the dialog rather than on "Close". Without a DialogDescription,
 * pass aria-describedby={undefined} to DialogContent.
 */

import * as DialogPrimitive from "@radix-ui/react-dialog";
import type * as React from "react";
import { cn, focusRing } from "./cn";

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;
export const DialogPortal = DialogPrimitive.Portal;

export type DialogContentProps = React.ComponentProps<typeof DialogPrimitive.Content> & {
  /** Render the "Close" (×) button in the corner. Defaults to true. */
  showCloseButton?: boolean;
  /** Classes for the backdrop. */
  overlayClassName?: string;
};

export function DialogContent({
  className,
  children,
  showCloseButton = true,
  overlayClassName,
  ...props
}: DialogContentProps) {
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay
        className={cn(
          "fixed inset-0 z-50 bg-gray-900/40",
          "data-[state=closed]:animate-overlay-out data-[state=open]:animate-overlay-in",
          overlayClassName,
        )}
      />
      <DialogPrimitive.Content
        className={cn(
          "fixed inset-0 z-50 m-auto grid h-fit max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-lg gap-4 overflow-y-auto",
          "rounded-lg border border-gray-200 bg-white p-6 text-gray-900 shadow-xl",
          "data-[state=closed]:animate-dialog-out data-[state=open]:animate-dialog-in",
          className,
        )}
        {...props}
      >
        {children}
        {showCloseButton ? (
          <DialogPrimitive.Close
            className={cn(
              "absolute top-3 right-3 inline-flex size-8 items-center justify-center rounded-md text-gray-600 transition-colors",
              "hover:bg-gray-100 hover:text-gray-900 active:bg-gray-200",
              focusRing,
            )}
          >
            <svg
              viewBox="0 0 16 16"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
              strokeLinecap="round"
              aria-hidden="true"
              className="size-4"
            >
              <path d="m4 4 8 8M12 4l-8 8" />
            </svg>
            <span className="sr-only">Close</span>
          </DialogPrimitive.Close>
        ) : null}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

export function DialogHeader({ className, ...props }: React.ComponentProps<"div">) {
  return <div className={cn("grid gap-1.5", className)} {...props} />;
}

export function DialogTitle({ className, ...props }: React.ComponentProps<typeof DialogPrimitive.Title>) {
  return (
    <DialogPrimitive.Title
      className={cn("pr-8 text-lg leading-7 font-semibold text-gray-900", className)}
      {...props}
    />
  );
}

export function DialogDescription({ className, ...props }: React.ComponentProps<typeof DialogPrimitive.Description>) {
  return <DialogPrimitive.Description className={cn("text-sm text-gray-600", className)} {...props} />;
}

export function DialogFooter({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      className={cn("mt-2 flex flex-col-reverse gap-2 sm:flex-row sm:items-center sm:justify-end", className)}
      {...props}
    />
  );
}
