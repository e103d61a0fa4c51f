import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { connect, queryNamedRows, queryRows } from "@/db/client";
import { migrateDatabase, MIGRATION_LOCK, MIGRATIONS_FOLDER } from "@/db/migrator";
import { seedDatabase } from "@/seed/demo";
import { clearSearchTermCache, parseDirectoryQuery, searchDirectory } from "@/lib/partners/search";
import { directServerUrl, findPgbouncer, startPgbouncer, type Pgbouncer } from "../support/pgbouncer";

const serverUrl = process.env.TEST_DATABASE_URL;
// CI installs PgBouncer (.ci/run): there a missing one fails these tests instead of skipping them.
const runnable = Boolean(serverUrl) && (Boolean(findPgbouncer()) || Boolean(process.env.CI));

type Connection = Awaited<ReturnType<typeof connect>>;

const MIGRATIONS = (JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: unknown[] }).entries.length;

/** Searches of every kind the directory page makes (keywords, filters, both, a typo, deeper pages). */
const SEARCHES: Record<string, string>[] = [
  { q: "security" },
  { q: "cloud migration" },
  { location: "US" },
  { location: "DE", q: "migration" },
  { size: "50-249" },
  { location: "US", size: "50-249", q: "security" },
  { q: "secruity" },
  { q: "security", page: "2" },
  { location: "GB" },
  { q: "compliance", size: "250-999" },
  { location: "US", city: "Seattle" },
  {},
];

// A hosted Postgres is mostly reached through a pooler in transaction mode: each transaction (or
// statement outside one) may run on a different server connection. Here the app's own client
// reaches a database of its own through a PgBouncer started for the test, in front of the Postgres
// server of TEST_DATABASE_URL (or of the server behind it when that is a pooler already).
describe.skipIf(!runnable)("behind PgBouncer in transaction mode", () => {
  const database = `partnerships_pooler_${process.pid}`;
  let direct: URL;
  let admin: pg.Client;
  let bouncer: Pgbouncer;
  const opened: Connection[] = [];

  function through(pooler: Pgbouncer): string {
    const url = new URL(pooler.url);
    url.pathname = `/${database}`;
    return url.toString();
  }

  async function open(url: string, env: Record<string, string> = {}): Promise<Connection> {
    const connection = await connect({ ...process.env, DATABASE_URL: url, DATABASE_DRIVER: "node-postgres", ...env });
    opened.push(connection);
    return connection;
  }

  beforeAll(async () => {
    direct = new URL(await directServerUrl(serverUrl as string));
    admin = new pg.Client({ connectionString: direct.toString() });
    await admin.connect();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.query(`create database ${database}`);
    bouncer = await startPgbouncer(direct.toString(), { poolSize: 4 });
  });

  afterAll(async () => {
    await Promise.all(opened.map((connection) => connection.close().catch(() => undefined)));
    await bouncer?.stop();
    await admin?.query(`drop database if exists ${database} with (force)`);
    await admin?.end();
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it("migrations run through it from three processes at once, then again, and leave no lock held", async () => {
    const three = await Promise.all([1, 2, 3].map(() => open(through(bouncer), { DATABASE_POOL_MAX: "1" })));
    await Promise.all(three.map((connection) => migrateDatabase(connection)));
    const count = async () => (await queryRows<{ n: number }>(three[0]!.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`))[0]?.n;
    expect(await count()).toBe(MIGRATIONS);
    await Promise.all(three.map((connection) => migrateDatabase(connection)));
    expect(await count()).toBe(MIGRATIONS);

    // The lock is taken and released with the migration's transaction, on one server connection:
    // none of PgBouncer's server connections still holds it.
    const { rows } = await admin.query<{ n: number }>(
      `select count(*)::int as n from pg_locks l join pg_database d on d.oid = l.database
       where l.locktype = 'advisory' and l.objid = $1 and l.objsubid = 1 and d.datname = $2`,
      [MIGRATION_LOCK, database],
    );
    expect(rows[0]?.n).toBe(0);
  });

  it("a named statement it refuses runs again unnamed, and the process names none from then on (said once)", async () => {
    // One server connection behind it: every app connection's first run of a statement prepares
    // its name on that same server connection, so the second one to do so is refused ("already exists").
    const single = await startPgbouncer(direct.toString(), { poolSize: 1 });
    try {
      const connection = await open(through(single), { DATABASE_POOL_MAX: "4" });
      const { db } = connection;
      await migrateDatabase({ driver: "node-postgres", db });
      const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
      const prepared = async () => (await queryRows<{ name: string }>(db, sql`select name from pg_prepared_statements order by name`)).map((r) => r.name);

      const runs = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => queryNamedRows<{ n: number }>(db, sql`select ${i}::int + 1 as n`)));
      expect(runs.map((run) => (run.status === "fulfilled" ? run.value : run.reason))).toEqual(Array.from({ length: 8 }, (_, i) => [{ n: i + 1 }]));
      expect(warned).toHaveBeenCalledTimes(1);
      expect(String(warned.mock.calls[0]?.[0])).toMatch(/refused a named prepared statement.*already exists.*unnamed from now on/);

      // From then on nothing is prepared under a name, and nothing more is said.
      const before = await prepared();
      for (let i = 0; i < 3; i++) expect(await queryNamedRows<{ n: number }>(db, sql`select ${i}::int * 2 as n`)).toEqual([{ n: i * 2 }]);
      expect(await prepared()).toEqual(before);
      expect(warned).toHaveBeenCalledTimes(1);
      await connection.close();
    } finally {
      await single.stop();
    }
  });

  it("answers 96 concurrent directory searches with the default settings, as the server itself does", async () => {
    vi.stubEnv("DATABASE_PREPARED_STATEMENTS", "1");
    const seeded = await open(through(bouncer), { DATABASE_POOL_MAX: "2" });
    await migrateDatabase(seeded);
    await seedDatabase(seeded.db, { partnerCount: 120 });

    // What each search finds on a direct connection to the same database.
    const directUrl = new URL(direct.toString());
    directUrl.pathname = `/${database}`;
    const reference = await open(directUrl.toString(), { DATABASE_POOL_MAX: "1" });
    clearSearchTermCache();
    const expected: Awaited<ReturnType<typeof searchDirectory>>[] = [];
    for (const params of SEARCHES) expected.push(await searchDirectory(reference.db, parseDirectoryQuery(params)));
    expect(expected.some((page) => page.total > 0)).toBe(true);

    const app = await open(through(bouncer), { DATABASE_POOL_MAX: "10" });
    const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
    clearSearchTermCache();
    const outcomes = await Promise.allSettled(Array.from({ length: 96 }, (_, i) => searchDirectory(app.db, parseDirectoryQuery(SEARCHES[i % SEARCHES.length]!))));
    const failures = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [String((outcome.reason as Error)?.message ?? outcome.reason)] : []));
    expect(failures).toEqual([]);
    outcomes.forEach((outcome, i) => {
      const page = (outcome as PromiseFulfilledResult<Awaited<ReturnType<typeof searchDirectory>>>).value;
      const want = expected[i % SEARCHES.length]!;
      expect({ total: page.total, ids: page.results.map((r) => r.id) }).toEqual({ total: want.total, ids: want.results.map((r) => r.id) });
    });
    // Whether or not the pooler refused a name this time, the process said so at most once.
    expect(warned.mock.calls.filter(([line]) => /named prepared statement/.test(String(line))).length).toBeLessThanOrEqual(1);
  });
});
