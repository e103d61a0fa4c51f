import { getDb } from "@/db/client";
import { activityCsvResponse } from "@/lib/audit/csv";
import { parseActivityQuery } from "@/lib/audit/schemas";
import { getActor, hasPermission, primaryMembership } from "@/lib/authz";

/** The partner organization's Activity as CSV, with the page's filters (every page of them), streamed as it is read. */
export async function GET(request: Request) {
  const actor = await getActor();
  const membership = primaryMembership(actor, "partner");
  if (!membership || !hasPermission(actor, "partner.view", membership.organizationId)) {
    return new Response("Sign in as an agent of a partner organization.", { status: actor ? 403 : 401 });
  }
  const { query } = parseActivityQuery(Object.fromEntries(new URL(request.url).searchParams), "partner");
  return activityCsvResponse(await getDb(), { actor, organizationId: membership.organizationId, side: "partner" }, query);
}
