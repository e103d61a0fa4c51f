import type { Metadata } from "next";
import { ActivityLog } from "@/components/activity/activity-log";
import { NoAccess } from "@/components/layout/area-shell";
import { getDb } from "@/db/client";
import { listActivity } from "@/lib/audit/queries";
import { KINDS_BY_SIDE, parseActivityQuery } from "@/lib/audit/schemas";
import { getAreaContext } from "@/lib/context";
import { readSearchParams, type SearchParams } from "@/lib/page-params";

export const metadata: Metadata = { title: "Activity" };

export default async function AdminActivityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const context = await getAreaContext("relationships.view", "/admin/activity");
  if (!context) {
    return (
      <NoAccess title="Activity">
        <p>The activity log is for Global administrators, Billing administrators and Global readers of a customer organization.</p>
      </NoAccess>
    );
  }
  const { query, errors } = parseActivityQuery(await readSearchParams(searchParams), "customer");
  const result = await listActivity(await getDb(), { actor: context.actor, organizationId: context.membership.organizationId, side: "customer" }, query);
  return (
    <main>
      <h1 className="text-2xl font-semibold text-gray-900">Activity</h1>
      <p className="mt-1 text-gray-700">
        Everything that happened between {context.membership.organizationName} and its partners: invitations, accepted agreements, admin roles
        granted, removed and expired, and settings changed. Newest first; times in UTC.
      </p>
      <ActivityLog basePath="/admin/activity" kinds={KINDS_BY_SIDE.customer} query={query} errors={errors} counterpartyLabel="Partner" {...result} />
    </main>
  );
}
