"use client";

import { useSearchParams } from "next/navigation";
import { useMemo, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";

// The chosen partners live in the address (`sel=`), and nowhere else: the server renders every
// checkbox from it, and in the browser every tick rewrites it (history.replaceState, which Next.js
// turns into the search params below). So a reload, Back to these results from a partner's profile,
// or another search shows exactly the partners chosen; no copy in the page can drift from it.
// Without JavaScript the forms carry the same values in hidden fields and checked checkboxes.

const SLUG = /^[a-z0-9][a-z0-9-]{0,119}$/;
const MAX_IN_URL = 50;

/** The chosen partners in search params, as the server reads them (valid slugs, once each). */
export function selectionFrom(params: Pick<URLSearchParams, "getAll">): string[] {
  return [...new Set(params.getAll("sel").filter((slug) => SLUG.test(slug)))].slice(0, MAX_IN_URL);
}

/** The chosen partners, from the address. */
export function useSelection(): string[] {
  const params = useSearchParams();
  return useMemo(() => selectionFrom(params), [params]);
}

/** The selection a results form holds: its hidden `sel` fields (partners on other pages) and its ticked boxes. */
function readSelection(form: HTMLFormElement): string[] {
  const values: string[] = [];
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name="sel"]')) {
    if (input.type === "hidden" || input.checked) values.push(input.value);
  }
  return [...new Set(values)];
}

/** After a tick: the address holds the form's selection, so reload and back/forward keep it. */
export function rememberSelection(form: HTMLFormElement | null): void {
  if (!form) return;
  const url = new URL(window.location.href);
  url.searchParams.delete("sel");
  for (const slug of readSelection(form)) url.searchParams.append("sel", slug);
  // State null, as Next.js documents: it then keeps its own history state and updates useSearchParams
  // (it leaves a call that passes its own state alone).
  if (url.href !== window.location.href) window.history.replaceState(null, "", url);
}

/** Hidden `sel` fields for a form that should carry the current selection (the search form). */
export function SelectionHiddenInputs() {
  return useSelection().map((slug) => <input key={slug} type="hidden" name="sel" value={slug} />);
}

/** "N selected" and Contact selected providers, enabled for 1 to `max` partners. */
export function SelectionBar({ formId, max }: { formId: string; max: number }) {
  const count = useSelection().length;
  // False in the server render (no JavaScript: the button always submits), true once hydrated.
  const hydrated = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
  const tooMany = count > max;
  return (
    <div className="sticky top-0 z-10 flex items-center justify-between gap-3 rounded-lg border border-gray-200 bg-white/95 px-3 py-2 shadow-sm backdrop-blur sm:px-4 sm:py-3">
      <p aria-live="polite" className="min-w-0 text-sm text-gray-800">
        {count === 0 ? (
          <>
            <span className="sm:hidden">Select up to {max}</span>
            <span className="max-sm:hidden">Select up to {max} partners to contact them together.</span>
          </>
        ) : (
          `${count} selected${tooMany ? ` — choose at most ${max}` : ""}`
        )}
      </p>
      <Button className="shrink-0 max-sm:px-3" type="submit" form={formId} formAction="/partners/contact" disabled={hydrated && (count === 0 || tooMany)}>
        Contact selected providers
      </Button>
    </div>
  );
}
