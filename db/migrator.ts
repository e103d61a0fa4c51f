import path from "node:path";
import type { Driver } from "./client";
import type { Db } from "./client";

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db", "migrations");

/** Applies pending drizzle-kit migrations with the migrator that matches the driver. */
export async function migrateDatabase(connection: { driver: Driver; db: Db }): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  switch (connection.driver) {
    case "pglite": {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      await migrate(connection.db as never, config);
      return;
    }
    case "node-postgres": {
      const { migrate } = await import("drizzle-orm/node-postgres/migrator");
      await migrate(connection.db as never, config);
      return;
    }
    case "neon": {
      const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
      await migrate(connection.db as never, config);
      return;
    }
  }
}
