import { Slot } from "@radix-ui/react-slot";
import type * as React from "react";
import { cn, focusRing, type ClassValue } from "./cn";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost" | "link";
export type ButtonSize = "sm" | "md";

const base =
  "inline-flex items-center justify-center gap-2 rounded-md font-medium whitespace-nowrap select-none transition-colors " +
  "[&_svg]:size-4 [&_svg]:shrink-0 " +
  "disabled:pointer-events-none disabled:opacity-50 aria-disabled:pointer-events-none aria-disabled:opacity-60";

const variants: Record<ButtonVariant, string> = {
  primary: "border border-transparent bg-accent-600 text-white shadow-xs hover:bg-accent-700 active:bg-accent-800",
  secondary: "border border-gray-300 bg-white text-gray-900 shadow-xs hover:border-gray-400 hover:bg-gray-50 active:bg-gray-100",
  danger: "border border-transparent bg-red-700 text-white shadow-xs hover:bg-red-800 active:bg-red-900",
  ghost: "border border-transparent bg-transparent text-gray-700 hover:bg-gray-100 hover:text-gray-900 active:bg-gray-200",
  link: "rounded-sm text-accent-700 underline decoration-accent-700/40 underline-offset-4 hover:text-accent-800 hover:decoration-accent-800",
};

const sizes: Record<ButtonSize, string> = {
  sm: "h-8 px-3 text-sm",
  md: "h-9 px-4 text-sm",
};

export interface ButtonStyleOptions {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: ClassValue;
}

/** Button styles for elements that are not rendered through `Button` (e.g. a plain `<Link>`). */
export function buttonClasses({ variant = "primary", size = "md", className }: ButtonStyleOptions = {}): string {
  return cn(base, focusRing, variants[variant], variant === "link" ? "text-sm" : sizes[size], className);
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
