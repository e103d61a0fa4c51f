import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/layout/area-shell";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { getAreaContext } from "@/lib/context";
import { listCustomerRelationships } from "@/lib/relationships/queries";
import { relationshipTypeName } from "@/lib/relationships/types";
import { mostPrivileged } from "@/lib/roles";

export const metadata: Metadata = { title: "Partner relationships" };

export default async function PartnerRelationshipsPage() {
  const context = await getAreaContext("customer", "/admin/settings/partner-relationships");
  if (!context) {
    return (
      <NoAccess title="Partner relationships">
        <p>Only members of a customer organization can see its partner relationships.</p>
      </NoAccess>
    );
  }
  const relationships = await listCustomerRelationships(await getDb(), context.membership.organizationId);
  return (
    <main>
      <p className="text-sm text-gray-600">Settings</p>
      <h1 className="text-2xl font-semibold text-gray-900">Partner relationships</h1>
      <p className="mt-1 text-gray-700">Every partner {context.membership.organizationName} works with, and the admin roles each holds today.</p>
      <div className="mt-6">
        {relationships.length === 0 ? (
          <EmptyState title="No partner relationships yet">
            Relationships start when a partner sends your organization an invitation and a Global or Billing administrator
            accepts it. <Link className="font-medium text-accent-700 underline" href="/partners">Find a partner</Link> to get started.
          </EmptyState>
        ) : (
          <Table aria-label="Partner relationships">
            <TableHeader>
              <TableRow>
                <TableHead>Partner</TableHead>
                <TableHead>Relationship types</TableHead>
                <TableHead>Admin roles</TableHead>
                <TableHead>Since</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {relationships.map((r) => (
                <TableRow key={r.id}>
                  <TableCell className="font-medium text-gray-900">{r.partnerName}</TableCell>
                  <TableCell>{r.types.map(relationshipTypeName).join(", ") || "—"}</TableCell>
                  <TableCell>
                    {r.activeRoles.length === 0 ? "None" : `${r.activeRoles.length} (${mostPrivileged(r.activeRoles)?.name ?? ""})`}
                  </TableCell>
                  <TableCell>{r.since.toLocaleDateString("en-US", { dateStyle: "medium" })}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
    </main>
  );
}
