import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { connect, queryNamedRows, queryRows, type Db } from "@/db/client";
import { LISTING_FILTERS } from "@/db/schema";
import { insertPartners, seedDatabase } from "@/seed/demo";
import { generatePartners } from "@/seed/partners";
import {
  clearSearchTermCache,
  MAX_RESULTS,
  PAGE_SIZE,
  parseDirectoryQuery,
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

  it("names the correction it made, and searches the original exactly when asked", async () => {
    const typo = await search({ location: "US", q: "cloud secruity" });
    expect(typo.correction).toEqual({
      keywords: [
        { text: "cloud ", corrected: false },
        { text: "security", corrected: true },
      ],
      city: null,
    });
    expect(typo.total).toBe((await search({ location: "US", q: "cloud security" })).total);
    const exact = await search({ location: "US", q: "cloud secruity", exact: "1" });
    expect(exact).toMatchObject({ total: 0, correction: null });
    // A known word, a completion and a stop word are no corrections.
    expect((await search({ q: "security" })).correction).toBeNull();
    expect((await search({ q: "sharep" })).correction).toBeNull();
    expect((await search({ q: "managed it services" })).correction).toBeNull();
  });

  it("corrects a misspelt city like a keyword, in the chosen country/region or anywhere", async () => {
    const right = await search({ location: "US", city: "Seattle" });
    expect(right.correction).toBeNull();
    expect(right.total).toBeGreaterThan(0);
    const typo = await search({ location: "US", city: "Seatle", q: "security" });
    expect(typo.correction).toEqual({ keywords: null, city: "Seattle" });
    expect(typo.total).toBe((await search({ location: "US", city: "Seattle", q: "security" })).total);
    expect(typo.results.every((r) => r.locations.some((l) => l.city === "Seattle"))).toBe(true);
    // Without a country/region, and in lower case.
    const anywhere = await search({ city: "munnich" });
    expect(anywhere.correction?.city).toBe("Munich");
    expect(anywhere.results.map((r) => r.name)).toContain("Adatum Consulting");
    // Exactly as typed when asked, and nothing to correct to: no correction.
    expect(await search({ location: "US", city: "Seatle", exact: "1" })).toMatchObject({ total: 0, correction: null });
    expect(await search({ location: "US", city: "Qwxzvbn" })).toMatchObject({ total: 0, correction: null });
  });

  it("shows each rating with its review count", async () => {
    const page = await search({ q: "Fabrikam" });
    expect(page.results[0]).toMatchObject({ name: "Fabrikam Partners", rating: 4.8, reviewCount: 128 });
    const all = await search({});
    expect(all.results.every((r) => r.rating === null || (typeof r.reviewCount === "number" && r.reviewCount > 0))).toBe(true);
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
    // Past the cap there is nothing more, even where the listing goes on.
    const past = await searchDirectory(db, parseDirectoryQuery({ page: String(MAX_RESULTS / PAGE_SIZE + 1) }));
    expect(past).toMatchObject({ total: MAX_RESULTS, capped: true, results: [] });
    const narrow = await searchDirectory(db, parseDirectoryQuery({ location: "DE", q: "migration" }));
    expect(narrow.capped).toBe(false);
    expect(narrow.total).toBeGreaterThan(0);
  });
});

