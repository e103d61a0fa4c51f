import type * as React from "react";
import { cn, focusRing } from "./cn";
import { isInvalid } from "./input";

export type CheckboxProps = Omit<React.ComponentProps<"input">, "type"> & {
  /** Sets `aria-invalid` and a red border. */
  invalid?: boolean;
  /** Optional label text; when given, the checkbox is wrapped in a `<label>`. */
  children?: React.ReactNode;
  /** Classes for the wrapping `<label>` (only rendered with children). */
  labelClassName?: string;
};

/** A native `<input type="checkbox">` (submits `value`, default "on", when checked). */
export function Checkbox({
  className,
  invalid,
  children,
  labelClassName,
  "aria-invalid": ariaInvalid,
  ...props
}: CheckboxProps) {
  const bad = isInvalid(invalid, ariaInvalid);
  const box = (
    <input
      type="checkbox"
      aria-invalid={bad ? true : ariaInvalid}
      className={cn(
        "checkbox-marks size-4 shrink-0 cursor-pointer rounded-[0.25rem] border bg-white transition-colors",
        "checked:border-accent-600 checked:bg-accent-600 indeterminate:border-accent-600 indeterminate:bg-accent-600",
        "hover:checked:bg-accent-700 hover:indeterminate:bg-accent-700",
        "disabled:cursor-not-allowed disabled:border-gray-300 disabled:bg-gray-100 disabled:checked:border-gray-400 disabled:checked:bg-gray-400",
        focusRing,
        bad ? "border-red-600" : "border-gray-500 hover:border-gray-700",
        children != null && "mt-0.5",
        className,
      )}
      {...props}
    />
  );

  if (children == null) return box;

  return (
    <label
      className={cn(
        "inline-flex items-start gap-2 text-sm text-gray-900",
        props.disabled ? "cursor-not-allowed text-gray-600" : "cursor-pointer",
        labelClassName,
      )}
    >
      {box}
      <span>{children}</span>
    </label>
  );
}
