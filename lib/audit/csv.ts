import "server-only";
import type { DbOrTx } from "@/db/client";
import { csvLine } from "@/lib/csv";
import { relationshipTypeName } from "@/lib/relationships/types";
import { allActivity, type ActivityEntry, type ActivityFilter, type ActivityRead } from "./queries";
import { describeEvent } from "./rules";

/** The other party's column: the partner on a customer's log, the customer on a partner's. */
const header = (side: ActivityRead["side"]) => ["Date (UTC)", "Activity", "Relationship type", "Performed by", "Performed by (email)", side === "customer" ? "Partner" : "Customer"];

function activityLine(entry: ActivityEntry): string {
  return csvLine([
    entry.occurredAt.toISOString().replace("T", " ").slice(0, 19),
    describeEvent(entry),
    entry.type ? relationshipTypeName(entry.type) : "",
    entry.person.name ?? entry.person.label,
    entry.person.email ?? "",
    entry.counterparty ?? "",
  ]);
}

/**
 * The log with these filters as CSV, written batch by batch as the client reads it. Throws
 * AuthorizationError at once (before any byte) when the reader may not read this log.
 */
export function activityCsvStream(db: DbOrTx, read: ActivityRead, filter: ActivityFilter): ReadableStream<Uint8Array> {
  const batches = allActivity(db, read, filter);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLine(header(read.side))));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map((entry) => activityLine(entry)).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