describe("how a search finds its candidates", () => {
  it("returns the same pages whether it walks a listing or reads every match from the GIN index", async () => {
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
    ].map(parseDirectoryQuery);
    const run = async (plan?: "walk" | "bitmap") => {
      clearSearchTermCache();
      return Promise.all(queries.map((q) => searchDirectory(db, q, { plan })));
    };
    // Without statistics the planner chooses; once the table is analyzed, the app does.
    const planner = await run();
    await db.execute(sql`analyze partner_search`);
    expect(await run()).toEqual(planner);
    expect(await run("walk")).toEqual(planner);
    expect(await run("bitmap")).toEqual(planner);
    expect(planner.some((page) => page.total > 0 && !page.capped)).toBe(true);
  });

  it("has a listing index for every country/region and size band, which a walk in one of them uses", async () => {
    const db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 50 });
    const indexes = await queryRows<{ indexname: string; indexdef: string }>(
      db,
      sql`select indexname, indexdef from pg_indexes where tablename = 'partner_search' and indexname like 'partner_search_listing_%'`,
    );
    const definitions = new Map(indexes.map((i) => [i.indexname, i.indexdef]));
    for (const { lexeme, name } of LISTING_FILTERS) {
      expect(definitions.get(`partner_search_listing_${name}_idx`), lexeme).toContain(`'${lexeme}'`);
    }
    // The filter arrives as a bound parameter: Postgres must still see that the partial index applies.
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_bitmapscan = off`);
      const rows = await queryRows<{ "QUERY PLAN": string }>(
        tx,
        sql`explain select s.profile_id from partner_search s
            where s.document @@ ${"'c:DE'"}::tsquery and ts_match_vq(s.document, ${"'secur'"}::tsquery)
            order by s.rating_tenths desc nulls last, s.name, s.profile_id limit 201`,
      );
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("partner_search_listing_c_de_idx");
  });

  it("runs as a statement each connection keeps prepared, with the same pages", async () => {
    const db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 60 });
    await db.execute(sql`analyze partner_search`);
    const query = parseDirectoryQuery({ location: "US", q: "security" });
    const first = await searchDirectory(db, query);
    for (let i = 0; i < 7; i++) expect(await searchDirectory(db, query)).toEqual(first);
    // A deeper page runs unnamed and still agrees with the walk.
    const deep = parseDirectoryQuery({ page: "6" });
    expect(await searchDirectory(db, deep)).toEqual(await searchDirectory(db, deep, { plan: "walk" }));
    // In a transaction, and on PGlite, which has no named statements, it runs unnamed.
    expect(await db.transaction((tx) => queryNamedRows(tx, sql`select ${41}::int + 1 as n`))).toEqual([{ n: 42 }]);
    expect(await queryNamedRows(db, sql`select ${41}::int + 1 as n`)).toEqual([{ n: 42 }]);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)("keeps a search's first pages prepared on the connection, and no deeper ones", async () => {
    const db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 60 });
    await db.execute(sql`analyze partner_search`);
    // One connection, so that every statement is prepared where pg_prepared_statements looks.
    const connection = await connect({ ...process.env, DATABASE_POOL_MAX: "1" });
    try {
      const { db: one } = connection;
      const prepared = async () => (await queryRows<{ statement: string }>(one, sql`select statement from pg_prepared_statements`)).map((s) => s.statement);
      const query = parseDirectoryQuery({ location: "US", q: "security" });
      const first = await searchDirectory(one, query);
      for (let i = 0; i < 7; i++) expect(await searchDirectory(one, query)).toEqual(first);
      expect(await searchDirectory(db, query, { plan: "walk" })).toEqual(first);
      expect(await searchDirectory(db, query, { plan: "bitmap" })).toEqual(first);
      const [statement, ...others] = await prepared();
      expect(statement).toContain("partner_search");
      expect(others).toEqual([]);
      await searchDirectory(one, parseDirectoryQuery({ location: "US", q: "security", page: "6" }));
      await searchDirectory(one, parseDirectoryQuery({ location: "US", page: "2" }));
      expect(await prepared()).toEqual([statement]);

      // A named statement returns what queryRows does, dates and intervals as Postgres's text included.
      const values = sql`select ${41}::int + 1 as n, timestamptz '2026-01-02 03:04:05+00' as at, date '2026-01-02' as day,
          interval '1 day' as span, array[1.5]::numeric[] as amounts, '{"a": [1]}'::jsonb as doc, array['a', 'b'] as tags`;
      expect(await queryNamedRows(one, values)).toEqual(await queryRows(one, values));
      expect(await prepared()).toHaveLength(2);

      // Behind a pooler that cannot keep them, named statements are switched off.
      vi.stubEnv("DATABASE_PREPARED_STATEMENTS", "0");
      expect(await queryNamedRows(one, sql`select ${1}::int + 2 as n`)).toEqual([{ n: 3 }]);
      expect(await prepared()).not.toContain("select $1::int + 2 as n");
    } finally {
      vi.unstubAllEnvs();
      await connection.close();
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)("keeps answering when a migration changes the type of a column a prepared statement returns", async () => {
    // One connection, so that the statement is prepared where it runs again.
    const connection = await connect({ ...process.env, DATABASE_POOL_MAX: "1" });
    try {
      const { db: one } = connection;
      await one.execute(sql`drop table if exists prepared_probe`);
      await one.execute(sql`create table prepared_probe (id int primary key, score int not null)`);
      await one.execute(sql`insert into prepared_probe values (1, 7)`);
      const read = () => queryNamedRows<{ id: number; score: unknown }>(one, sql`select id, score from prepared_probe where id = ${1}`);
      expect(await read()).toEqual([{ id: 1, score: 7 }]);
      await one.execute(sql`alter table prepared_probe alter column score type text`);
      // Postgres refuses the prepared statement now ("cached plan must not change result type"): it runs unnamed.
      expect(await read()).toEqual([{ id: 1, score: "7" }]);
      expect(await read()).toEqual([{ id: 1, score: "7" }]);
      await one.execute(sql`drop table prepared_probe`);
    } finally {
      await connection.close();
    }
  });
});
