import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertPartners, seedDatabase } from "@/db/seed";
import { generatePartners } from "@/db/seed-data";
import {
  clearSearchTermCache,
  estimateMatches,
  MAX_RESULTS,
  PAGE_SIZE,
  parseDirectoryQuery,
  preferBitmap,
  refreshSearchVocabulary,
  searchDirectory,
} from "@/lib/partners/search";
import { resetDatabase } from "../support/db";

let db: Db;
const search = (params: Record<string, string>) => searchDirectory(db, parseDirectoryQuery(params));

describe("directory search", () => {
  beforeAll(async () => {
    db = await resetDatabase();
    await seedDatabase(db);
  });

  it("finds security partners in the United States for 50–249 employees", async () => {
    const page = await search({ location: "US", size: "50-249", q: "security" });
    expect(page.total).toBeGreaterThanOrEqual(5);
    for (const r of page.results) {
      expect(r.locations.some((l) => l.country === "US")).toBe(true);
      expect(r.sizesServed).toContain("50-249");
    }
    // The best matches name security among their services.
    expect(page.results.slice(0, 3).every((r) => r.services.some((s) => /secur/i.test(s)))).toBe(true);
  });

  it("tolerates a misspelt keyword", async () => {
    const right = await search({ location: "US", q: "security" });
    const typo = await search({ location: "US", q: "secruity" });
    expect(typo.total).toBeGreaterThan(0);
    expect(typo.total).toBe(right.total);
    expect((await search({ q: "migraton" })).total).toBe((await search({ q: "migration" })).total);
  });

  it("finds migration partners in Germany, and filters by city", async () => {
    const germany = await search({ location: "DE", q: "migration" });
    expect(germany.total).toBeGreaterThanOrEqual(3);
    expect(germany.results.every((r) => r.locations.some((l) => l.country === "DE"))).toBe(true);
    const seattle = await search({ location: "US", city: "seattle" });
    expect(seattle.results.every((r) => r.locations.some((l) => l.city === "Seattle"))).toBe(true);
    expect(seattle.results.map((r) => r.name)).toContain("Fabrikam Partners");
    const newYork = await search({ location: "US", city: "New York" });
    expect(newYork.total).toBeGreaterThan(0);
    expect(newYork.results.every((r) => r.locations.some((l) => l.city === "New York"))).toBe(true);
  });

  it("ranks a name match first", async () => {
    const page = await search({ q: "Adatum" });
    expect(page.results[0]?.name).toBe("Adatum Consulting");
  });

  it("completes a keyword that is the start of known words", async () => {
    const partial = await search({ q: "sharep" });
    expect(partial.total).toBeGreaterThan(0);
    expect(partial.total).toBe((await search({ q: "sharepoint" })).total);
    expect(partial.results.every((r) => r.services.some((s) => /sharepoint/i.test(s)))).toBe(true);
  });

  it("treats quotes and backslashes in a city as text", async () => {
    for (const city of ["o'brien", "back\\slash", "' | 'c:US", "a:b & c"]) {
      await expect(search({ location: "US", city })).resolves.toMatchObject({ total: 0 });
    }
  });

  it("requires every keyword", async () => {
    const both = await search({ q: "teams voice" });
    expect(both.total).toBeGreaterThan(0);
    expect(both.total).toBeLessThanOrEqual((await search({ q: "teams" })).total);
  });

  it("pages through results without repeats and counts them up to the cap", async () => {
    const first = await search({});
    expect(first).toMatchObject({ total: MAX_RESULTS, capped: true });
    expect(first.results).toHaveLength(PAGE_SIZE);
    const second = await search({ page: "2" });
    expect(second.total).toBe(first.total);
    const ids = new Set(first.results.map((r) => r.id));
    expect(second.results.some((r) => ids.has(r.id))).toBe(false);
    const beyond = await search({ page: "100" });
    expect(beyond.results).toHaveLength(0);
    expect(beyond.total).toBe(first.total);
  });

  it("returns nothing, not an error, for a search with no match or hostile text", async () => {
    expect((await search({ q: "zzqqxxv" })).total).toBe(0);
    for (const q of ["'; drop table partner_profiles; --", "a & b | !c", "<script>alert(1)</script>", "::* :* (", "\u0000\u0007"]) {
      await expect(search({ q })).resolves.toBeDefined();
    }
  });

  it("ignores unusable filters instead of failing", () => {
    const query = parseDirectoryQuery({ location: "Atlantis", size: "huge", page: "-3", sel: ["ok-slug", "Bad Slug!", "ok-slug"] });
    expect(query).toMatchObject({ location: undefined, size: undefined, page: 1, sel: ["ok-slug"] });
  });
});

