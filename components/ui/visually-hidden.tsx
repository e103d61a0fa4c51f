import type * as React from "react";
import { cn } from "./cn";

export type VisuallyHiddenProps = React.ComponentProps<"span"> & {
  /** Become visible while it (or something inside it) has focus, e.g. for skip links. */
  focusable?: boolean;
};

/** Content for screen readers only. */
export function VisuallyHidden({ className, focusable = false, ...props }: VisuallyHiddenProps) {
  return (
    <span
      className={cn(focusable ? "not-focus-within:sr-only" : "sr-only", className)}
      {...props}
    />
  );
}
