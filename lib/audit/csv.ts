import "server-only";
import type { DbOrTx } from "@/db/client";
import { csvStream, csvStreamResponse } from "@/lib/csv";
import { relationshipTypeName } from "@/lib/relationships/types";
import { allActivity, type ActivityEntry, type ActivityFilter, type ActivityRead } from "./queries";
import { describeEvent } from "./rules";

/** The other party's column: the partner on a customer's log, the customer on a partner's. */
const header = (side: ActivityRead["side"]) => ["Date (UTC)", "Activity", "Relationship type", "Performed by", "Performed by (email)", side === "customer" ? "Partner" : "Customer"];

function activityCells(entry: ActivityEntry): string[] {
  return [
    entry.occurredAt.toISOString().replace("T", " ").slice(0, 19),
    describeEvent(entry),
    entry.type ? relationshipTypeName(entry.type) : "",
    entry.person.name ?? entry.person.label,
    entry.person.email ?? "",
    entry.counterparty ?? "",
  ];
}

/** The log's batches as rows of cells; ending this ends the reading of batches. */
async function* cellBatches(batches: AsyncGenerator<ActivityEntry[]>): AsyncGenerator<string[][]> {
  for await (const batch of batches) yield batch.map(activityCells);
}

/**
 * The log with these filters as CSV, read batch by batch (keyset queries by occurred_at and id) as
 * the client reads it. Throws AuthorizationError at once (before any byte) when the reader may not
 * read this log.
 */
export function activityCsvStream(db: DbOrTx, read: ActivityRead, filter: ActivityFilter, batchSize?: number): ReadableStream<Uint8Array> {
  return csvStream(header(read.side), cellBatches(allActivity(db, read, filter, batchSize)));
}

/** The log as a CSV download named for today (see activityCsvStream). */
export function activityCsvResponse(db: DbOrTx, read: ActivityRead, filter: ActivityFilter): Response {
  return csvStreamResponse(`activity-${new Date().toISOString().slice(0, 10)}.csv`, header(read.side), cellBatches(allActivity(db, read, filter)));
}
