import "server-only";
import path from "node:path";
import type { PoolClient } from "pg";
import type { Driver } from "./client";
import type { Db } from "./client";

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db", "migrations");

/** Any fixed number: the advisory lock that lets one process at a time migrate a database server. */
const MIGRATION_LOCK = 72_410_331;

/**
 * Applies pending drizzle-kit migrations with the migrator that matches the driver. On a database
 * server several processes may start at once (the workers of `npm start`, or several instances):
 * a session advisory lock makes the others wait, and then find nothing left to apply. The
 * migrations run on the connection that holds the lock, so one pooled connection is enough.
 */
export async function migrateDatabase(connection: { driver: Driver; db: Db }): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (connection.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(connection.db as never, config);
    return;
  }
  const pool = (connection.db as unknown as { $client: { connect(): Promise<PoolClient> } }).$client;
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    if (connection.driver === "node-postgres") {
      const [{ drizzle }, { migrate }] = await Promise.all([import("drizzle-orm/node-postgres"), import("drizzle-orm/node-postgres/migrator")]);
      await migrate(drizzle({ client }), config);
    } else {
      const [{ drizzle }, { migrate }] = await Promise.all([import("drizzle-orm/neon-serverless"), import("drizzle-orm/neon-serverless/migrator")]);
      await migrate(drizzle({ client: client as never }), config);
    }
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
