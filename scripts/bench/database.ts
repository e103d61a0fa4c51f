// The benchmark's own database: created, migrated and seeded with N partner profiles (kept between runs),
// plus direct timings of the search queries and their EXPLAIN ANALYZE plans.
import { performance } from "node:perf_hooks";
import { sql, type SQL } from "drizzle-orm";
import pg from "pg";
import { connect, queryRows, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrator";
import { insertPartners, seedDatabase } from "@/seed/demo";
import { generatePartners } from "@/seed/partners";
import { clearSearchTermCache, parseDirectoryQuery, refreshSearchVocabulary, searchDirectory } from "@/lib/partners/search";
import { bulkSeedPartners, type BulkSeedTimings } from "./directory";
import type { BenchSearch } from "./queries";

export type BenchDriver = "postgres" | "pglite";

/** The environment the bench's own connections and the server use for the bench database. */
export function databaseEnv(driver: BenchDriver, url: string, pgliteDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_DRIVER;
  if (driver === "postgres") {
    env.DATABASE_URL = url;
    delete env.PGLITE_DIR;
  } else {
    delete env.DATABASE_URL;
    env.PGLITE_DIR = pgliteDir;
  }
  return env;
}

/** Creates the database named in the URL if it does not exist (through the server's `postgres` database). */
export async function ensurePostgresDatabase(url: string, log: (line: string) => void): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ""));
  if (!name) throw new Error(`BENCH_DATABASE_URL has no database name: ${url}`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const existing = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (existing.rowCount === 0) {
      await client.query(`create database "${name.replace(/"/g, '""')}"`);
      log(`created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

/** Drops (if present) and creates the database named in the URL, empty: a fresh database for startup timing. */
export async function recreatePostgresDatabase(url: string, drop = false): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ""));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    await client.query(`drop database if exists ${quoted}`);
    if (!drop) await client.query(`create database ${quoted}`);
  } finally {
    await client.end();
  }
}

async function profileCount(db: Db): Promise<number> {
  try {
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from partner_profiles`);
    return row?.n ?? 0;
  } catch {
    return 0; // no schema yet
  }
}

export interface SeedReport {
  profiles: number;
  seeded: boolean;
  seedSeconds: number | null;
  seedMode: string | null;
  /** Bulk mode: where the time went. */
  bulk?: BulkSeedTimings & { vocabularySeconds: number; vacuumSeconds: number };
}

/**
 * Makes sure the bench database holds at least `partnerCount` profiles: if it does, only pending migrations
 * are applied; otherwise the schema is dropped, migrated and seeded again. Ends with VACUUM ANALYZE so the
 * planner has statistics (a freshly loaded table has none).
 */
