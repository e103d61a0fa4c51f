import { getDb } from "@/db/client";
import { getActor, hasPermission, primaryMembership } from "@/lib/authz";
import { csvLine } from "@/lib/csv";
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
  const batches = customerRelationshipBatches(await getDb(), { actor, organizationId: membership.organizationId }, query);
  const encoder = new TextEncoder();
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLine(RELATIONSHIPS_CSV_HEADER)));
        return;
      }
      try {
        const next = await batches.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value.map((row) => csvLine(relationshipCsvCells(row))).join("")));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="partner-relationships-${date}.csv"`,
      "cache-control": "no-store",
    },
  });
}
