import type { Metadata } from "next";
import Link from "next/link";
import { RequestCards, type RequestCardData } from "@/components/contact-requests/request-cards";
import { ChoiceField, SearchField } from "@/components/lists/fields";
import { NoAccess } from "@/components/layout/area-shell";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterLinks } from "@/components/ui/filter-links";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db/client";
import type { ContactRecipientStatus } from "@/db/schema";
import { listPartnerRequests, type PartnerInboxItem, REQUEST_SORTS, type RequestSort } from "@/lib/contact-requests/queries";
import { getAreaContext } from "@/lib/context";
import { entryFor, readSearchParams, type SearchParams } from "@/lib/page-params";
import { countText, listSearch, pageNumber, pageRange, searchText } from "@/lib/paging";
import { countryName, SIZE_BAND_LABELS, type SizeBand } from "@/lib/partners/catalog";
import { formatDateTime, formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Customer requests" };

const STATUSES: ContactRecipientStatus[] = ["new", "replied", "declined"];
const NOTICES: Record<string, string> = { replied: "Marked replied.", declined: "Declined, with your reason.", new: "Reopened.", nothing: "No change: the request already had that status." };
const ERRORS: Record<string, string> = { not_found: "That request was not found.", forbidden: "Only admin and sales agents of your organization can change its requests." };
const STATUS_LABELS: Record<ContactRecipientStatus, string> = { new: "New", replied: "Replied", declined: "Declined" };
const SORT_LABELS: Record<RequestSort, string> = { newest: "Newest first", oldest: "Oldest first" };

/** A request as its card shows it (components/contact-requests/request-cards.tsx). */
function requestCard(r: PartnerInboxItem): RequestCardData {
  const facts: RequestCardData["facts"] = [
    { label: "Location", value: countryName(r.country) },
    { label: "Size", value: SIZE_BAND_LABELS[r.sizeBand as SizeBand] ?? r.sizeBand },
    { label: "Received", value: formatDateTime(r.receivedAt), dateTime: r.receivedAt.toISOString() },
  ];
  if (r.invitedAt) facts.push({ label: "Invited", value: formatDateTime(r.invitedAt), dateTime: r.invitedAt.toISOString() });
  if (r.status === "declined" && r.declineReason) facts.push({ label: "Declined because", value: r.declineReason, long: true });
  return {
    recipientId: r.recipientId,
    company: r.company,
    name: r.name,
    email: r.email,
    phone: r.phone,
    invited: Boolean(r.invitedAt),
    status: r.status,
    facts,
    needs: r.needs,
  };
}

export default async function PartnerRequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const context = await getAreaContext("contact_requests.read", "/partner/requests");
  if (!context) {
    return (
      <NoAccess title="Customer requests">
        <p>Only agents of a partner organization can read its customer requests.</p>
      </NoAccess>
    );
  }
  const params = await readSearchParams(searchParams);
  const notice = entryFor(NOTICES, params.done);
  const problem = entryFor(ERRORS, params.error);
  const status = STATUSES.find((s) => s === params.status);
  const sort = REQUEST_SORTS.find((s) => s === params.sort);
  const q = searchText(params.q);
  const result = await listPartnerRequests(await getDb(), context.membership.organizationId, { status, q, sort, page: pageNumber(params.page) });
  const requests = result.rows;
  const { first, last } = pageRange(result);
  const search = (values: { status?: ContactRecipientStatus; page?: number }) => `/partner/requests${listSearch({ status: values.status, q, sort, page: values.page })}`;
  const filters: { label: string; value?: ContactRecipientStatus }[] = [{ label: "All" }, ...STATUSES.map((s) => ({ label: STATUS_LABELS[s], value: s }))];

  return (
    <main>
      <h1 className="text-2xl font-semibold text-gray-900">Customer requests</h1>
      <p className="mt-1 text-gray-700">Customers who chose {context.membership.organizationName} in Find a partner and asked to be contacted.</p>
      {notice && (
        <Alert tone="success" className="mt-4">
          {notice}
        </Alert>
      )}
      {problem && (
        <Alert tone="danger" className="mt-4">
          {problem}
        </Alert>
      )}
      <FilterLinks
        label="Filter by status"
        links={filters.map((f) => ({ label: f.label, href: search({ status: f.value }), current: f.value === status }))}
      />
      <form method="get" action="/partner/requests" role="search" aria-label="Search requests" className="mt-4 grid gap-3 rounded-lg border border-gray-200 bg-white p-4 sm:grid-cols-[1fr_auto_auto] sm:items-end">
        {status && <input type="hidden" name="status" value={status} />}
        <SearchField id="requests-q" label="Search by company, name or email" value={q} />
        <ChoiceField id="requests-sort" name="sort" label="Sort by" value={sort ?? "newest"} choices={REQUEST_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))} />
        <div className="flex flex-wrap items-end gap-2">
          <Button type="submit" variant="secondary">
            Search
          </Button>
          {q && (
            <Link className={buttonClasses({ variant: "ghost" })} href={`/partner/requests${listSearch({ status, sort })}`}>
              Clear search
            </Link>
          )}
        </div>
      </form>
      {requests.length > 0 && (
        <p id="requests-caption" className="mt-6 text-sm text-gray-700">
          {status ? `${STATUS_LABELS[status]} requests` : "Requests"}
          {q ? ` matching “${q}”` : ""}: {formatNumber(first)}–{formatNumber(last)} of {countText(result.total, result.capped)},{" "}
          {SORT_LABELS[sort ?? "newest"].toLowerCase()}.
        </p>
      )}
      <div className="mt-3">
        {requests.length === 0 ? (
          <EmptyState title={q ? `No requests matching “${q}”` : status ? `No ${status} requests` : "No requests yet"}>
            {q
              ? "Search for another part of the company, the person's name or their address, or choose All."
              : `When a customer selects ${context.membership.organizationName} in Find a partner and sends their needs, the request appears here and in your email.`}
          </EmptyState>
        ) : (
          <RequestCards cards={requests.map(requestCard)} describedBy="requests-caption" />
        )}
      </div>
      <Pagination className="mt-6" aria-label="Pages of requests" page={result.page} pageCount={result.pageCount} hrefForPage={(page) => search({ status, page })} />
    </main>
  );
}
