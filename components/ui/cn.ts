import { clsx, type ClassValue } from "clsx";

export type { ClassValue };

/**
 * Joins class names with clsx. There is no tailwind-merge, so a caller's class
 * does not remove a conflicting base class: components put `className` last and
 * keep their base classes minimal. To override a base utility reliably, use
 * Tailwind's important modifier, e.g. `w-auto!`.
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}

/** The shared keyboard focus indicator: 2px accent outline, offset 2px. */
export const focusRing =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600";
