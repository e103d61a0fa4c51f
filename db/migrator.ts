import path from "node:path";
import type { Driver } from "./client";
import type { Db } from "./client";

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db", "migrations");

/** Any fixed number: the advisory lock that lets one process at a time migrate a database server. */
const MIGRATION_LOCK = 72_410_331;

interface LockClient {
  query(text: string, values?: unknown[]): Promise<unknown>;
  release(): void;
}

/**
 * Applies pending drizzle-kit migrations with the migrator that matches the driver. On a database
 * server several processes may start at once (the workers of `npm start`, or several instances):
 * a session advisory lock makes the others wait, and then find nothing left to apply.
 */
export async function migrateDatabase(connection: { driver: Driver; db: Db }): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (connection.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(connection.db as never, config);
    return;
  }
  const pool = (connection.db as unknown as { $client: { connect(): Promise<LockClient> } }).$client;
  const lock = await pool.connect();
  try {
    await lock.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    if (connection.driver === "node-postgres") {
      const { migrate } = await import("drizzle-orm/node-postgres/migrator");
      await migrate(connection.db as never, config);
    } else {
      const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
      await migrate(connection.db as never, config);
    }
  } finally {
    await lock.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    lock.release();
  }
}