export async function prepareDatabase(
  db: Db,
  driver: "pglite" | "node-postgres" | "neon",
  options: { partnerCount: number; reseed: boolean; seedMode: "single" | "batched" | "bulk"; url?: string },
  log: (line: string) => void,
): Promise<SeedReport> {
  const before = await profileCount(db);
  // The seed adds 2 demo partners to the N generated ones; a much bigger directory is not reused for a smaller N.
  if (before >= options.partnerCount && before <= options.partnerCount + 1000 && !options.reseed) {
    await migrateDatabase({ driver, db });
    log(`the bench database already holds ${before.toLocaleString("en-US")} partner profiles: seeding skipped (BENCH_RESEED=1 seeds again)`);
    await db.execute(sql`analyze`);
    return { profiles: before, seeded: false, seedSeconds: null, seedMode: null };
  }

  log(`the bench database holds ${before.toLocaleString("en-US")} partner profiles: recreating the schema and seeding ${options.partnerCount.toLocaleString("en-US")}`);
  await db.execute(sql`drop schema if exists public cascade`);
  await db.execute(sql`drop schema if exists drizzle cascade`);
  await db.execute(sql`create schema public`);
  await migrateDatabase({ driver, db });

  const started = performance.now();
  let bulk: SeedReport["bulk"];
  if (options.seedMode === "bulk") {
    if (driver === "pglite" || !options.url) throw new Error("BENCH_SEED_MODE=bulk needs Postgres");
    // Demo data with a small directory through the app's seed, then the rest in bulk.
    const first = Math.min(220, options.partnerCount);
    await seedDatabase(db, { partnerCount: first });
    const timings = await bulkSeedPartners(options.url, first, options.partnerCount, log);
    const t = performance.now();
    await refreshSearchVocabulary(db);
    const vocabularySeconds = (performance.now() - t) / 1000;
    log(`  vocabulary and cities refreshed in ${vocabularySeconds.toFixed(1)} s`);
    bulk = { ...timings, vocabularySeconds, vacuumSeconds: 0 };
  } else if (options.seedMode === "single") {
    // The app's own seed: demo data plus N generated partners, in one transaction.
    log(`  seeding with seedDatabase(db, { partnerCount: ${options.partnerCount} }) in one transaction…`);
    log(`  ${await seedDatabase(db, { partnerCount: options.partnerCount })}`);
  } else {
    // Demo data with a small directory, then the rest in batches outside one transaction.
    const first = Math.min(220, options.partnerCount);
    await seedDatabase(db, { partnerCount: first });
    const partners = generatePartners(options.partnerCount).slice(first);
    const batch = 2000;
    let done = 0;
    for (let start = 0; start < partners.length; start += batch) {
      done += await insertPartners(db, partners.slice(start, start + batch), 500);
      if ((start / batch) % 10 === 9) log(`  ${(first + done).toLocaleString("en-US")} profiles…`);
    }
    await refreshSearchVocabulary(db);
  }
  const loaded = performance.now();
  log(`  loaded in ${((loaded - started) / 1000).toFixed(1)} s; VACUUM ANALYZE…`);
  await db.execute(sql`vacuum analyze`);
  if (bulk) bulk.vacuumSeconds = (performance.now() - loaded) / 1000;
  const seedSeconds = (performance.now() - started) / 1000;
  const profiles = await profileCount(db);
  log(`seeded ${profiles.toLocaleString("en-US")} partner profiles in ${seedSeconds.toFixed(1)} s (including VACUUM ANALYZE)`);
  return { profiles, seeded: true, seedSeconds, seedMode: options.seedMode, ...(bulk ? { bulk } : {}) };
}

export interface DatabaseInfo {
  version: string;
  settings: Record<string, string>;
  sizes: { relation: string; size: string }[];
  vocabularyWords: number;
}

