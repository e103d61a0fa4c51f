import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/layout/area-shell";
import { InvitationStatusBadge, INVITATION_STATUS_LABELS } from "@/components/invitations/status-badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterLinks } from "@/components/ui/filter-links";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import type { InvitationStatus } from "@/db/schema";
import { getAreaContext } from "@/lib/context";
import { formatDate } from "@/lib/format";
import { listPartnerInvitations } from "@/lib/invitations/queries";
import { INVITATION_STATUSES } from "@/lib/invitations/rules";
import { readSearchParams, type SearchParams } from "@/lib/page-params";
import { relationshipTypeName } from "@/lib/relationships/types";
import { roleName } from "@/lib/roles";

export const metadata: Metadata = { title: "Invitations" };

export default async function PartnerInvitationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const context = await getAreaContext("invitations.manage", "/partner/invitations");
  if (!context) {
    return (
      <NoAccess title="Invitations">
        <p>Only agents of a partner organization can see its invitations.</p>
      </NoAccess>
    );
  }
  const { status: raw } = await readSearchParams(searchParams);
  const status = INVITATION_STATUSES.find((s) => s === raw);
  const rows = await listPartnerInvitations(await getDb(), context.membership.organizationId, status);
  const filters: { label: string; value?: InvitationStatus }[] = [
    { label: "All" },
    ...INVITATION_STATUSES.map((value) => ({ label: INVITATION_STATUS_LABELS[value], value })),
  ];
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
        links={filters.map((f) => ({ label: f.label, href: f.value ? `/partner/invitations?status=${f.value}` : "/partner/invitations", current: f.value === status }))}
      />
      <div className="mt-6">
        {rows.length === 0 ? (
          <EmptyState title={status ? `No ${INVITATION_STATUS_LABELS[status].toLowerCase()} invitations` : "No invitations yet"}>
            Invite a customer from a request in your inbox, or directly with their administrator's email.
          </EmptyState>
        ) : (
          <Table>
            <TableCaption className="sr-only">Invitations sent by {context.membership.organizationName}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>Customer</TableHead>
                <TableHead>Type</TableHead>
                <TableHead>Roles</TableHead>
                <TableHead>Sent</TableHead>
                <TableHead>Expires</TableHead>
                <TableHead>Status</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id}>
                  <TableCell>
                    <Link className="font-medium text-accent-700 underline-offset-2 hover:underline" href={`/partner/invitations/${row.id}`}>
                      {row.customerName ?? row.customerEmail}
                    </Link>
                    {row.customerName && <span className="block text-xs text-gray-600">{row.customerEmail}</span>}
                  </TableCell>
                  <TableCell>{relationshipTypeName(row.type)}</TableCell>
                  <TableCell>{row.roles.length ? row.roles.map(roleName).join(", ") : "None"}</TableCell>
                  <TableCell>{formatDate(row.createdAt)}</TableCell>
                  <TableCell>{formatDate(row.expiresAt)}</TableCell>
                  <TableCell>
                    <InvitationStatusBadge status={row.status} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
    </main>
  );
}
