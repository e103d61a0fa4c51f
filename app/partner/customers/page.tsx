import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/layout/area-shell";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ChoiceField, NameSearchField, RelationshipTypeField } from "@/components/lists/fields";
import { listHref, SortHeader } from "@/components/lists/sort-header";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { getAreaContext } from "@/lib/context";
import { formatDate } from "@/lib/format";
import { countText } from "@/lib/paging";
import { readSearchParams, type SearchParams } from "@/lib/page-params";
import { listPartnerCustomers } from "@/lib/relationships/queries";
import { gdapStatusLabel, PARTNER_STATUS_FILTERS, parsePartnerCustomersQuery, type PartnerCustomersQuery, type PartnerSortKey } from "@/lib/relationships/rules";
import { relationshipTypeName } from "@/lib/relationships/types";
import { roleName } from "@/lib/roles";

export const metadata: Metadata = { title: "Customers" };

const PATH = "/partner/customers";
const DEFAULTS: Partial<PartnerCustomersQuery> = { sort: "customer", dir: "asc" };
const STATUS_NAMES: Record<(typeof PARTNER_STATUS_FILTERS)[number], string> = {
  active: "Active",
  expiring: "Expiring",
  expired: "Expired",
  terminated: "Terminated",
  none: "No GDAP",
};

function Sort({ label, column, query }: { label: string; column: PartnerSortKey; query: PartnerCustomersQuery }) {
  return <SortHeader label={label} column={column} query={query} path={PATH} defaults={DEFAULTS} />;
}

export default async function PartnerCustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const context = await getAreaContext("partner.view", "/partner/customers");
  if (!context) {
    return (
      <NoAccess title="Customers">
        <p>Only agents of a partner organization can see its customers.</p>
      </NoAccess>
    );
  }
  const query = parsePartnerCustomersQuery(await readSearchParams(searchParams));
  const filtered = Boolean(query.q || query.type || query.status);
  const customers = await listPartnerCustomers(await getDb(), { actor: context.actor, organizationId: context.membership.organizationId }, query);
  return (
    <main>
      <h1 className="text-2xl font-semibold text-gray-900">Customers</h1>
      <p className="mt-1 text-gray-700">Organizations that accepted a relationship with {context.membership.organizationName}, and what you may do for each today.</p>
      {(customers.total > 0 || filtered) && (
        <form method="get" className="mt-6 grid gap-3 rounded-lg border border-gray-200 bg-white p-4 md:grid-cols-[1.5fr_1fr_1fr_auto] md:items-end">
          <input type="hidden" name="sort" value={query.sort} />
          <input type="hidden" name="dir" value={query.dir} />
          <NameSearchField value={query.q} />
          <RelationshipTypeField value={query.type} />
          <ChoiceField id="status" name="status" label="GDAP status" anyLabel="Any status" value={query.status} choices={PARTNER_STATUS_FILTERS.map((value) => ({ value, label: STATUS_NAMES[value] }))} />
          <Button type="submit" variant="secondary">
            Apply
          </Button>
        </form>
      )}
      <div className="mt-6">
        {customers.total === 0 ? (
          filtered ? (
            <EmptyState title="No customers match">
              <Link className="font-medium text-accent-700 underline" href={PATH}>
                Clear the filters
              </Link>
            </EmptyState>
          ) : (
            <EmptyState title="No customers yet">Customers appear here once an administrator accepts one of your invitations.</EmptyState>
          )
        ) : (
          <Table>
            <TableCaption className="text-left text-sm text-gray-700">
              {countText(customers.total, customers.capped)} {customers.total === 1 ? "customer" : "customers"}
              {filtered ? " match" : ""}
              {customers.pageCount > 1 ? `, page ${customers.page} of ${countText(customers.pageCount, customers.capped)}` : ""}.
            </TableCaption>
            <TableHeader>
              <TableRow>
                <Sort label="Customer" column="customer" query={query} />
                <TableHead>Relationship types</TableHead>
                <TableHead>Admin roles in force</TableHead>
                <Sort label="GDAP status" column="gdap" query={query} />
                <TableHead>Customer Agreement</TableHead>
                <Sort label="Since" column="since" query={query} />
              </TableRow>
            </TableHeader>
            <TableBody>
              {customers.rows.map((c) => (
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
        <Pagination
          aria-label="Pages of customers"
          page={customers.page}
          pageCount={customers.pageCount}
          countIsLowerBound={customers.capped}
          hrefForPage={(p) => listHref(PATH, query, DEFAULTS, { page: p })}
          className="mt-4"
        />
      </div>
    </main>
  );
}
