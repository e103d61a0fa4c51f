import type { Metadata } from "next";
import Link from "next/link";
import { ChoiceField, SearchField } from "@/components/lists/fields";
import { NoAccess } from "@/components/layout/area-shell";
import { DataRows } from "@/components/lists/data-rows";
import { invitationStatusBadge, INVITATION_STATUS_LABELS } from "@/components/invitations/status-badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterLinks } from "@/components/ui/filter-links";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCaption, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import type { InvitationStatus } from "@/db/schema";
import { getAreaContext } from "@/lib/context";
import { formatDate, formatNumber } from "@/lib/format";
import { INVITATION_SORTS, type InvitationSort, listPartnerInvitations } from "@/lib/invitations/queries";
import { INVITATION_STATUSES } from "@/lib/invitations/rules";
import { readSearchParams, type SearchParams } from "@/lib/page-params";
import { countText, listSearch, pageNumber, pageRange, searchText } from "@/lib/paging";
import { relationshipTypeName } from "@/lib/relationships/types";
import { roleNamesByPrivilege } from "@/lib/roles";

export const metadata: Metadata = { title: "Invitations" };

const LABELS = ["Customer", "Type", "Roles", "Sent", "Expires", "Status"];
const SORT_LABELS: Record<InvitationSort, string> = { newest: "Newest first", oldest: "Oldest first", expires: "Expiring soonest" };

export default async function PartnerInvitationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const context = await getAreaContext("invitations.manage", "/partner/invitations");
  if (!context) {
    return (
      <NoAccess title="Invitations">
        <p>Only agents of a partner organization can see its invitations.</p>
      </NoAccess>
    );
  }
  const params = await readSearchParams(searchParams);
  const status = INVITATION_STATUSES.find((s) => s === params.status);
  const sort = INVITATION_SORTS.find((s) => s === params.sort);
  const q = searchText(params.q);
  const result = await listPartnerInvitations(await getDb(), context.membership.organizationId, { status, q, sort, page: pageNumber(params.page) });
  const { rows } = result;
  const search = (values: { status?: InvitationStatus; page?: number }) => `/partner/invitations${listSearch({ status: values.status, q, sort, page: values.page })}`;
  const filters: { label: string; value?: InvitationStatus }[] = [
    { label: "All" },
    ...INVITATION_STATUSES.map((value) => ({ label: INVITATION_STATUS_LABELS[value], value })),
  ];
  const { first, last } = pageRange(result);
  return (
    <main>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold text-gray-900">Invitations</h1>
        <Link className={buttonClasses({ variant: "primary" })} href="/partner/invitations/new">
          Invite a customer
        </Link>
      </div>
      <FilterLinks
        label="Filter by status"
        links={filters.map((f) => ({ label: f.label, href: search({ status: f.value }), current: f.value === status }))}
      />
      <form method="get" action="/partner/invitations" role="search" aria-label="Search invitations" className="mt-4 grid gap-3 rounded-lg border border-gray-200 bg-white p-4 sm:grid-cols-[1fr_auto_auto] sm:items-end">
        {status && <input type="hidden" name="status" value={status} />}
        <SearchField id="invitations-q" label="Search by address" value={q} placeholder="name@customer.example" />
        <ChoiceField id="invitations-sort" name="sort" label="Sort by" value={sort ?? "newest"} choices={INVITATION_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))} />
        <div className="flex flex-wrap items-end gap-2">
          <Button type="submit" variant="secondary">
            Search
          </Button>
          {q && (
            <Link className={buttonClasses({ variant: "ghost" })} href={`/partner/invitations${listSearch({ status, sort })}`}>
              Clear search
            </Link>
          )}
        </div>
      </form>
      <div className="mt-6">
        {rows.length === 0 ? (
          <EmptyState
            title={q ? `No invitations to an address containing “${q}”` : status ? `No ${INVITATION_STATUS_LABELS[status].toLowerCase()} invitations` : "No invitations yet"}
          >
            {q ? "Search for another part of the address, or choose All." : "Invite a customer from a request in your inbox, or directly with their administrator's email."}
          </EmptyState>
        ) : (
          <Table>
            <TableCaption className="text-left text-sm text-gray-700">
              Invitations sent by {context.membership.organizationName}
              {status ? ` (${INVITATION_STATUS_LABELS[status].toLowerCase()})` : ""}
              {q ? ` to addresses containing “${q}”` : ""}: {formatNumber(first)}–{formatNumber(last)} of {countText(result.total, result.capped)},{" "}
              {SORT_LABELS[sort ?? "newest"].toLowerCase()}.
            </TableCaption>
            <TableHeader>
              <TableRow>
                {LABELS.map((label) => (
                  <TableHead key={label}>{label}</TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              <DataRows
                labels={LABELS}
                rows={rows.map((row) => ({
                  key: row.id,
                  cells: [
                    { text: row.customerName ?? row.customerEmail, href: `/partner/invitations/${row.id}`, note: row.customerName ? row.customerEmail : undefined },
                    relationshipTypeName(row.type),
                    row.roles.length ? roleNamesByPrivilege(row.roles).join(", ") : "None",
                    formatDate(row.createdAt),
                    formatDate(row.expiresAt),
                    { badge: invitationStatusBadge(row.status) },
                  ],
                }))}
              />
            </TableBody>
          </Table>
        )}
      </div>
      <Pagination className="mt-6" aria-label="Pages of invitations" page={result.page} pageCount={result.pageCount} hrefForPage={(page) => search({ status, page })} />
    </main>
  );
}
