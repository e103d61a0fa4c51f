"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useMemo, useTransition, type FormEvent, type ReactNode } from "react";

interface DirectoryNavigationValue {
  /** True while the next search, page or selection is loading. */
  pending: boolean;
  /** onSubmit of a GET form of the directory: the same address a browser would open, opened in a transition. */
  submit: (event: FormEvent<HTMLFormElement>) => void;
}

const NavigationContext = createContext<DirectoryNavigationValue>({ pending: false, submit: () => {} });

/** The address a GET form opens for its submitter (`formaction`, its own name and value), without empty fields. */
export function formDestination(form: HTMLFormElement, submitter: HTMLElement | null): string {
  const action = submitter?.getAttribute("formaction") ?? form.getAttribute("action") ?? window.location.pathname;
  const url = new URL(action, window.location.href);
  const data = submitter ? new FormData(form, submitter) : new FormData(form);
  url.search = "";
  for (const [name, value] of data) {
    if (typeof value === "string" && value !== "") url.searchParams.append(name, value);
  }
  return url.pathname + url.search;
}

/**
 * The directory's forms are plain GET forms (they work without JavaScript). With JavaScript, Go,
 * the pages and Contact selected providers open the same address through the router in a
 * transition, so the old results stay, dimmed and marked busy, and the button shows it is working
 * until the next page is ready.
 */
export function DirectoryNavigation({ children }: { children: ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const submit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      const form = event.currentTarget;
      if ((form.getAttribute("method") ?? "get").toLowerCase() !== "get") return;
      let href: string;
      try {
        href = formDestination(form, (event.nativeEvent as SubmitEvent).submitter);
      } catch {
        return; // A browser without FormData(form, submitter): the form submits as it would without JavaScript.
      }
      event.preventDefault();
      startTransition(() => router.push(href));
    },
    [router],
  );
  const value = useMemo(() => ({ pending, submit }), [pending, submit]);
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useDirectoryNavigation(): DirectoryNavigationValue {
  return useContext(NavigationContext);
}

/** A spinner for a pending button (hidden from assistive technology: the region's aria-busy says it). */
export function Spinner() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" className="animate-spin" fill="none">
      <circle cx="8" cy="8" r="6" stroke="currentColor" strokeOpacity="0.3" strokeWidth="2" />
      <path d="M14 8a6 6 0 0 0-6-6" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
