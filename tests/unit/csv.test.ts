import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, csvLine, csvStream, csvStreamResponse } from "@/lib/csv";

/** Reads one quoted cell back as a spreadsheet would. */
function unquote(cell: string): string {
  expect(cell.startsWith('"') && cell.endsWith('"')).toBe(true);
  return cell.slice(1, -1).replaceAll('""', '"');
}

describe("CSV cells", () => {
  it("quotes every cell and doubles its quotes", () => {
    expect(csvCell('Fabrikam "Partners", Inc.')).toBe('"Fabrikam ""Partners"", Inc."');
    expect(csvLine(["a", "b,c", ""])).toBe('"a","b,c",""\r\n');
  });

  it("never starts a cell with a formula character, and otherwise keeps the text as it is", () => {
    for (const formula of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(unquote(csvCell(formula))).toBe(`'${formula}`);
    fc.assert(
      fc.property(fc.string(), (value) => {
        const read = unquote(csvCell(value));
        expect(/^[=+\-@\t\r]/.test(read)).toBe(false);
        expect(read === value || read === `'${value}`).toBe(true);
      }),
    );
  });
});

/** Batches of rows as a query would hand them out, counting how many were asked for and whether the reading ended. */
function countedBatches(batches: string[][][]) {
  const state = { asked: 0, ended: false };
  async function* rows() {
    try {
      for (const batch of batches) {
        state.asked++;
        yield batch;
      }
    } finally {
      state.ended = true;
    }
  }
  return { state, rows: rows() };
}

describe("CSV streams", () => {
  const header = ["Name", "Formula"];
  const batches = [
    [
      ["Fabrikam", "=1+1"],
      ['Say "hi"', "a,b"],
    ],
    [],
    [["Contoso", "@SUM(A1)"]],
  ];

  it("write the same text as the lines joined, one chunk per batch", async () => {
    const { rows } = countedBatches(batches);
    const text = await new Response(csvStream(header, rows)).text();
    expect(text).toBe([header, ...batches.flat()].map(csvLine).join(""));

    const response = csvStreamResponse('activity "2026".csv', header, countedBatches(batches).rows);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="activity 2026.csv"');
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe(text);
  });

  it("ask for a batch only when the reader has taken the one before, and stop asking when the reader goes away", async () => {
    const many = Array.from({ length: 10 }, (_, i) => [[`row ${i}`, String(i)]]);
    const { state, rows } = countedBatches(many);
    const reader = csvStream(header, rows).getReader();
    const decoder = new TextDecoder();
    expect(decoder.decode((await reader.read()).value)).toBe(csvLine(header));
    // Nothing read past the header: at most the one batch a pull stream keeps ready.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(state.asked).toBeLessThanOrEqual(1);
    for (let i = 0; i < 3; i++) expect(decoder.decode((await reader.read()).value)).toBe(csvLine([`row ${i}`, String(i)]));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(state.asked).toBeLessThanOrEqual(4);
    await reader.cancel();
    expect(state.ended).toBe(true);
    expect(state.asked).toBeLessThan(many.length);
  });
});
