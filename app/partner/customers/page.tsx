import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/layout/area-shell";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { getAreaContext } from "@/lib/context";
import { formatDate } from "@/lib/format";
import { listPartnerCustomers } from "@/lib/relationships/queries";
import { gdapStatusLabel } from "@/lib/relationships/rules";
import { relationshipTypeName } from "@/lib/relationships/types";
import { roleName } from "@/lib/roles";

export const metadata: Metadata = { title: "Customers" };

export default async function PartnerCustomersPage() {
  const context = await getAreaContext("partner.view", "/partner/customers");
  if (!context) {
    return (
      <NoAccess title="Customers">
        <p>Only agents of a partner organization can see its customers.</p>
      </NoAccess>
    );
  }
  const customers = await listPartnerCustomers(await getDb(), context.membership.organizationId);
  return (
    <main>
      <h1 className="text-2xl font-semibold text-gray-900">Customers</h1>
      <p className="mt-1 text-gray-700">Organizations that accepted a relationship with {context.membership.organizationName}, and what you may do for each today.</p>
      <div className="mt-6">
        {customers.length === 0 ? (
          <EmptyState title="No customers yet">Customers appear here once an administrator accepts one of your invitations.</EmptyState>
        ) : (
          <Table>
            <TableCaption className="sr-only">Customers of {context.membership.organizationName}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>Customer</TableHead>
                <TableHead>Relationship types</TableHead>
                <TableHead>Admin roles in force</TableHead>
                <TableHead>GDAP status</TableHead>
                <TableHead>Customer Agreement</TableHead>
                <TableHead>Since</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {customers.map((c) => (
                <TableRow key={c.id}>
                  <TableCell className="font-medium text-gray-900">
                    <Link className="text-accent-700 underline" href={`/partner/customers/${c.id}`}>
                      {c.customerName}
                    </Link>
                  </TableCell>
                  <TableCell>{c.types.map((t) => relationshipTypeName(t.type)).join(", ") || "—"}</TableCell>
                  <TableCell>{c.roles.length ? c.roles.map(roleName).join(", ") : "None"}</TableCell>
                  <TableCell>
                    {gdapStatusLabel(c.gdap)}
                    {"endsAt" in c.gdap && <span className="block text-xs text-gray-700">Ends {formatDate(c.gdap.endsAt)}</span>}
                  </TableCell>
                  <TableCell>
                    {c.agreementAccepted ? (
                      <Badge tone="success">Accepted</Badge>
                    ) : (
                      <span>
                        <Badge tone="warning">Agreement pending</Badge>
                        <span className="mt-1 block text-xs text-gray-700">You can't place purchases for this customer until they accept it.</span>
                      </span>
                    )}
                  </TableCell>
                  <TableCell>{formatDate(c.since)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
    </main>
  );
}
