"use client";

import { useEffect, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";

// The chosen partners, shared by the results form and the search form so that a new search or
// another page keeps them. Without JavaScript the forms carry the same values in hidden fields.
let selection: string[] | null = null;
const listeners = new Set<() => void>();

function setSelection(next: string[]) {
  selection = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function useSelection(initial: string[]): string[] {
  return useSyncExternalStore(subscribe, () => selection ?? initial, () => initial);
}

/** Hidden `sel` fields for a form that should carry the current selection (the search form). */
export function SelectionHiddenInputs({ initial }: { initial: string[] }) {
  const current = useSelection(initial);
  return current.map((slug) => <input key={slug} type="hidden" name="sel" value={slug} />);
}

function readSelection(form: HTMLFormElement): string[] {
  const values: string[] = [];
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name="sel"]')) {
    if (input.type === "hidden" || input.checked) values.push(input.value);
  }
  return [...new Set(values)];
}

/** "N selected" and Contact selected providers, enabled for 1 to `max` partners. */
export function SelectionBar({ formId, initial, max }: { formId: string; initial: string[]; max: number }) {
  const current = useSelection(initial);
  // False in the server render (no JavaScript: the button always submits), true once hydrated.
  const hydrated = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );

  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    setSelection(readSelection(form));
    const onChange = () => {
      const next = readSelection(form);
      setSelection(next);
      // Keep the selection in the address, so reload and back/forward keep it too.
      const url = new URL(window.location.href);
      url.searchParams.delete("sel");
      for (const slug of next) url.searchParams.append("sel", slug);
      window.history.replaceState(window.history.state, "", url);
    };
    form.addEventListener("change", onChange);
    return () => form.removeEventListener("change", onChange);
  }, [formId]);

  const count = current.length;
  const tooMany = count > max;
  return (
    <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-gray-200 bg-white/95 px-4 py-3 shadow-sm backdrop-blur">
      <p aria-live="polite" className="text-sm text-gray-800">
        {count === 0 ? "Select up to 10 partners to contact them together." : `${count} selected${tooMany ? ` — choose at most ${max}` : ""}`}
      </p>
      <Button type="submit" form={formId} formAction="/partners/contact" formMethod="get" disabled={hydrated && (count === 0 || tooMany)}>
        Contact selected providers
      </Button>
    </div>
  );
}
