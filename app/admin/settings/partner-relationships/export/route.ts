import { getDb } from "@/db/client";
import { getActor, hasPermission, primaryMembership } from "@/lib/authz";
import { applyListQuery, parseListQuery, relationshipsCsv } from "@/lib/relationships/rules";
import { listCustomerRelationships } from "@/lib/relationships/queries";

/** The Partner relationships table as CSV, with the same search, filters and order as the page. */
export async function GET(request: Request) {
  const actor = await getActor();
  const membership = primaryMembership(actor, "customer");
  if (!membership || !hasPermission(actor, "relationships.view", membership.organizationId)) {
    return new Response("Sign in as a member of a customer organization.", { status: actor ? 403 : 401 });
  }
  const query = parseListQuery(Object.fromEntries(new URL(request.url).searchParams));
  const rows = applyListQuery(await listCustomerRelationships(await getDb(), { actor, organizationId: membership.organizationId }), query);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(relationshipsCsv(rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="partner-relationships-${date}.csv"`,
      "cache-control": "no-store",
    },
  });
}
