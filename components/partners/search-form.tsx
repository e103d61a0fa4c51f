"use client";

import { useEffect, useRef } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Button } from "@/components/ui/button";
import { Spinner, useDirectoryNavigation } from "./directory-navigation";
import { SelectionHiddenInputs } from "./selection";
import type { DirectoryQuery } from "@/lib/partners/search";

export interface SearchFormOptions {
  countries: { code: string; name: string }[];
  sizes: { band: string; label: string }[];
}

const DESKTOP = "(min-width: 48rem)";

/**
 * Enter your location, choose your organization size, add keywords, then select Go. A GET form: the
 * query lives in the URL. A client component so that the page sends its few props rather than its
 * markup; it is rendered on the server all the same and works without JavaScript.
 *
 * On a phone the fields fold into a disclosure ("Search and filters", with the search in force
 * beside it), so that the results start near the top; from `md` up they are always shown (CSS
 * shows the content of the closed disclosure and hides its summary; script opens it as well).
 */
export function SearchForm({
  query,
  options,
  summary,
}: {
  query: Pick<DirectoryQuery, "location" | "city" | "size" | "q">;
  options: SearchFormOptions;
  /** The search in force in a few words ("“security” · United States"); empty for none. */
  summary: string;
}) {
  const { pending, submit } = useDirectoryNavigation();
  const disclosure = useRef<HTMLDetailsElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (disclosure.current && window.matchMedia(DESKTOP).matches) disclosure.current.open = true;
  }, []);
  // The fields show the search in force also after a link changed it ("Search instead for …", Back).
  // Not on the first run: the server rendered them so, and what someone chose before the page's
  // scripts ran must stay.
  const { location = "", city = "", size = "", q = "" } = query;
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    const fields = form.current?.elements;
    if (!fields) return;
    for (const [name, value] of Object.entries({ location, city, size, q })) {
      const field = fields.namedItem(name);
      if ((field instanceof HTMLInputElement || field instanceof HTMLSelectElement) && field.value !== value) field.value = value;
    }
  }, [location, city, size, q]);

  return (
    <details ref={disclosure} className="group rounded-lg border border-gray-200 bg-white md:details-content:[content-visibility:visible]">
      <summary className="flex cursor-pointer items-center justify-between gap-3 rounded-lg px-4 py-3 text-sm md:hidden">
        <span className="min-w-0">
          <span className="font-semibold text-gray-900">Search and filters</span>
          {summary && <span className="block truncate text-gray-700">{summary}</span>}
        </span>
        <svg viewBox="0 0 16 16" aria-hidden="true" className="size-4 shrink-0 transition-transform group-open:rotate-180" fill="none" stroke="currentColor" strokeWidth="1.5">
          <path d="m4 6 4 4 4-4" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </summary>
      <form
        ref={form}
        id="search"
        role="search"
        aria-label="Find a partner"
        action="/partners"
        method="get"
        onSubmit={submit}
        className="grid gap-4 border-t border-gray-200 p-4 md:grid-cols-[1fr_1fr_1fr_1.4fr_auto] md:items-end md:border-t-0"
      >
        <SelectionHiddenInputs />
        <div className="grid gap-1.5">
          <Label htmlFor="location">Location</Label>
          <Select id="location" name="location" defaultValue={query.location ?? ""}>
            <option value="">Any country/region</option>
            {options.countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="city">
            City <span className="font-normal text-gray-600">(optional)</span>
          </Label>
          <Input id="city" name="city" defaultValue={query.city ?? ""} autoComplete="address-level2" maxLength={80} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="size">Organization size</Label>
          <Select id="size" name="size" defaultValue={query.size ?? ""}>
            <option value="">Any size</option>
            {options.sizes.map(({ band, label }) => (
              <option key={band} value={band}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="q">Keywords</Label>
          <Input id="q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="e.g. security, migration, Teams voice" maxLength={200} />
        </div>
        <Button type="submit" aria-disabled={pending || undefined} data-pending={pending || undefined}>
          {pending && <Spinner />}
          Go
        </Button>
      </form>
    </details>
  );
}
