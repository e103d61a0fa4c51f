import type { Metadata } from "next";
import Link from "next/link";
import { ActivityEntries } from "@/components/activity/activity-log";
import { NoAccess } from "@/components/layout/area-shell";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { recentActivity } from "@/lib/audit/queries";
import { countNewRequests } from "@/lib/contact-requests/queries";
import { hasPermission } from "@/lib/authz";
import { getAreaContext } from "@/lib/context";
import { formatDate, formatNumber } from "@/lib/format";
import { countText, type CappedCount } from "@/lib/paging";
import { countPendingInvitations, expiringCustomers } from "@/lib/organizations/queries";
import { PARTNER_AGENT_ROLE_NAMES, type PartnerAgentRole } from "@/lib/roles";

export const metadata: Metadata = { title: "Partner portal" };

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** One count of the Overview: the number, what it counts, and where to act on it. */
function CountCard({ id, count, title, description, href, linkLabel }: { id: string; count: CappedCount; title: string; description: string; href: string; linkLabel: string }) {
  return (
    <Card aria-labelledby={id}>
      <CardHeader>
        <CardTitle id={id} as="h2">
          <span className="block text-3xl font-semibold tabular-nums text-gray-900">{countText(count.count, count.capped)}</span>{" "}
          {title}
        </CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>
        <Link className="font-medium text-accent-700 underline" href={href}>
          {linkLabel}
        </Link>
      </CardContent>
    </Card>
  );
}

export default async function PartnerHomePage() {
  const context = await getAreaContext("partner.view", "/partner");
  if (!context) {
    return (
      <NoAccess title="The partner portal is for partner organizations">
        <p>Your account isn't an agent of a partner organization. Customer administrators work in the admin center.</p>
      </NoAccess>
    );
  }
  const { actor, membership } = context;
  const read = { actor, organizationId: membership.organizationId };
  const db = await getDb();
  const [newRequests, pendingInvitations, expiring, recent] = await Promise.all([
    // A technician reads no customer requests: that card is for the agents who answer them.
    hasPermission(actor, "contact_requests.read", membership.organizationId) ? countNewRequests(db, read) : Promise.resolve(null),
    countPendingInvitations(db, read),
    expiringCustomers(db, read),
    recentActivity(db, { ...read, side: "partner" }),
  ]);
  const roles = membership.roles.map((r) => PARTNER_AGENT_ROLE_NAMES[r as PartnerAgentRole] ?? r).join(", ");
  return (
    <main>
      <h1 className="text-2xl font-semibold text-gray-900">{membership.organizationName}</h1>
      <p className="mt-1 text-gray-700">Your role: {roles || "member"}</p>

      <div className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {newRequests && (
          <CountCard
            id="count-requests"
            count={newRequests}
            title={newRequests.count === 1 ? "New customer request" : "New customer requests"}
            description="Customers who chose you in Find a partner and wait for your reply."
            href="/partner/requests?status=new"
            linkLabel="Answer new requests"
          />
        )}
        <CountCard
          id="count-invitations"
          count={pendingInvitations}
          title={pendingInvitations.count === 1 ? "Pending invitation" : "Pending invitations"}
          description="Invitations your customers have not answered yet."
          href="/partner/invitations?status=pending"
          linkLabel="Follow pending invitations"
        />
        <CountCard
          id="count-expiring"
          count={expiring}
          title={expiring.count === 1 ? "Customer with access expiring" : "Customers with access expiring"}
          description="Granular delegated access that ends within 30 days."
          href={expiring.count === 1 ? `/partner/customers/${expiring.rows[0]!.relationshipId}` : "/partner/customers?status=expiring&sort=gdap"}
          linkLabel={expiring.count === 1 ? `Open ${expiring.rows[0]!.customerName}` : "Open your customers"}
        />
      </div>

      {expiring.rows.length > 0 && (
        <section aria-labelledby="expiring" className="mt-8">
          <h2 id="expiring" className="text-lg font-semibold text-gray-900">
            Access expiring in the next 30 days
          </h2>
          <ul className="mt-3 space-y-2 text-sm">
            {expiring.rows.map((c) => (
              <li key={c.relationshipId} className="rounded-md border border-gray-200 bg-white p-3">
                <Link className="font-medium text-accent-700 underline" href={`/partner/customers/${c.relationshipId}`}>
                  {c.customerName}
                </Link>
                <span className="text-gray-700">
                  {" "}
                  — granular delegated access {c.autoExtend ? "extends itself by 180 days" : "ends"} on {formatDate(c.endsAt)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="recent" className="mt-8">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="recent" className="text-lg font-semibold text-gray-900">
            Recent activity
          </h2>
          <Link className="text-sm font-medium text-accent-700 underline" href="/partner/activity">
            See all activity
          </Link>
        </div>
        <div className="mt-3">
          {recent.length === 0 ? (
            <p className="text-sm text-gray-700">Nothing yet. Invitations you send and what customers answer appear here.</p>
          ) : (
            <ActivityEntries entries={recent} counterpartyLabel="Customer" label={`The latest ${plural(recent.length, "entry", "entries")}`} />
          )}
        </div>
      </section>

      <section aria-labelledby="listing" className="mt-8">
        <Card>
          <CardHeader>
            <CardTitle id="listing">Your directory listing</CardTitle>
            <CardDescription>How customers find {membership.organizationName} in Find a partner.</CardDescription>
          </CardHeader>
          <CardContent>
            <Link className="font-medium text-accent-700 underline" href="/partners">
              Open the directory
            </Link>
          </CardContent>
        </Card>
      </section>
    </main>
  );
}
