import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/layout/area-shell";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { getAreaContext } from "@/lib/context";
import { formatDate } from "@/lib/format";
import { countText } from "@/lib/paging";
import { invitationLink } from "@/lib/invitations/service";
import { readSearchParams, type SearchParams } from "@/lib/page-params";
import { listPendingInvitationsFor } from "@/lib/relationships/queries";
import { relationshipTypeName } from "@/lib/relationships/types";

export const metadata: Metadata = { title: "Invitations waiting for your answer" };

function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

/** Every invitation addressed to the organization that still waits for an answer, oldest first, a page at a time. */
export default async function PendingInvitationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const context = await getAreaContext("relationships.view", "/admin/invitations");
  if (!context) {
    return (
      <NoAccess title="Invitations waiting for your answer">
        <p>Invitations are for Global administrators, Billing administrators and Global readers of a customer organization.</p>
      </NoAccess>
    );
  }
  const params = await readSearchParams(searchParams);
  const pending = await listPendingInvitationsFor(await getDb(), { actor: context.actor, organizationId: context.membership.organizationId }, pageParam(params.page));
  return (
    <main>
      <h1 className="text-2xl font-semibold text-gray-900">Invitations waiting for your answer</h1>
      <p className="mt-1 text-gray-700">
        Partners that invited {context.membership.organizationName}. A Global, Billing or Partner relationship administrator reviews each one and accepts or cancels it.
      </p>
      <div className="mt-6">
        {pending.total === 0 ? (
          <EmptyState title="No invitations wait for your answer">
            <Link className="font-medium text-accent-700 underline" href="/admin/settings/partner-relationships">
              See your partner relationships
            </Link>
          </EmptyState>
        ) : (
          <Table>
            <TableCaption className="text-left text-sm text-gray-700">
              {countText(pending.total, pending.capped)} {pending.total === 1 ? "invitation" : "invitations"}, oldest first
              {pending.pageCount > 1 ? `, page ${pending.page} of ${countText(pending.pageCount, pending.capped)}` : ""}.
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>Partner</TableHead>
                <TableHead>Relationship type</TableHead>
                <TableHead>Sent</TableHead>
                <TableHead>Expires</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {pending.rows.map(({ invitation, partnerName }) => (
                <TableRow key={invitation.id}>
                  <TableCell>
                    <a className="font-medium text-accent-700 underline-offset-2 hover:underline" href={invitationLink(invitation).replace(/^https?:\/\/[^/]+/, "")}>
                      {partnerName}
                      <span className="sr-only">: review the invitation</span>
                    </a>
                  </TableCell>
                  <TableCell>{relationshipTypeName(invitation.type)}</TableCell>
                  <TableCell>{formatDate(invitation.createdAt)}</TableCell>
                  <TableCell>{formatDate(invitation.expiresAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <Pagination
          aria-label="Pages of invitations"
          page={pending.page}
          pageCount={pending.pageCount}
          countIsLowerBound={pending.capped}
          hrefForPage={(p) => (p === 1 ? "/admin/invitations" : `/admin/invitations?page=${p}`)}
          className="mt-4"
        />
      </div>
    </main>
  );
}
