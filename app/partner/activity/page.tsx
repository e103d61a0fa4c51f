import type { Metadata } from "next";
import { ActivityLog } from "@/components/activity/activity-log";
import { NoAccess } from "@/components/layout/area-shell";
import { getDb } from "@/db/client";
import { listActivity } from "@/lib/audit/queries";
import { KINDS_BY_SIDE, parseActivityQuery } from "@/lib/audit/schemas";
import { getAreaContext } from "@/lib/context";
import { readSearchParams, type SearchParams } from "@/lib/page-params";

export const metadata: Metadata = { title: "Activity" };

export default async function PartnerActivityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const context = await getAreaContext("partner.view", "/partner/activity");
  if (!context) {
    return (
      <NoAccess title="Activity">
        <p>The activity log is for agents of a partner organization.</p>
      </NoAccess>
    );
  }
  const { query, errors } = parseActivityQuery(await readSearchParams(searchParams), "partner");
  const result = await listActivity(await getDb(), { actor: context.actor, organizationId: context.membership.organizationId, side: "partner" }, query);
  return (
    <main>
      <h1 className="text-2xl font-semibold text-gray-900">Activity</h1>
      <p className="mt-1 text-gray-700">
        Everything {context.membership.organizationName} did with its customers and what they answered: invitations, acceptances, admin roles
        and customer requests. Newest first; times in UTC.
      </p>
      <ActivityLog basePath="/partner/activity" kinds={KINDS_BY_SIDE.partner} query={query} errors={errors} counterpartyLabel="Customer" {...result} />
    </main>
  );
}
