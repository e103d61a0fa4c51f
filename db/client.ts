import "server-only";
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export type Driver = "pglite" | "node-postgres" | "neon";

interface Connection {
  driver: Driver;
  db: Db;
  close: () => Promise<void>;
}

/** The only place a database driver is chosen; see DESIGN.md "One database, three drivers". */
export function chooseDriver(env: NodeJS.ProcessEnv = process.env): Driver {
  const url = env.DATABASE_URL;
  if (!url) return "pglite";
  if (env.DATABASE_DRIVER === "neon") return "neon";
  if (env.DATABASE_DRIVER === "node-postgres" || env.DATABASE_DRIVER === "pg") return "node-postgres";
  let host = "";
  try {
    host = new URL(url).hostname;
  } catch {
    throw new Error("DATABASE_URL is not a valid postgres:// URL");
  }
  return /\.neon\.(tech|build)$/.test(host) ? "neon" : "node-postgres";
}

/** The embedded database's directory; `memory://` keeps it in memory (tests). */
export function pgliteDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.PGLITE_DIR ?? path.join(".data", "pglite");
  return configured.startsWith("memory://") ? configured : path.resolve(/*turbopackIgnore: true*/ configured);
}

async function connectPglite(dataDir: string): Promise<Connection> {
  if (!dataDir.startsWith("memory://")) mkdirSync(path.dirname(dataDir), { recursive: true });
  const [{ PGlite }, { pg_trgm }, { drizzle }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("drizzle-orm/pglite"),
  ]);
  const client = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  return { driver: "pglite", db: drizzle({ client, schema }) as unknown as Db, close: () => client.close() };
}

interface ErrorEmitter {
  on(event: "error", listener: (error: Error) => void): unknown;
}

/**
 * A connection the server drops (restart, failover, pg_terminate_backend, an idle timeout,
 * Neon suspending) is an "error" event on the pool, or on the client while it is checked out;
 * unheard, either one throws and takes the whole process down. The query in flight still
 * rejects, and the pool discards the dead client and opens a new one for the next query.
 */
function survivesLostConnections(pool: ErrorEmitter & { on(event: "connect", listener: (client: ErrorEmitter) => void): unknown }): void {
  pool.on("error", (error) => console.error("[db] lost an idle connection:", error.message));
  pool.on("connect", (client) => client.on("error", () => {}));
}

/**
 * Pool settings of both Postgres drivers. An idle connection is kept for a minute (the drivers'
 * default is 10 s): a new one costs the database a process, and that process's first queries are
 * slower while it loads catalogs and maps the shared buffer cache.
 */
function poolOptions(url: string, env: NodeJS.ProcessEnv) {
  return {
    connectionString: url,
    max: Number(env.DATABASE_POOL_MAX ?? 10),
    idleTimeoutMillis: Number(env.DATABASE_POOL_IDLE_MS ?? 60_000),
    // Idle connections never keep a script (migrate, seed, sweep) from exiting.
    allowExitOnIdle: true,
  };
}

async function connectNodePostgres(url: string, env: NodeJS.ProcessEnv): Promise<Connection> {
  const [{ default: pg }, { drizzle }] = await Promise.all([import("pg"), import("drizzle-orm/node-postgres")]);
  const pool = new pg.Pool(poolOptions(url, env));
  survivesLostConnections(pool);
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  namedStatementPools.set(db, { pool, types: likeQueryRows(pg.types) });
  return { driver: "node-postgres", db, close: () => pool.end() };
}

