import { getDb } from "@/db/client";
import { getActor, hasPermission, primaryMembership } from "@/lib/authz";
import { csvStreamResponse } from "@/lib/csv";
import { customerRelationshipBatches } from "@/lib/relationships/queries";
import { parseListQuery, RELATIONSHIPS_CSV_HEADER, relationshipCsvCells } from "@/lib/relationships/rules";

/**
 * The Partner relationships table as CSV, with the same search and filters as the page, by partner
 * name. It streams: each batch of rows is read when the client has taken the one before, so an
 * export of 50,000 partners holds one batch in memory, not the file.
 */
export async function GET(request: Request) {
  const actor = await getActor();
  const membership = primaryMembership(actor, "customer");
  if (!membership || !hasPermission(actor, "relationships.view", membership.organizationId)) {
    return new Response("Sign in as a member of a customer organization.", { status: actor ? 403 : 401 });
  }
  const query = parseListQuery(Object.fromEntries(new URL(request.url).searchParams));
  const db = await getDb();
  async function* rows() {
    for await (const batch of customerRelationshipBatches(db, { actor, organizationId: membership!.organizationId }, query)) yield batch.map(relationshipCsvCells);
  }
  return csvStreamResponse(`partner-relationships-${new Date().toISOString().slice(0, 10)}.csv`, RELATIONSHIPS_CSV_HEADER, rows());
}
