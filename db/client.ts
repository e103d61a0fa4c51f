import "server-only";
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import { pgliteTemplateFor } from "./pglite-template";
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
  // A new directory starts from the migrated template when there is one (db/pglite-template.ts).
  const template = pgliteTemplateFor(dataDir);
  const client = await PGlite.create({ dataDir, extensions: { pg_trgm }, ...(template ? { loadDataDir: template } : {}) });
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

/** The part of node-postgres's Pool (and the Neon driver's, which extends it) that a retry needs. */
interface RetryablePool {
  query(config: unknown, values?: unknown, callback?: unknown): Promise<unknown>;
  /** The client class and the options the pool opens its own connections with. */
  Client: new (options: unknown) => RetryClient;
  options: unknown;
}

interface RetryClient extends ErrorEmitter {
  connect(): Promise<unknown>;
  query(config: unknown, values?: unknown): Promise<unknown>;
  end(): Promise<void>;
}

/**
 * Errors of a statement whose connection was lost before it answered: the server ended the session
 * (57P01 admin_shutdown, as pg_terminate_backend and a managed database's restart or failover do;
 * 57P02 crash_shutdown; 57P03 not accepting connections yet), a connection exception (class 08:
 * 08006 connection_failure, 08003 connection_does_not_exist, 08P01, which PgBouncer answers when the
 * server connection behind it went away), or the drivers' own errors without a code when the socket
 * closed ("Connection terminated unexpectedly", a client that already failed, a reset socket).
 */
export function lostConnection(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === "string" && (code === "57P01" || code === "57P02" || code === "57P03" || code.startsWith("08"))) return true;
  if (code === "ECONNRESET" || code === "EPIPE") return true;
  return typeof message === "string" && /^Connection terminated|not queryable|server conn crashed/i.test(message);
}

/**
 * Statements that only read, and so may run twice: a SELECT (or a WITH … SELECT) that names none of
 * the commands or functions that write or take locks. Anything else, and anything that might be one,
 * is not retried.
 */
const READ_STATEMENT = /^\s*(select|with)\b/i;
const WRITES = /\b(insert|update|delete|merge|into|copy|lock|nextval|setval|set_config|pg_advisory\w*|pg_notify|pg_terminate_backend|pg_cancel_backend)\b/i;

export function readsOnly(text: string): boolean {
  return READ_STATEMENT.test(text) && !WRITES.test(text);
}

/**
 * A read that loses its connection before any result runs once more, on a connection of its own
 * that was opened for it (the pool's idle connections may have been ended by the same failover and
 * not be known dead yet); the pool discards the dead ones and replaces them as it needs. This is the
 * pool's own `query`: every statement outside a transaction goes through it, drizzle's and the named
 * ones alike, and none inside one — a transaction runs on a connection checked out of the pool
 * (`pool.connect()`), whose statements fail as they are (the transaction never half-applies; the
 * caller decides whether to start it again). Writes are never retried: a statement that was sent may
 * have committed before the connection dropped.
 */
/** How long a lost read waits before it runs again on a new connection. */
const RETRY_PAUSE_MS = 250;

function retriesLostReads(pool: RetryablePool): void {
  const query = pool.query.bind(pool);
  pool.query = (config: unknown, values?: unknown, callback?: unknown) => {
    const text = typeof config === "string" ? config : (config as { text?: unknown } | null)?.text;
    if (typeof text !== "string" || typeof values === "function" || callback !== undefined || !readsOnly(text)) {
      return query(config, values, callback);
    }
    return query(config, values).catch(async (error: unknown) => {
      if (!lostConnection(error)) throw error;
      const { code, message } = error as { code?: string; message?: string };
      console.warn(`[db] a read lost its connection (${code ?? message}): running it again on a new connection`);
      // A failover or a termination sweep ends every connection for a moment: one that opens in the
      // same instant is ended with them. The retry waits that moment out.
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
      const client = new pool.Client(pool.options);
      client.on("error", () => {});
      try {
        await client.connect();
        return await client.query(config, values);
      } finally {
        client.end().catch(() => undefined);
      }
    });
  };
}

async function connectNodePostgres(url: string, env: NodeJS.ProcessEnv): Promise<Connection> {
  const [{ default: pg }, { drizzle }] = await Promise.all([import("pg"), import("drizzle-orm/node-postgres")]);
  const pool = new pg.Pool(poolOptions(url, env));
  survivesLostConnections(pool);
  retriesLostReads(pool as unknown as RetryablePool);
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  namedStatementPools.set(db, { pool, types: likeQueryRows(pg.types), naming: true });
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
  retriesLostReads(pool as unknown as RetryablePool);
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  namedStatementPools.set(db, { pool, types: likeQueryRows(types), naming: true });
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

/**
 * The pool behind each database a Postgres driver opened, for its named statements, and whether it
 * still names them (see queryNamedRows).
 */
const namedStatementPools = new WeakMap<DbOrTx, { pool: NamedStatementPool; types: TypeParsers; naming: boolean }>();

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
 * A named statement that a connection pooler in transaction mode could not keep (PgBouncer before
 * 1.21, or with max_prepared_statements = 0): each statement may reach a different server
 * connection, so a name prepared on one is missing on the next ("prepared statement … does not
 * exist", 26000) or already taken there by another client ("… already exists", 42P05), or the pooler
 * answers in its own words about the prepared statement (a protocol violation, 08P01).
 */
export function refusedByPooler(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === "42P05" || code === "26000") return true;
  return typeof message === "string" && /prepared statement/i.test(message) && (code === undefined || code === "08P01");
}

/**
 * Rows of a raw SQL query that runs again and again with the same text: the Postgres drivers send it
 * as a named prepared statement, so each connection parses it once, and after five runs Postgres
 * keeps one plan for it when that plan costs no more than planning each run would. The name is the
 * text's hash. Only for statements whose text comes from a small set (their values are parameters):
 * every distinct text stays prepared on each connection. It runs like queryRows on PGlite (which
 * has no named statements), in a transaction (drizzle does not expose its connection), on any other
 * database object (the bench's recording wrapper), and everywhere with DATABASE_PREPARED_STATEMENTS=0.
 *
 * Behind a connection pooler in transaction mode that cannot keep named statements, the first one it
 * refuses runs again unnamed, and this database names none from then on (said once in the log): the
 * default is safe with or without a pooler, and names where they work.
 */
export async function queryNamedRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const named = namedStatementPools.get(db);
  if (!named || !named.naming || process.env.DATABASE_PREPARED_STATEMENTS === "0") return queryRows(db, query);
  const { sql: text, params: values } = dialect.sqlToQuery(query);
  const name = `s_${createHash("sha256").update(text).digest("base64url").slice(0, 24)}`;
  if (unpreparable.has(name)) return queryRows(db, query);
  try {
    return (await named.pool.query({ name, text, values, types: named.types })).rows as T[];
  } catch (error) {
    if (refusedByPooler(error)) {
      if (named.naming) {
        named.naming = false;
        console.warn(
          `[db] the database refused a named prepared statement (${(error as Error).message}): a connection pooler in transaction mode? ` +
            "Statements run unnamed from now on (DATABASE_PREPARED_STATEMENTS=0 says so from the start).",
        );
      }
      return queryRows(db, query);
    }
    // Servers that started before such a migration keep serving: the query runs again, unnamed.
    if (!changedResultType(error)) throw error;
    unpreparable.add(name);
    return queryRows(db, query);
  }
}
