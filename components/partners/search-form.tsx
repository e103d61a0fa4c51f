"use client";

import Form from "next/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Button } from "@/components/ui/button";
import { SelectionHiddenInputs } from "./selection";
import type { DirectoryQuery } from "@/lib/partners/search";

export interface SearchFormOptions {
  countries: { code: string; name: string }[];
  sizes: { band: string; label: string }[];
}

/**
 * Enter your location, choose your organization size, add keywords, then select Go. A GET form: the
 * query lives in the URL. A client component so that the page sends its few props rather than its
 * markup; it is rendered on the server all the same and works without JavaScript.
 */
export function SearchForm({ query, options }: { query: Pick<DirectoryQuery, "location" | "city" | "size" | "q" | "sel">; options: SearchFormOptions }) {
  return (
    <Form action="/partners" className="grid gap-4 rounded-lg border border-gray-200 bg-white p-4 md:grid-cols-[1fr_1fr_1fr_1.4fr_auto] md:items-end">
      <SelectionHiddenInputs initial={query.sel} />
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
      <Button type="submit">Go</Button>
    </Form>
  );
}
