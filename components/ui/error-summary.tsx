"use client";

/*
 * "There is a problem" above a refused form, with a link to each field in error (the pattern of
 * the GOV.UK error summary). It takes focus when it appears, so after a failed submit a keyboard or
 * screen-reader user lands on the list of what to fix instead of on <body>; forms remount on every
 * refusal (their key is the refusal's time), so it appears, and takes focus, once per refusal. The
 * inner role="alert" announces it where focus alone would not (a submit that never moved focus).
 * It is a region named "There is a problem", so it can be found by that name.
 * Without JavaScript the page is rendered with it at the top and the links still jump to the fields.
 */

import { useEffect, useId, useRef } from "react";
import { cn, focusRing } from "./cn";

export interface ErrorSummaryItem {
  message: string;
  /** The id of the control to go to (or of a fieldset/group, whose first control gets focus). */
  target?: string;
}

/**
 * The items in the form's order: `fields` maps each field name to the id of its control, in the
 * order the fields appear. Errors for names not listed (e.g. the form as a whole) come last, unlinked.
 */
export function errorSummaryItems(fieldErrors: Record<string, string[] | undefined> | undefined, fields: readonly (readonly [name: string, target: string])[]): ErrorSummaryItem[] {
  if (!fieldErrors) return [];
  const known = new Set(fields.map(([name]) => name));
  const linked = fields.flatMap(([name, target]) => (fieldErrors[name] ?? []).map((message) => ({ message, target })));
  const rest = Object.entries(fieldErrors)
    .filter(([name]) => !known.has(name))
    .flatMap(([, messages]) => (messages ?? []).map((message) => ({ message })));
  return [...linked, ...rest];
}

export function ErrorSummary({ message, items, className }: { message?: string; items: ErrorSummaryItem[]; className?: string }) {
  const box = useRef<HTMLElement>(null);
  const titleId = useId();
  const shown = Boolean(message) || items.length > 0;

  useEffect(() => {
    if (shown) box.current?.focus();
  }, [shown]);

  if (!shown) return null;
  // The form-level message repeats nothing a field already says.
  const lead = message && !items.some((item) => item.message === message) ? message : undefined;

  return (
    <section
      ref={box}
      tabIndex={-1}
      aria-labelledby={titleId}
      data-error-summary=""
      className={cn("rounded-md border-2 border-red-700 bg-red-50 p-4 text-sm text-gray-900 focus:outline-2 focus:outline-offset-2 focus:outline-accent-600", className)}
    >
      <div role="alert">
        <h2 id={titleId} className="text-base font-semibold text-red-800">
          There is a problem
        </h2>
        {lead ? <p className="mt-1">{lead}</p> : null}
        {items.length > 0 ? (
          <ul className="mt-2 grid gap-1">
            {items.map((item, index) => (
              <li key={index}>
                {item.target ? (
                  <a
                    href={`#${item.target}`}
                    className={cn("font-medium text-red-800 underline underline-offset-2 hover:text-red-900", focusRing)}
                    onClick={(event) => {
                      if (goToField(item.target!)) event.preventDefault();
                    }}
                  >
                    {item.message}
                  </a>
                ) : (
                  <span className="font-medium text-red-800">{item.message}</span>
                )}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}

/** Focus the field (or the first usable control of a group) and bring its label or legend into view. */
function goToField(id: string): boolean {
  const target = document.getElementById(id);
  if (!target) return false;
  const control = target.matches("input, select, textarea, button")
    ? target
    : target.querySelector<HTMLElement>("input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled])");
  if (!control) return false;
  const label = target.closest("fieldset")?.querySelector("legend") ?? (control.id ? document.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null) ?? control;
  control.focus({ preventScroll: true });
  label.scrollIntoView({ block: "start" });
  return true;
}
