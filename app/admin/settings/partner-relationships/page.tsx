import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/layout/area-shell";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { type Cell, DataRows, type Row } from "@/components/lists/data-rows";
import { ChoiceField, NameSearchField, RelationshipTypeField } from "@/components/lists/fields";
import { listHref, SortHeader } from "@/components/lists/sort-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCaption, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { getAreaContext } from "@/lib/context";
import { formatDate } from "@/lib/format";
import { countText } from "@/lib/paging";
import { invitationLink } from "@/lib/invitations/service";
import { readSearchParams, type SearchParams } from "@/lib/page-params";
import { type GdapStatus, gdapStatusLabel, type ListQuery, parseListQuery, type SortKey, STATUS_FILTERS } from "@/lib/relationships/rules";
import { findCustomerRelationship, hasRelationships, listCustomerRelationships, pendingInvitationsPreview, type RelationshipSummary } from "@/lib/relationships/queries";
import { relationshipTypeName } from "@/lib/relationships/types";

export const metadata: Metadata = { title: "Partner relationships" };

/** Invitations listed above the table; the rest are a link away. */
const PENDING_SHOWN = 5;

const STATUS_NAMES: Record<(typeof STATUS_FILTERS)[number], string> = {
  pending: "Approval pending",
  active: "Active",
  expiring: "Expiring",
  expired: "Expired",
  terminated: "Terminated",
  none: "No GDAP",
};
const GDAP_TONES = { none: "neutral", pending: "info", active: "success", expiring: "warning", expired: "danger", terminated: "neutral" } as const;

const PATH = "/admin/settings/partner-relationships";
const DEFAULTS: Partial<ListQuery> = { sort: "partner", dir: "asc" };

function queryString(query: ListQuery, overrides: Partial<ListQuery>): string {
  return listHref("", query, DEFAULTS, overrides);
}

function Sort({ label, column, query }: { label: string; column: SortKey; query: ListQuery }) {
  return <SortHeader label={label} column={column} query={query} path={PATH} defaults={DEFAULTS} />;
}

const COLUMNS: { label: string; column: SortKey }[] = [
  { label: "Partner", column: "partner" },
  { label: "Relationship types", column: "types" },
  { label: "Admin roles", column: "roles" },
  { label: "GDAP status", column: "gdap" },
  { label: "Agreement", column: "agreement" },
  { label: "Since", column: "since" },
];

function gdapCell(status: GdapStatus): Cell {
  if (status.kind === "none") return "—";
  return {
    badge: { tone: GDAP_TONES[status.kind], text: gdapStatusLabel(status) },
    note: "endsAt" in status ? `${status.kind === "expired" ? "Ended" : "Ends"} ${formatDate(status.endsAt)}` : undefined,
  };
}

/** One row of the list, as the cells it shows. */
function relationshipRow(r: RelationshipSummary): Row {
  return {
    key: r.id,
    cells: [
      { text: r.partnerName, href: `${PATH}/${r.id}` },
      r.types.map(relationshipTypeName).join(", ") || "—",
      r.activeRoles.length === 0
        ? "None"
        : { text: `${r.activeRoles.length} · ${r.topRole?.name ?? ""}`, badge: r.topRole?.privilege === "high" ? { tone: "warning", text: "Highly privileged" } : undefined },
      gdapCell(r.gdap),
      r.agreementAccepted ? { badge: { tone: "success", text: "Accepted" } } : { badge: { tone: "warning", text: "Pending" } },
      formatDate(r.since),
    ],
  };
}

