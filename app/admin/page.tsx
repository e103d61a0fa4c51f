import type { Metadata } from "next";
import Link from "next/link";
import { ActivityEntries } from "@/components/activity/activity-log";
import { NoAccess } from "@/components/layout/area-shell";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { recentActivity } from "@/lib/audit/queries";
import { hasPermission } from "@/lib/authz";
import { getAreaContext } from "@/lib/context";
import { formatDate } from "@/lib/format";
import { countText } from "@/lib/paging";
import { invitationLink } from "@/lib/invitations/service";
import { customerOverview } from "@/lib/relationships/queries";
import { relationshipTypeName } from "@/lib/relationships/types";
import { memberRoleName } from "@/lib/roles";

export const metadata: Metadata = { title: "Admin center" };

const link = "font-medium text-accent-700 underline";

export default async function AdminHomePage() {
  const context = await getAreaContext("admin.view", "/admin");
  if (!context) {
    return (
      <NoAccess title="The admin center is for customer organizations">
        <p>Your account holds no admin role in a customer organization. Ask a Global administrator of your organization for one; partner agents work in the partner portal.</p>
      </NoAccess>
    );
  }
  const { actor, membership } = context;
  const readsPartners = hasPermission(actor, "relationships.view", membership.organizationId);
  const decides = hasPermission(actor, "invitations.accept", membership.organizationId);
  const read = { actor, organizationId: membership.organizationId };
  const db = await getDb();
  const [overview, recent] = readsPartners ? await Promise.all([customerOverview(db, read), recentActivity(db, { ...read, side: "customer" })]) : [undefined, []];
  const pending = overview?.pending;
  const expiring = overview?.expiring;
  const partners = overview?.partners.count ?? 0;

  return (
    <main>
      <h1 className="text-2xl font-semibold text-gray-900">{membership.organizationName}</h1>
      <p className="mt-1 text-gray-700">
        Your roles: {membership.roles.length > 0 ? membership.roles.map(memberRoleName).join(", ") : "no admin role"}
      </p>

      {pending && pending.total > 0 && (
        <section aria-labelledby="pending" className="mt-8 rounded-lg border border-accent-200 bg-accent-50 p-4">
          <h2 id="pending" className="text-lg font-semibold text-gray-900">
            {pending.total === 1 ? "1 invitation waits for your answer" : `${countText(pending.total, pending.capped)} invitations wait for your answer`}
          </h2>
          {!decides && <p className="mt-1 text-sm text-gray-700">A Global, Billing or Partner relationship administrator of your organization accepts or cancels them.</p>}
          {pending.rows.length > 0 ? (
            <ul className="mt-3 space-y-2 text-sm">
              {pending.rows.map(({ invitation, partnerName }) => (
                <li key={invitation.id}>
                  <a className={link} href={invitationLink(invitation).replace(/^https?:\/\/[^/]+/, "")}>
                    Review the {relationshipTypeName(invitation.type)} invitation from {partnerName}
                  </a>
                  <span className="block text-gray-700 sm:inline">
                    {" "}
                    — sent {formatDate(invitation.createdAt)}, expires {formatDate(invitation.expiresAt)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-3 text-sm">
              <Link className={link} href="/admin/invitations">
                Review the {countText(pending.total, pending.capped)} invitations
              </Link>
            </p>
          )}
        </section>
      )}

      {expiring && expiring.total > 0 && (
        <section aria-labelledby="expiring" className="mt-8">
          <h2 id="expiring" className="text-lg font-semibold text-gray-900">
            Access expiring in the next 30 days
          </h2>
          <ul className="mt-3 space-y-2 text-sm">
            {expiring.rows.map((r) => (
              <li key={r.id} className="rounded-md border border-gray-200 bg-white p-3">
                <Link className={link} href={`/admin/settings/partner-relationships/${r.id}`}>
                  {r.partnerName}
                </Link>
                <span className="text-gray-700">
                  {" "}
                  — granular delegated access ends {formatDate(r.gdap.endsAt)} ({r.gdap.days === 1 ? "in 1 day" : `in ${r.gdap.days} days`})
                </span>
              </li>
            ))}
          </ul>
          {expiring.total > expiring.rows.length && (
            <p className="mt-3 text-sm">
              <Link className={link} href="/admin/settings/partner-relationships?status=expiring&sort=gdap">
                See all {countText(expiring.total, expiring.capped)} partners whose access expires soon
              </Link>
            </p>
          )}
        </section>
      )}

      <div className="mt-8 grid gap-6 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Partner relationships</CardTitle>
            <CardDescription>
              {!readsPartners
                ? "Global administrators, Billing administrators and Global readers review which partners hold access."
                : partners === 0
                  ? pending && pending.total > 0
                    ? "No partner works with you yet: the invitations above start a relationship once accepted."
                    : "You don't work with any partner yet."
                  : `${countText(partners, overview?.partners.capped ?? false)} ${partners === 1 ? "partner" : "partners"}, ${countText(overview?.withRoles.count ?? 0, overview?.withRoles.capped ?? false)} with admin roles.`}
            </CardDescription>
          </CardHeader>
          {readsPartners && (
            <CardContent>
              <Link className={link} href="/admin/settings/partner-relationships">
                Review partner relationships
              </Link>
            </CardContent>
          )}
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Find a partner</CardTitle>
            <CardDescription>Search certified partners by location, size and the services you need.</CardDescription>
          </CardHeader>
          <CardContent>
            <Link className={link} href="/partners">
              Search the directory
            </Link>
          </CardContent>
        </Card>
      </div>

      {readsPartners && (
        <section aria-labelledby="recent" className="mt-8">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="recent" className="text-lg font-semibold text-gray-900">
              Recent activity
            </h2>
            <Link className="text-sm font-medium text-accent-700 underline" href="/admin/activity">
              See all activity
            </Link>
          </div>
          <div className="mt-3">
            {recent.length === 0 ? (
              <p className="text-sm text-gray-700">Nothing yet. Invitations you answer and changes to partners' access appear here.</p>
            ) : (
              <ActivityEntries entries={recent} counterpartyLabel="Partner" label="The latest activity" />
            )}
          </div>
        </section>
      )}
    </main>
  );
}
