import Form from "next/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Button } from "@/components/ui/button";
import { SelectionHiddenInputs } from "./selection";
import { COUNTRY_OPTIONS, SIZE_BANDS, SIZE_BAND_LABELS } from "@/lib/partners/catalog";
import type { DirectoryQuery } from "@/lib/partners/search";

/** Enter your location, choose your organization size, add keywords, then select Go. A GET form: the query lives in the URL. */
export function SearchForm({ query }: { query: DirectoryQuery }) {
  return (
    <Form action="/partners" className="grid gap-4 rounded-lg border border-gray-200 bg-white p-4 md:grid-cols-[1fr_1fr_1fr_1.4fr_auto] md:items-end">
      <SelectionHiddenInputs initial={query.sel} />
      <div className="grid gap-1.5">
        <Label htmlFor="location">Location</Label>
        <Select id="location" name="location" defaultValue={query.location ?? ""}>
          <option value="">Any country/region</option>
          {COUNTRY_OPTIONS.map((c) => (
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
          {SIZE_BANDS.map((band) => (
            <option key={band} value={band}>
              {SIZE_BAND_LABELS[band]}
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
