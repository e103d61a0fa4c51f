import "server-only";
import path from "node:path";
import { readMigrationFiles, type MigrationMeta } from "drizzle-orm/migrator";
import type { PoolClient } from "pg";
import type { Driver } from "./client";
import type { Db } from "./client";

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db", "migrations");

/** Any fixed number: the advisory lock that lets one process at a time migrate a database server. */
export const MIGRATION_LOCK = 72_410_331;

/** drizzle-kit's table of applied migrations, as drizzle's own migrators keep it. */
const CREATE_JOURNAL = `
  create schema if not exists "drizzle";
  create table if not exists "drizzle"."__drizzle_migrations" (id serial primary key, hash text not null, created_at bigint);
`;

/** One connection, in a transaction: simple statements (several at once) and queries with parameters. */
interface MigrationRunner {
  exec(text: string): Promise<void>;
  rows<T>(text: string, params?: unknown[]): Promise<T[]>;
}

/**
 * Applies the migrations newer than the last one recorded, each with its record, in the transaction
 * the runner is in, as drizzle's migrators do (and in the same table, so either can continue the
 * other's work). Each migration's statements go in one round trip.
 */
async function applyPending(run: MigrationRunner, migrations: MigrationMeta[]): Promise<number> {
  await run.exec(CREATE_JOURNAL);
  const [last] = await run.rows<{ created_at: string | number | null }>(`select created_at from "drizzle"."__drizzle_migrations" order by created_at desc limit 1`);
  let applied = 0;
  for (const migration of migrations) {
    if (last && Number(last.created_at) >= migration.folderMillis) continue;
    // The statements between drizzle-kit's breakpoints; an empty statement (";;") is allowed.
    await run.exec(migration.sql.join("\n;\n"));
    await run.rows(`insert into "drizzle"."__drizzle_migrations" ("hash", "created_at") values ($1, $2)`, [migration.hash, migration.folderMillis]);
    applied += 1;
  }
  return applied;
}

/**
 * Applies pending drizzle-kit migrations, all of them in one transaction. On a database server several
 * processes may start at once (the workers of `npm start`, or several instances): the transaction
 * first takes a transaction-scoped advisory lock, which makes the others wait, and then find nothing
 * left to apply. The lock lives and ends with the transaction, on the one server connection that runs
 * it, so it also holds behind a connection pooler in transaction mode (PgBouncer lends a server
 * connection for a transaction at a time: a session lock would stay on whichever server connection
 * took it, and its unlock could reach another). The embedded database has one process.
 */
export async function migrateDatabase(connection: { driver: Driver; db: Db }): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  if (connection.driver === "pglite") {
    type Pglite = import("@electric-sql/pglite").PGlite;
    const client = (connection.db as unknown as { $client: Pglite }).$client;
    await client.transaction((tx) =>
      applyPending(
        {
          exec: async (text) => void (await tx.exec(text)),
          rows: async <T>(text: string, params?: unknown[]) => (await tx.query<T>(text, params)).rows,
        },
        migrations,
      ),
    );
    return;
  }
  const pool = (connection.db as unknown as { $client: { connect(): Promise<PoolClient> } }).$client;
  const client = await pool.connect();
  let failure: unknown;
  try {
    await client.query("begin");
    await client.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await applyPending(
      {
        exec: async (text) => void (await client.query(text)),
        rows: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
      },
      migrations,
    );
    await client.query("commit");
  } catch (error) {
    failure = error;
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    // A connection that failed mid-way is closed rather than lent again.
    client.release(failure instanceof Error ? failure : undefined);
  }
}
