import { describe, expect, it } from "vitest";
import { LIST_PAGE_SIZE, pageOf, parseListQuery, relationshipsCsv } from "@/lib/relationships/rules";

describe("partner relationships table", () => {
  it("pages long lists and clamps pages past the end", () => {
    const rows = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(rows, 1)).toMatchObject({ page: 1, pageCount: 3 });
    expect(pageOf(rows, 1).rows).toHaveLength(LIST_PAGE_SIZE);
    expect(pageOf(rows, 3).rows).toHaveLength(120 - 2 * LIST_PAGE_SIZE);
    expect(pageOf(rows, 99).page).toBe(3);
    expect(pageOf([], 1)).toMatchObject({ rows: [], page: 1, pageCount: 1 });
  });

  it("ignores unusable query values", () => {
    expect(parseListQuery({ sort: "hack", dir: "sideways", page: "-1", type: "owner", status: "x" })).toMatchObject({
      sort: "partner",
      dir: "asc",
      page: 1,
      type: undefined,
      status: undefined,
    });
  });

  it("exports CSV that a spreadsheet cannot mistake for a formula", () => {
    const csv = relationshipsCsv([
      {
        id: "1",
        partnerOrganizationId: "p",
        partnerName: '=HYPERLINK("http://evil")',
        types: ["reseller"],
        activeRoles: [],
        topRole: undefined,
        gdap: { kind: "none" },
        agreementAccepted: true,
        since: new Date("2026-11-01T00:00:00Z"),
      },
    ]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv.split("\r\n")[1]).toBe(`"'=HYPERLINK(""http://evil"")","Reseller","0","","—","","Accepted","2026-11-01"`);
  });
});
