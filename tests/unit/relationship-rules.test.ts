import { describe, expect, it } from "vitest";
import { parseListQuery, parsePartnerCustomersQuery, relationshipsCsv } from "@/lib/relationships/rules";

describe("partner relationships table", () => {
  it("ignores unusable query values", () => {
    expect(parseListQuery({ sort: "hack", dir: "sideways", page: "-1", type: "owner", status: "x" })).toMatchObject({
      sort: "partner",
      dir: "asc",
      page: 1,
      type: undefined,
      status: undefined,
    });
    expect(parsePartnerCustomersQuery({ sort: "partner", status: "pending", q: "x".repeat(101), page: "2" })).toMatchObject({ sort: "customer", status: undefined, q: undefined, page: 2 });
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
