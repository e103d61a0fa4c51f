import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "@/lib/csv";

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