export async function databaseInfo(db: Db): Promise<DatabaseInfo> {
  const [version] = await queryRows<{ version: string }>(db, sql`select version() as version`);
  const settings = await queryRows<{ name: string; setting: string; unit: string | null }>(
    db,
    sql`select name, setting, unit from pg_settings
        where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'max_connections', 'jit',
                       'max_parallel_workers_per_gather', 'random_page_cost', 'gin_fuzzy_search_limit')
        order by name`,
  );
  const sizes = await queryRows<{ relation: string; size: string }>(
    db,
    sql`select c.relname as relation, pg_size_pretty(pg_total_relation_size(c.oid)) as size
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and (c.relname in ('partner_profiles', 'partner_search', 'search_vocabulary')
          or (c.relkind = 'i' and (c.relname like 'partner_profiles%' or c.relname like 'partner_search%')))
        order by pg_total_relation_size(c.oid) desc`,
  );
  const [vocabulary] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from search_vocabulary`);
  return {
    version: version?.version ?? "unknown",
    settings: Object.fromEntries(settings.map((s) => [s.name, s.unit ? `${s.setting} (${s.unit})` : s.setting])),
    sizes,
    vocabularyWords: vocabulary?.n ?? 0,
  };
}

function queryParams(search: BenchSearch): Record<string, string | undefined> {
  return {
    location: search.location,
    city: search.city,
    size: search.size,
    q: search.q,
    page: search.page ? String(search.page) : undefined,
  };
}

/** The app's search function on a connection that records every statement it sends. */
function recording(db: Db, statements: SQL[]): Db {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === "execute") {
        return (query: SQL) => {
          statements.push(query);
          return target.execute(query);
        };
      }
      // Without a session, queryNamedRows runs its statement through execute, so it is recorded too.
      if (property === "session") return undefined;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export interface DirectTiming {
  path: string;
  kind: string;
  total: number;
  statements: number;
  ms: number;
}

/**
 * Each search once through `searchDirectory` on one connection, no HTTP: database time and match counts.
 * Keyword lookups start forgotten, so every search pays for its typo lookup as a server's first one would.
 */
export async function directTimings(db: Db, searches: { path: string; search: BenchSearch }[]): Promise<DirectTiming[]> {
  const timings: DirectTiming[] = [];
  clearSearchTermCache();
  for (const { path, search } of searches) {
    const statements: SQL[] = [];
    const started = performance.now();
    const page = await searchDirectory(recording(db, statements), parseDirectoryQuery(queryParams(search)));
    timings.push({ path, kind: search.kind, total: page.total, statements: statements.length, ms: performance.now() - started });
  }
  return timings;
}

export interface PlanSummary {
  statement: string;
  executionMs: number | null;
  planningMs: number | null;
  indexes: string[];
  seqScans: string[];
  sorts: string[];
  matchedRows: number | null;
  jit: string | null;
  topNode: string;
  plan: string;
}

export interface ExplainResult {
  label: string;
  path: string;
  total: number;
  statements: PlanSummary[];
}

function summarizePlan(statement: string, plan: string): PlanSummary {
  const lines = plan.split("\n");
  const indexes = new Set<string>();
  const seqScans = new Set<string>();
  const sorts: string[] = [];
  let matchedRows: number | null = null;
  for (const line of lines) {
    const bitmap = /Bitmap Index Scan on (\S+)/.exec(line);
    if (bitmap?.[1]) indexes.add(`${bitmap[1]} (bitmap)`);
    const index = /(Index Only Scan|Index Scan)(?: Backward)? using (\S+)/.exec(line);
    if (index?.[2]) indexes.add(`${index[2]} (${index[1] === "Index Only Scan" ? "index-only" : "index"} scan)`);
    const seq = /(Parallel )?Seq Scan on (\S+)/.exec(line);
    if (seq?.[2]) seqScans.add(`${seq[2]}${seq[1] ? " (parallel)" : ""}`);
    const sort = /Sort Method: (.+)$/.exec(line);
    if (sort?.[1]) sorts.push(sort[1].trim().replace(/\s+/g, " "));
    // Rows reaching the ranking/sort: the first heap or sequential scan of partner_profiles.
    if (matchedRows === null && /(Bitmap Heap Scan|Seq Scan|Index Scan.*) on partner_(profiles|search)/.test(line)) {
      const actual = /actual time=[\d.]+\.\.[\d.]+ rows=([\d.]+) loops=(\d+)/.exec(line);
      if (actual) matchedRows = Math.round(Number(actual[1]) * Number(actual[2]));
    }
  }
  const number = (pattern: RegExp) => {
    const match = pattern.exec(plan);
    return match?.[1] ? Number(match[1]) : null;
  };
  const jitLine = lines.find((l) => /^\s*Timing: .*Total/.test(l));
  return {
    statement,
    executionMs: number(/Execution Time: ([\d.]+) ms/),
    planningMs: number(/Planning Time: ([\d.]+) ms/),
    indexes: [...indexes],
    seqScans: [...seqScans],
    sorts,
    matchedRows,
    jit: jitLine ? jitLine.trim() : null,
    topNode: (lines[0] ?? "").replace(/\s+\(cost=.*$/, "").trim(),
    plan,
  };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of exactly the statements `searchDirectory` sends for each search (recorded
 * while it runs), each executed once before to measure a warm cache.
 */
export async function explainSearches(db: Db, searches: { label: string; path: string; search: BenchSearch }[]): Promise<ExplainResult[]> {
  const results: ExplainResult[] = [];
  for (const { label, path, search } of searches) {
    clearSearchTermCache(); // so that the typo lookup's plan is shown too
    const statements: SQL[] = [];
    const page = await searchDirectory(recording(db, statements), parseDirectoryQuery(queryParams(search)));
    const summaries: PlanSummary[] = [];
    for (const [i, statement] of statements.entries()) {
      const explain = sql`explain (analyze, buffers) ${statement}`;
      await db.execute(explain);
      const rows = await queryRows<Record<string, string>>(db, explain);
      const plan = rows.map((r) => Object.values(r)[0]).join("\n");
      const name =
        /search_vocabulary/.test(plan) && !/partner_(profiles|search)/.test(plan)
          ? "typo lookup (search_vocabulary)"
          : /pg_statistic/.test(plan)
            ? "lexeme statistics (pg_stats, once every 5 minutes)"
            : /Aggregate/.test(plan.split("\n")[0] ?? "") && !/partner_profiles/.test(plan)
            ? "match count (partner_search)"
            : "directory page";

      summaries.push(summarizePlan(`${i + 1}. ${name}`, plan));
    }
    results.push({ label, path, total: page.total, statements: summaries });
  }
  return results;
}

export { connect };
