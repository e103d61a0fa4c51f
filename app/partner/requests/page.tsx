import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/layout/area-shell";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterLinks } from "@/components/ui/filter-links";
import { getDb } from "@/db/client";
import type { ContactRecipientStatus } from "@/db/schema";
import { setRequestStatusAction } from "@/lib/contact-requests/actions";
import { listPartnerRequests } from "@/lib/contact-requests/queries";
import { getAreaContext } from "@/lib/context";
import { entryFor, readSearchParams, type SearchParams } from "@/lib/page-params";
import { countryName, SIZE_BAND_LABELS, type SizeBand } from "@/lib/partners/catalog";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Customer requests" };

const STATUSES: ContactRecipientStatus[] = ["new", "replied", "declined"];
const NOTICES: Record<string, string> = { replied: "Marked replied.", declined: "Declined, with your reason.", new: "Reopened.", nothing: "No change: the request already had that status." };
const ERRORS: Record<string, string> = { not_found: "That request was not found.", forbidden: "Only admin and sales agents of your organization can change its requests." };
const TONES = { new: "info", replied: "success", declined: "neutral" } as const;

function StatusButton({ recipientId, status, children }: { recipientId: string; status: "new" | "replied"; children: React.ReactNode }) {
  return (
    <form action={setRequestStatusAction}>
      <input type="hidden" name="recipientId" value={recipientId} />
      <input type="hidden" name="status" value={status} />
      <button type="submit" className="rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm font-medium text-gray-800 hover:bg-gray-50">
        {children}
      </button>
    </form>
  );
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
  const { status: rawStatus, done, error } = await readSearchParams(searchParams);
  const notice = entryFor(NOTICES, done);
  const problem = entryFor(ERRORS, error);
  const status = STATUSES.find((s) => s === rawStatus);
  const requests = await listPartnerRequests(await getDb(), context.membership.organizationId, status);
  const filters: { label: string; value?: ContactRecipientStatus }[] = [{ label: "All" }, ...STATUSES.map((s) => ({ label: s[0]!.toUpperCase() + s.slice(1), value: s }))];

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
        links={filters.map((f) => ({ label: f.label, href: f.value ? `/partner/requests?status=${f.value}` : "/partner/requests", current: f.value === status }))}
      />
      <div className="mt-6">
        {requests.length === 0 ? (
          <EmptyState title={status ? `No ${status} requests` : "No requests yet"}>
            When a customer selects {context.membership.organizationName} in Find a partner and sends their needs, the request appears here
            and in your email.
          </EmptyState>
        ) : (
          <ul className="space-y-4" aria-label="Requests">
            {requests.map((r) => (
              <li key={r.recipientId}>
                <article aria-labelledby={`req-${r.recipientId}`} className="rounded-lg border border-gray-200 bg-white p-5">
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div>
                      <h2 id={`req-${r.recipientId}`} className="text-base font-semibold text-gray-900">
                        {r.company}
                      </h2>
                      <p className="text-sm text-gray-700">
                        {r.name} · <a className="text-accent-700 underline" href={`mailto:${r.email}`}>{r.email}</a>
                        {r.phone && <> · {r.phone}</>}
                      </p>
                    </div>
                    <div className="flex flex-wrap gap-2">
                      {r.invitedAt && <Badge tone="success">Invited</Badge>}
                      <Badge tone={TONES[r.status]}>Status: {r.status}</Badge>
                    </div>
                  </div>
                  <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm text-gray-700 sm:grid-cols-[auto_1fr]">
                    <dt className="font-medium text-gray-900">Location</dt>
                    <dd>{countryName(r.country)}</dd>
                    <dt className="font-medium text-gray-900">Size</dt>
                    <dd>{SIZE_BAND_LABELS[r.sizeBand as SizeBand] ?? r.sizeBand}</dd>
                    <dt className="font-medium text-gray-900">Received</dt>
                    <dd>
                      <time dateTime={r.receivedAt.toISOString()}>{formatDateTime(r.receivedAt)}</time>
                    </dd>
                    {r.invitedAt && (
                      <>
                        <dt className="font-medium text-gray-900">Invited</dt>
                        <dd>
                          <time dateTime={r.invitedAt.toISOString()}>{formatDateTime(r.invitedAt)}</time>
                        </dd>
                      </>
                    )}
                    {r.status === "declined" && r.declineReason && (
                      <>
                        <dt className="font-medium text-gray-900">Declined because</dt>
                        <dd className="break-words whitespace-pre-line">{r.declineReason}</dd>
                      </>
                    )}
                  </dl>
                  <p className="mt-3 whitespace-pre-line text-gray-800">{r.needs}</p>
                  <div className="mt-4 flex flex-wrap gap-2">
                    {r.status !== "replied" && (
                      <StatusButton recipientId={r.recipientId} status="replied">
                        Mark replied<span className="sr-only"> ({r.company})</span>
                      </StatusButton>
                    )}
                    {r.status !== "declined" && (
                      <Link
                        className="rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm font-medium text-gray-800 hover:bg-gray-50"
                        href={`/partner/requests/${r.recipientId}/decline`}
                      >
                        Decline<span className="sr-only"> ({r.company})</span>
                      </Link>
                    )}
                    <Link
                      className="rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700"
                      href={`/partner/invitations/new?request=${r.recipientId}`}
                    >
                      {r.invitedAt ? "Invite again" : "Invite this customer"}<span className="sr-only"> ({r.company})</span>
                    </Link>
                    {r.status !== "new" && (
                      <StatusButton recipientId={r.recipientId} status="new">
                        Mark new<span className="sr-only"> ({r.company})</span>
                      </StatusButton>
                    )}
                  </div>
                </article>
              </li>
            ))}
          </ul>
        )}
      </div>
    </main>
  );
}
