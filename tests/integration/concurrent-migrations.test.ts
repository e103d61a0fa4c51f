import { sql } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { connect, queryRows } from "@/db/client";
import { migrateDatabase } from "@/db/migrator";

const serverUrl = process.env.TEST_DATABASE_URL;

// The workers of `npm start` (and several instances of a deployment) start at the same moment
// and each applies pending migrations: on a database server they must take turns.
describe.skipIf(!serverUrl)("migrations started by several processes at once", () => {
  // One pooled connection each: the migrations run on the connection that holds the lock.
  it("are applied once, and every process starts", async () => {
    const admin = new URL(serverUrl as string);
    const name = `partnerships_migrate_${process.pid}_${Date.now()}`;
    const control = new pg.Client({ connectionString: admin.toString() });
    await control.connect();
    await control.query(`create database ${name}`);
    const url = new URL(admin.toString());
    url.pathname = `/${name}`;
    const connections = await Promise.all([1, 2, 3].map(() => connect({ ...process.env, DATABASE_URL: url.toString(), DATABASE_DRIVER: "node-postgres", DATABASE_POOL_MAX: "1" })));
    try {
      await Promise.all(connections.map((connection) => migrateDatabase(connection)));
      const [applied] = await queryRows<{ n: number }>(connections[0]!.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      const [tables] = await queryRows<{ n: number }>(
        connections[0]!.db,
        sql`select count(*)::int as n from information_schema.tables where table_name = 'partner_search'`,
      );
      expect(applied?.n).toBeGreaterThanOrEqual(9);
      expect(tables?.n).toBe(1);
    } finally {
      await Promise.all(connections.map((connection) => connection.close()));
      await control.query(`drop database if exists ${name}`);
      await control.end();
    }
  });
});
