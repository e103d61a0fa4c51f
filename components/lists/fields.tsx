/*
 * The fields the lists' GET forms share: search by name, relationship type, and a choice of values.
 * Server components, labelled, working without JavaScript.
 */

import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { RELATIONSHIP_TYPES } from "@/lib/relationships/types";

/** A labelled select of `choices`, with an "any" option first (the empty value) when `anyLabel` is given. */
export function ChoiceField({
  id,
  name,
  label,
  anyLabel,
  value,
  choices,
}: {
  id: string;
  name: string;
  label: string;
  anyLabel?: string;
  value: string | undefined;
  choices: readonly { value: string; label: string }[];
}) {
  return (
    <div className="grid content-start gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} name={name} defaultValue={value ?? ""}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </Select>
    </div>
  );
}

const TYPE_CHOICES = RELATIONSHIP_TYPES.map((t) => ({ value: t.id, label: t.name }));

/** "Relationship type", any of the catalog's types (query name `type`). */
export function RelationshipTypeField({ id = "type", value }: { id?: string; value: string | undefined }) {
  return <ChoiceField id={id} name="type" label="Relationship type" anyLabel="Any type" value={value} choices={TYPE_CHOICES} />;
}

/** A list's search box (query name `q`, at most 100 characters, as the lists read it). */
export function SearchField({ id = "q", label, value, placeholder }: { id?: string; label: string; value: string | undefined; placeholder?: string }) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} name="q" type="search" defaultValue={value ?? ""} maxLength={100} placeholder={placeholder} />
    </div>
  );
}

/** "Search by name". */
export function NameSearchField({ value }: { value: string | undefined }) {
  return <SearchField label="Search by name" value={value} />;
}
