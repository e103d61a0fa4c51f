/**
 * CSV as spreadsheets read it: every cell quoted, quotes doubled, lines ended with CRLF. A cell that
 * starts with a formula character (= + - @, tab, carriage return) gets a leading apostrophe, so a
 * spreadsheet shows it as text and never runs it (CSV injection).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** One CSV line, with its CRLF. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** Rows of cells, a batch at a time (e.g. one query of 1,000 rows each). */
export type CsvBatches = AsyncIterable<readonly (readonly string[])[]> | AsyncIterator<readonly (readonly string[])[]>;

function iteratorOf(batches: CsvBatches): AsyncIterator<readonly (readonly string[])[]> {
  return Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : batches;
}

/**
 * CSV written as the client reads it: the header line, then one chunk per batch, each batch asked
 * for only when the client has taken the one before (a pull stream holding at most one chunk), so an
 * export of any size holds one batch in memory. A client that goes away ends the batches (their
 * iterator's return), so no further query runs.
 */
export function csvStream(header: readonly string[], batches: CsvBatches): ReadableStream<Uint8Array> {
  const rows = iteratorOf(batches);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(csvLine(header)));
      },
      async pull(controller) {
        for (;;) {
          const next = await rows.next();
          if (next.done) {
            controller.close();
            return;
          }
          // An empty batch writes nothing; read on rather than enqueue an empty chunk.
          if (next.value.length > 0) {
            controller.enqueue(encoder.encode(next.value.map(csvLine).join("")));
            return;
          }
        }
      },
      async cancel() {
        await rows.return?.(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

/** A download of CSV streamed from batches (csvStream), never cached. `filename` is ours, not a visitor's. */
export function csvStreamResponse(filename: string, header: readonly string[], batches: CsvBatches): Response {
  return new Response(csvStream(header, batches), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/["\\\r\n]/g, "")}"`,
      "cache-control": "no-store",
    },
  });
}