async function connectNeon(url: string, env: NodeJS.ProcessEnv): Promise<Connection> {
  const [{ Pool, neonConfig, types }, { drizzle }, { default: ws }] = await Promise.all([
    import("@neondatabase/serverless"),
    import("drizzle-orm/neon-serverless"),
    import("ws"),
  ]);
  neonConfig.webSocketConstructor = ws;
  // A local Postgres is reached through a WebSocket-to-TCP relay (NEON_WS_PROXY=host:port).
  const relay = env.NEON_WS_PROXY;
  if (relay) {
    neonConfig.wsProxy = (host, port) => `${relay}/v1?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
  const pool = new Pool(poolOptions(url, env));
  survivesLostConnections(pool);
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  namedStatementPools.set(db, { pool, types: likeQueryRows(types) });
  return { driver: "neon", db, close: () => pool.end() };
}

export async function connect(env: NodeJS.ProcessEnv = process.env): Promise<Connection> {
  const driver = chooseDriver(env);
  if (driver === "pglite") return connectPglite(pgliteDir(env));
  const url = env.DATABASE_URL as string;
  return driver === "neon" ? connectNeon(url, env) : connectNodePostgres(url, env);
}

// One connection per process: PGlite must never be opened twice on one directory, and
// Next.js may load this module more than once (instrumentation, routes, dev reloads).
const globalForDb = globalThis as unknown as { __partnershipsDb?: Promise<Connection> };

export function getConnection(): Promise<Connection> {
  globalForDb.__partnershipsDb ??= connect().catch((error: unknown) => {
    globalForDb.__partnershipsDb = undefined;
    throw error;
  });
  return globalForDb.__partnershipsDb;
}

export async function getDb(): Promise<Db> {
  return (await getConnection()).db;
}

export async function closeDb(): Promise<void> {
  const pending = globalForDb.__partnershipsDb;
  globalForDb.__partnershipsDb = undefined;
  if (pending) await (await pending).close();
}

/** Rows of a raw SQL query; every driver here returns them as `.rows`. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A pool that runs a statement under a name: node-postgres's, and the Neon driver's, which shares its API. */
interface NamedStatementPool {
  query(config: { name: string; text: string; values: unknown[]; types: TypeParsers }): Promise<{ rows: unknown[] }>;
}

interface TypeParsers {
  getTypeParser(oid: number, format?: "text" | "binary"): unknown;
}

/**
 * Dates, times and intervals, their arrays and numeric arrays: drizzle's raw queries (queryRows)
 * return these as Postgres's text, so a named statement does too, and its rows do not depend on
 * whether it ran named.
 */
const TEXT_TYPES = new Set([1082, 1114, 1184, 1186, 1115, 1182, 1185, 1187, 1231]);

function likeQueryRows(types: TypeParsers): TypeParsers {
  return { getTypeParser: (oid, format) => (TEXT_TYPES.has(oid) ? (value: string) => value : types.getTypeParser(oid, format)) };
}

/** The pool behind each database a Postgres driver opened, for its named statements. */
const namedStatementPools = new WeakMap<DbOrTx, { pool: NamedStatementPool; types: TypeParsers }>();

/** Compiles drizzle SQL as the drivers do (no casing option is set anywhere). */
const dialect = new PgDialect();

/**
 * Statements Postgres refused to run again because a migration changed the type of a column they
 * return ("cached plan must not change result type"): this process runs them unnamed from then on.
 */
const unpreparable = new Set<string>();

function changedResultType(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === "0A000" && typeof message === "string" && message.includes("must not change result type");
}

/**
 * Rows of a raw SQL query that runs again and again with the same text: the Postgres drivers send it
 * as a named prepared statement, so each connection parses it once, and after five runs Postgres
 * keeps one plan for it when that plan costs no more than planning each run would. The name is the
 * text's hash. Only for statements whose text comes from a small set (their values are parameters):
 * every distinct text stays prepared on each connection. It runs like queryRows on PGlite (which
 * has no named statements), in a transaction (drizzle does not expose its connection), on any other
 * database object (the bench's recording wrapper), and everywhere with DATABASE_PREPARED_STATEMENTS=0
 * (a connection pooler in transaction mode that cannot keep named statements).
 */
export async function queryNamedRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const named = namedStatementPools.get(db);
  if (!named || process.env.DATABASE_PREPARED_STATEMENTS === "0") return queryRows(db, query);
  const { sql: text, params: values } = dialect.sqlToQuery(query);
  const name = `s_${createHash("sha256").update(text).digest("base64url").slice(0, 24)}`;
  if (unpreparable.has(name)) return queryRows(db, query);
  try {
    return (await named.pool.query({ name, text, values, types: named.types })).rows as T[];
  } catch (error) {
    // Servers that started before such a migration keep serving: the query runs again, unnamed.
    if (!changedResultType(error)) throw error;
    unpreparable.add(name);
    return queryRows(db, query);
  }
}
