import type * as React from "react";
import { cn } from "./cn";
import { controlClasses, isInvalid } from "./input";

export type SelectProps = React.ComponentProps<"select"> & {
  /** Sets `aria-invalid` and a red border. */
  invalid?: boolean;
};

/** A styled native `<select>`; pass `<option>` / `<optgroup>` children. */
export function Select({ className, invalid, "aria-invalid": ariaInvalid, ...props }: SelectProps) {
  const bad = isInvalid(invalid, ariaInvalid);
  const listBox = Boolean(props.multiple) || (props.size ?? 1) > 1;
  return (
    <select
      aria-invalid={bad ? true : ariaInvalid}
      className={cn(controlClasses(bad), listBox ? "py-1.5" : "select-chevron h-9 py-1.5 pr-9", className)}
      {...props}
    />
  );
}
