/*
 * The table sits in a horizontally scrollable wrapper with tabIndex={0} so
 * keyboard users can scroll wide tables with the arrow keys. When `aria-label`
 * is given it names that wrapper, which becomes role="region"; name the table
 * itself with TableCaption (use className="sr-only" to hide it visually).
 */

import type * as React from "react";
import { cn, focusRing } from "./cn";

export type TableProps = React.ComponentProps<"table"> & {
  /** Classes for the scrollable wrapper `<div>`. */
  containerClassName?: string;
};

export function Table({ className, containerClassName, "aria-label": ariaLabel, ...props }: TableProps) {
  return (
    <div
      tabIndex={0}
      role={ariaLabel ? "region" : undefined}
      aria-label={ariaLabel || undefined}
      className={cn("relative w-full overflow-x-auto", focusRing, containerClassName)}
    >
      <table className={cn("w-full border-collapse text-left text-sm text-gray-900", className)} {...props} />
    </div>
  );
}

export function TableCaption({ className, ...props }: React.ComponentProps<"caption">) {
  return <caption className={cn("px-4 py-3 text-left text-sm text-gray-600", className)} {...props} />;
}

export function TableHeader({ className, ...props }: React.ComponentProps<"thead">) {
  return <thead className={cn("border-b border-gray-200 bg-gray-50", className)} {...props} />;
}

export function TableBody({ className, ...props }: React.ComponentProps<"tbody">) {
  return (
    <tbody
      className={cn("[&>tr]:border-b [&>tr]:border-gray-200 [&>tr:hover]:bg-gray-50 [&>tr:last-child]:border-b-0", className)}
      {...props}
    />
  );
}

export function TableRow({ className, ...props }: React.ComponentProps<"tr">) {
  return (
    <tr
      className={cn("transition-colors aria-selected:bg-accent-50 data-[state=selected]:bg-accent-50", className)}
      {...props}
    />
  );
}

/** Header cell; `scope` defaults to "col" (pass scope="row" for row headers). */
export function TableHead({ className, scope = "col", ...props }: React.ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      className={cn(
        "px-4 text-left align-middle",
        scope === "row"
          ? "py-3 font-medium text-gray-900"
          : "h-10 py-2 text-xs font-semibold tracking-wide whitespace-nowrap text-gray-700",
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: React.ComponentProps<"td">) {
  return <td className={cn("px-4 py-3 align-middle text-gray-800", className)} {...props} />;
}
