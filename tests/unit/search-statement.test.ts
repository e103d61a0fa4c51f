import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { keywordTsQuery } from "@/lib/partners/search/query";
import type { CandidatePlan } from "@/lib/partners/search/plan";
import { searchStatement, type SearchShape } from "@/lib/partners/search/statement";

const dialect = new PgDialect();
const text = (query: SQL | null) => (query ? dialect.sqlToQuery(query) : null);
const walkUS: CandidatePlan = { kind: "walk", via: "c:US" };
const shape = (overrides: Partial<SearchShape>): SearchShape => ({ keywords: "'secur'", filters: ["c:US"], plan: walkUS, page: 1, ...overrides });

describe("searchStatement", () => {
  it("names keyword searches on pages 1–5 and others on page 1, never before there are statistics", () => {
    expect([1, 5, 6].map((page) => searchStatement(shape({ page })).named)).toEqual([true, true, false]);
    expect([1, 2].map((page) => searchStatement(shape({ keywords: null, page })).named)).toEqual([true, false]);
    expect(searchStatement(shape({ plan: { kind: "planner" } })).named).toBe(false);
    expect(searchStatement(shape({ plan: { kind: "bitmap" } })).named).toBe(true);
  });

  it("keeps the words out of the text, so that every search of one shape shares its statement", () => {
    const security = text(searchStatement(shape({ keywords: keywordTsQuery([[["secur"]]]) })).results);
    const teams = text(searchStatement(shape({ keywords: keywordTsQuery([[["team"]]]), page: 3 })).results);
    expect(teams?.sql).toBe(security?.sql);
    expect(teams?.params).toContain(20);
    expect(security?.params).toContain("'secur'");
    expect(security?.sql).not.toContain("secur");
  });

  it("states a walk's listing as the partial index's predicate, and keeps the bitmap off every listing", () => {
    const walk = text(searchStatement(shape({ filters: ["c:US", "s:50-249"] })).results)!;
    expect(walk.sql).toContain(`s.document @@ '''c:US'''::tsquery and ts_match_vq(s.document, $`);
    expect(walk.params).toContain("'secur' & 's:50-249'");
    const bitmap = text(searchStatement(shape({ plan: { kind: "bitmap" } })).results)!;
    expect(bitmap.sql).toContain("(s.rating_tenths + 0) desc");
    expect(bitmap.params).toContain("'secur' & 'c:US'");
  });

  it("puts the offset of a search without keywords in its text, and shows nothing past the cap", () => {
    const second = text(searchStatement(shape({ keywords: null, page: 2 })).results)!;
    expect(second.sql).toMatch(/offset 10\b/);
    expect(searchStatement(shape({ keywords: null, page: 21 })).results).toBeNull();
    expect(searchStatement(shape({ page: 21 })).results).toBeNull();
    expect(text(searchStatement(shape({ page: 21 })).count)?.sql).toContain("limit 201");
  });
});
