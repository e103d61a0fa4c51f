import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Pagination } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import type { ActivityEntry } from "@/lib/audit/queries";
import { describeEvent } from "@/lib/audit/rules";
import { ACTIVITY_KINDS, activitySearch, type ActivityKind, type ActivityQuery } from "@/lib/audit/schemas";
import { formatDateTime, formatNumber } from "@/lib/format";
import { RELATIONSHIP_TYPES, relationshipTypeName } from "@/lib/relationships/types";

/** Who did it: the person's name, their address on hover and for screen readers; or the label of the system or a visitor. */
export function ActivityPerson({ person }: { person: ActivityEntry["person"] }) {
  if (person.name && person.email) {
    return (
      <span title={person.email} className="font-medium text-gray-900">
        {person.name}
        <span className="sr-only"> ({person.email})</span>
      </span>
    );
  }
  return <span className="font-medium text-gray-900">{person.email ?? person.label}</span>;
}

/** Entries newest first: when, what (with its relationship type), who, and the other party. */
export function ActivityEntries({ entries, counterpartyLabel, label }: { entries: ActivityEntry[]; counterpartyLabel: string; label: string }) {
  return (
    <ol aria-label={label} className="divide-y divide-gray-200 rounded-lg border border-gray-200 bg-white">
      {entries.map((entry) => (
        <li key={entry.id} className="grid gap-1 p-3 text-sm sm:grid-cols-[11rem_1fr] sm:gap-4">
          <time className="text-gray-600" dateTime={entry.occurredAt.toISOString()}>
            {formatDateTime(entry.occurredAt)}
          </time>
          <div className="min-w-0 break-words">
            <p className="text-gray-900">
              {describeEvent(entry)}
              {entry.type && (
                <>
                  {" "}
                  <Badge tone="neutral">{relationshipTypeName(entry.type)}</Badge>
                </>
              )}
            </p>
            <p className="mt-0.5 text-gray-700">
              By <ActivityPerson person={entry.person} />
              {entry.counterparty && (
                <>
                  {" · "}
                  {counterpartyLabel}: {entry.counterparty}
                </>
              )}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}

/** A date of the range (whole UTC days, both included), with its message when it could not be used. */
function DateFilter({ name, label, value, error }: { name: "from" | "to"; label: string; value?: string; error?: string }) {
  const id = `activity-${name}`;
  return (
    <div className="grid content-start gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} name={name} type="date" defaultValue={value ?? ""} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The Activity page's body: the filters (a GET form that works without JavaScript), the CSV
 * export of everything they match, the entries and the pages.
 */
export function ActivityLog({
  basePath,
  kinds,
  query,
  errors,
  entries,
  total,
  capped = false,
  page,
  pageCount,
  counterpartyLabel,
}: {
  basePath: string;
  kinds: readonly ActivityKind[];
  query: ActivityQuery;
  errors: Partial<Record<"from" | "to", string>>;
  entries: ActivityEntry[];
  total: number;
  /** More entries match than were counted: the count reads "10,000+". */
  capped?: boolean;
  page: number;
  pageCount: number;
  counterpartyLabel: string;
}) {
  const filtered = Boolean(query.type || query.kind || query.from || query.to);
  const filters = { type: query.type, kind: query.kind, from: query.from, to: query.to };
  return (
    <>
      <form method="get" action={basePath} className="mt-6 grid gap-3 rounded-lg border border-gray-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_auto_auto_auto] lg:items-start">
        <div className="grid content-start gap-1.5">
          <Label htmlFor="activity-type">Relationship type</Label>
          <Select id="activity-type" name="type" defaultValue={query.type ?? ""}>
            <option value="">Any type</option>
            {RELATIONSHIP_TYPES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="grid content-start gap-1.5">
          <Label htmlFor="activity-kind">Activity</Label>
          <Select id="activity-kind" name="kind" defaultValue={query.kind ?? ""}>
            <option value="">All activity</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {ACTIVITY_KINDS[k].label}
              </option>
            ))}
          </Select>
        </div>
        <DateFilter name="from" label="From" value={query.from} error={errors.from} />
        <DateFilter name="to" label="To" value={query.to} error={errors.to} />
        <div className="flex flex-wrap items-end gap-2 lg:pt-6">
          <button type="submit" className={buttonClasses({ variant: "primary" })}>
            Filter
          </button>
          {filtered && (
            <Link className={buttonClasses({ variant: "ghost" })} href={basePath}>
              Clear filters
            </Link>
          )}
        </div>
      </form>

      <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-gray-700" role="status">
          {total === 0 ? "No entries" : `${formatNumber(total)}${capped ? "+" : ""} ${total === 1 && !capped ? "entry" : "entries"}`}
          {filtered ? " match these filters." : "."}
        </p>
        {total > 0 && (
          <a className={buttonClasses({ variant: "secondary", size: "sm" })} href={`${basePath}/export${activitySearch(filters)}`} download>
            Download CSV
          </a>
        )}
      </div>

      <div className="mt-3">
        {entries.length === 0 ? (
          <p className="rounded-lg border border-dashed border-gray-300 bg-white p-6 text-center text-sm text-gray-700">
            {filtered ? "Nothing happened that matches these filters. Widen the dates or choose another type." : "Nothing has happened yet. Invitations, accepted agreements and changes to admin roles appear here."}
          </p>
        ) : (
          <ActivityEntries entries={entries} counterpartyLabel={counterpartyLabel} label="Activity entries, newest first" />
        )}
      </div>
      <Pagination className="mt-6" aria-label="Pages of activity" page={page} pageCount={pageCount} hrefForPage={(p) => `${basePath}${activitySearch({ ...filters, page: p })}`} />
    </>
  );
}