describe("directory search words", () => {
  it("drops stop words instead of correcting them", async () => {
    const db = await resetDatabase();
    await seedDatabase(db);
    const withStopWord = await searchDirectory(db, parseDirectoryQuery({ q: "managed it services" }));
    const without = await searchDirectory(db, parseDirectoryQuery({ q: "managed services" }));
    expect(withStopWord.total).toBeGreaterThan(0);
    expect(withStopWord.total).toBe(without.total);
    expect((await searchDirectory(db, parseDirectoryQuery({ q: "the" }))).total).toBe((await searchDirectory(db, parseDirectoryQuery({}))).total);
  });

  it("finds a new profile's words at once, before and after the vocabulary learns them", async () => {
    const db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 20 });
    // Looked up (and remembered) while nobody uses the word.
    expect((await searchDirectory(db, parseDirectoryQuery({ q: "zebrafish" }))).total).toBe(0);
    const [partner] = generatePartners(1, 99);
    await insertPartners(db, [{ ...partner!, name: "Zebrafish Networks", slug: "zebrafish-networks" }]);
    const before = await searchDirectory(db, parseDirectoryQuery({ q: "zebrafish" }));
    expect(before.results.map((r) => r.name)).toEqual(["Zebrafish Networks"]);
    await refreshSearchVocabulary(db);
    expect((await searchDirectory(db, parseDirectoryQuery({ q: "zebrafis" }))).results.map((r) => r.name)).toEqual(["Zebrafish Networks"]);
  });
});

describe("broad searches", () => {
  it(`count and page through at most the best ${MAX_RESULTS} matches`, async () => {
    const db = await resetDatabase();
    await seedDatabase(db, { partnerCount: MAX_RESULTS + 100 });
    const all = await searchDirectory(db, parseDirectoryQuery({}));
    expect(all).toMatchObject({ total: MAX_RESULTS, capped: true, pageCount: MAX_RESULTS / PAGE_SIZE });
    const last = await searchDirectory(db, parseDirectoryQuery({ page: String(MAX_RESULTS / PAGE_SIZE) }));
    expect(last.results).toHaveLength(PAGE_SIZE);
    const first = all.results[0]!;
    expect(first.rating).toBe(Math.max(...last.results.map((r) => r.rating ?? 0), first.rating ?? 0));
    const narrow = await searchDirectory(db, parseDirectoryQuery({ location: "DE", q: "migration" }));
    expect(narrow.capped).toBe(false);
    expect(narrow.total).toBeGreaterThan(0);
  });
});

describe("how a search finds its candidates", () => {
  it("returns the same pages whether it walks the listing or reads every match from the GIN index", async () => {
    const db = await resetDatabase();
    await seedDatabase(db, { partnerCount: MAX_RESULTS + 100 });
    const queries = [
      { location: "US", q: "security" },
      { location: "DE", size: "250-999", q: "migration" },
      { location: "GB", q: "secruity", page: "2" },
      { q: "cloud migration" },
      { location: "US", size: "50-249" },
      { location: "US", city: "Seattle", page: "2" },
      { size: "10000+", q: "teams voice" },
      { size: "250-999", page: "3" },
    ];
    const run = async () => {
      clearSearchTermCache();
      return Promise.all(queries.map((q) => searchDirectory(db, parseDirectoryQuery(q))));
    };
    // Without statistics the planner chooses; once the table is analyzed, small result sets are read as a bitmap.
    const planner = await run();
    await db.execute(sql`analyze partner_search`);
    const estimated = await run();
    expect(estimated).toEqual(planner);
    expect(planner.some((page) => page.total > 0 && !page.capped)).toBe(true);
  });

  it("reads every match when few are expected, and walks the listing when many are", () => {
    const stats = { rows: 100_000, frequency: new Map([["c:US", 0.24], ["c:FR", 0.046], ["secur", 0.3], ["train", 0.2], ["cloud", 0.29], ["migrat", 0.31]]), rare: 0.0001 };
    const matches = (keywords: string[][][], filters: string[]) => estimateMatches(stats, keywords, filters) as number;
    expect(matches([[["secur"]]], ["c:US"])).toBeCloseTo(7200);
    // Keywords are correlated: two count as the rarer of them.
    expect(matches([[["cloud"]], [["migrat"]]], ["c:US"])).toBeCloseTo(0.29 * 0.24 * 100_000);
    // An alternative adds its share; an unknown lexeme counts as rare.
    expect(matches([[["train"], ["trainn"]]], ["c:FR"])).toBeCloseTo((1 - 0.8 * 0.9999) * 0.046 * 100_000);
    expect(preferBitmap(matches([[["train"], ["trainn"]]], ["c:FR"]), stats.rows)).toBe(true);
    expect(preferBitmap(matches([[["secur"]]], ["c:US"]), stats.rows)).toBe(false);
    expect(preferBitmap(null, stats.rows)).toBeNull();
    expect(estimateMatches(null, [], ["c:US"])).toBeNull();
  });
});
