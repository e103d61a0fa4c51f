import { Slot } from "@radix-ui/react-slot";
import type * as React from "react";
import { cn, type ClassValue } from "./cn";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost" | "link";
export type ButtonSize = "sm" | "md";

// The looks are component classes in app/globals.css (`.button`, `.button-<variant>`, `.button-<size>`): a page
// with a dozen buttons carries a dozen short class lists instead of a dozen copies of forty utilities.

export interface ButtonStyleOptions {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: ClassValue;
}

/** Button styles for elements that are not rendered through `Button` (e.g. a plain `<Link>`). */
export function buttonClasses({ variant = "primary", size = "md", className }: ButtonStyleOptions = {}): string {
  return cn("button", `button-${variant}`, variant === "link" ? null : `button-${size}`, className);
}

export type ButtonProps = React.ComponentProps<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Render the single child element (e.g. `<Link>`) with button styles instead of a `<button>`. */
  asChild?: boolean;
};

/** A native `<button>`; `type` keeps the HTML default ("submit") unless given. */
export function Button({ variant, size, asChild = false, className, ...props }: ButtonProps) {
  const classes = buttonClasses({ variant, size, className });
  if (asChild) {
    return <Slot className={classes} {...props} />;
  }
  return <button className={classes} {...props} />;
}
