import type * as React from "react";
import { cn } from "./cn";
import { controlClasses, isInvalid } from "./input";

export type TextareaProps = React.ComponentProps<"textarea"> & {
  /** Sets `aria-invalid` and a red border. */
  invalid?: boolean;
};

export function Textarea({ className, invalid, rows = 4, "aria-invalid": ariaInvalid, ...props }: TextareaProps) {
  const bad = isInvalid(invalid, ariaInvalid);
  return (
    <textarea
      rows={rows}
      aria-invalid={bad ? true : ariaInvalid}
      className={cn(controlClasses(bad), "min-h-20 resize-y py-2 leading-6", className)}
      {...props}
    />
  );
}
