import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/layout/area-shell";
import { DataRows, type Row } from "@/components/lists/data-rows";
import { EmptyState } from "@/components/ui/empty-state";
import { ChoiceField, NameSearchField, RelationshipTypeField } from "@/components/lists/fields";
import { listHref, SortHeader } from "@/components/lists/sort-header";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCaption, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { getAreaContext } from "@/lib/context";
import { formatDate } from "@/lib/format";
import { countText } from "@/lib/paging";
import { readSearchParams, type SearchParams } from "@/lib/page-params";
import { listPartnerCustomers, type PartnerCustomer } from "@/lib/relationships/queries";
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

/** The columns, in order; those with a sort key sort the list. */
const COLUMNS: { label: string; sort?: PartnerSortKey }[] = [
  { label: "Customer", sort: "customer" },
  { label: "Relationship types" },
  { label: "Admin roles in force" },
  { label: "GDAP status", sort: "gdap" },
  { label: "Customer Agreement" },
  { label: "Since", sort: "since" },
];

/** One row of the list, as the cells it shows. */
function customerRow(c: PartnerCustomer): Row {
  return {
    key: c.id,
    cells: [
      { text: c.customerName, href: `${PATH}/${c.id}` },
      c.types.map((t) => relationshipTypeName(t.type)).join(", ") || "—",
      c.roles.length ? c.roles.map(roleName).join(", ") : "None",
      { text: gdapStatusLabel(c.gdap), note: "endsAt" in c.gdap ? `Ends ${formatDate(c.gdap.endsAt)}` : undefined },
      c.agreementAccepted
        ? { badge: { tone: "success", text: "Accepted" } }
        : { badge: { tone: "warning", text: "Agreement pending" }, note: "You can't place purchases for this customer until they accept it." },
      formatDate(c.since),
    ],
  };
}

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
                {COLUMNS.map(({ label, sort }) => (sort ? <Sort key={label} label={label} column={sort} query={query} /> : <TableHead key={label}>{label}</TableHead>))}
              </TableRow>
            </TableHeader>
            <TableBody>
              <DataRows labels={COLUMNS.map((c) => c.label)} rows={customers.rows.map(customerRow)} />
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