export default async function PartnerRelationshipsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const context = await getAreaContext("relationships.view", "/admin/settings/partner-relationships");
  if (!context) {
    return (
      <NoAccess title="Partner relationships">
        <p>Partner relationships are for Global administrators, Billing administrators and Global readers of a customer organization.</p>
      </NoAccess>
    );
  }
  const params = await readSearchParams(searchParams);
  const query = parseListQuery(params);
  const db = await getDb();
  const orgId = context.membership.organizationId;
  const reader = { actor: context.actor, organizationId: orgId };
  const filtered = Boolean(query.q || query.type || query.status);
  // One page of the list, the first invitations waiting, and (only when a filter hides everything)
  // whether there is anything at all: each an index range, whatever the number of partners.
  const [matching, pending, acceptedPartner] = await Promise.all([
    listCustomerRelationships(db, reader, query),
    pendingInvitationsPreview(db, reader, PENDING_SHOWN),
    typeof params.accepted === "string" ? findCustomerRelationship(db, reader, params.accepted) : undefined,
  ]);
  const { rows, page, pageCount } = matching;
  const anyPartner = matching.total > 0 || (filtered && (await hasRelationships(db, orgId)));

  return (
    <main>
      <p className="text-sm text-gray-600">Settings</p>
      <h1 className="text-2xl font-semibold text-gray-900">Partner relationships</h1>
      <p className="mt-1 text-gray-700">Every partner {context.membership.organizationName} works with, and exactly what each can do today.</p>
      {acceptedPartner && (
        <Alert tone="success" className="mt-4">
          You accepted the agreement and authorized {acceptedPartner.partnerName}. Select it to see what it can do.
        </Alert>
      )}
      {params.agreement === "accepted" && (
        <Alert tone="success" className="mt-4">
          You accepted the Customer Agreement.
        </Alert>
      )}

      {pending.total > 0 && (
        <section aria-labelledby="pending" className="mt-6 rounded-lg border border-accent-200 bg-accent-50 p-4">
          <h2 id="pending" className="text-base font-semibold text-gray-900">
            Invitations waiting for your answer
          </h2>
          {pending.rows.length > 0 ? (
            <ul className="mt-2 space-y-1 text-sm">
              {pending.rows.map(({ invitation, partnerName }) => (
                <li key={invitation.id}>
                  <a className="font-medium text-accent-800 underline" href={invitationLink(invitation).replace(/^https?:\/\/[^/]+/, "")} rel="noreferrer">
                    Review the {relationshipTypeName(invitation.type)} invitation from {partnerName}
                  </a>{" "}
                  <span className="text-gray-700">— sent {formatDate(invitation.createdAt)}, expires {formatDate(invitation.expiresAt)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm">
              <Link className="font-medium text-accent-800 underline" href="/admin/invitations">
                Review the {countText(pending.total, pending.capped)} invitations waiting for your answer
              </Link>
            </p>
          )}
        </section>
      )}

      {!anyPartner ? (
        <div className="mt-6">
          <EmptyState title="No partner relationships yet">
            Relationships start when a partner sends your organization an invitation and a Global, Billing or Partner relationship administrator accepts it.{" "}
            <Link className="font-medium text-accent-700 underline" href="/partners">
              Find a partner
            </Link>{" "}
            to get started.
          </EmptyState>
        </div>
      ) : (
        <>
          <form method="get" className="mt-6 grid gap-3 rounded-lg border border-gray-200 bg-white p-4 md:grid-cols-[1.5fr_1fr_1fr_auto_auto] md:items-end">
            <input type="hidden" name="sort" value={query.sort} />
            <input type="hidden" name="dir" value={query.dir} />
            <NameSearchField value={query.q} />
            <RelationshipTypeField value={query.type} />
            <ChoiceField id="status" name="status" label="GDAP status" anyLabel="Any status" value={query.status} choices={STATUS_FILTERS.map((value) => ({ value, label: STATUS_NAMES[value] }))} />
            <Button type="submit" variant="secondary">
              Apply
            </Button>
            <a className={buttonClasses({ variant: "ghost" })} href={`/admin/settings/partner-relationships/export${queryString(query, {})}`} download>
              Export CSV
            </a>
          </form>

          <div className="mt-4">
            {matching.total === 0 ? (
              <EmptyState title="No partners match">
                {filtered && (
                  <Link className="font-medium text-accent-700 underline" href="/admin/settings/partner-relationships">
                    Clear the filters
                  </Link>
                )}
              </EmptyState>
            ) : (
              <Table>
                <TableCaption className="text-left text-sm text-gray-700">
                  {countText(matching.total, matching.capped)} {matching.total === 1 ? "partner" : "partners"}
                  {filtered ? " match" : ""}
                  {pageCount > 1 ? `, page ${page} of ${countText(pageCount, matching.capped)}` : ""}. Select a partner to see details or remove its roles.
                </TableCaption>
                <TableHeader>
                  <TableRow>
                    {COLUMNS.map(({ label, column }) => (
                      <Sort key={column} label={label} column={column} query={query} />
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  <DataRows labels={COLUMNS.map((c) => c.label)} rows={rows.map(relationshipRow)} />
                </TableBody>
              </Table>
            )}
            <Pagination
              aria-label="Pages of partners"
              page={page}
              pageCount={pageCount}
              countIsLowerBound={matching.capped}
              hrefForPage={(p) => `/admin/settings/partner-relationships${queryString(query, { page: p })}`}
              className="mt-4"
            />
          </div>
        </>
      )}
    </main>
  );
}
