import { sql } from "drizzle-orm";
import { getConnection, queryRows, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrator";
import { forgetSigningKey } from "@/lib/access/keys";
import { clearSearchTermCache } from "@/lib/partners/search";

const state = globalThis as unknown as { __testDbReady?: Promise<Db> };

async function prepare(): Promise<Db> {
  const connection = await getConnection();
  if (connection.driver !== "pglite") {
    // A server database is shared with earlier runs: start from an empty schema.
    await connection.db.execute(sql`drop schema if exists public cascade`);
    await connection.db.execute(sql`drop schema if exists drizzle cascade`);
    await connection.db.execute(sql`create schema public`);
  }
  await migrateDatabase(connection);
  return connection.db;
}

/** The migrated test database of this worker process. */
export function testDb(): Promise<Db> {
  state.__testDbReady ??= prepare();
  return state.__testDbReady;
}

async function tableNames(db: Db): Promise<string[]> {
  const rows = await queryRows<{ tablename: string }>(db, sql`select tablename from pg_tables where schemaname = 'public' order by tablename`);
  return rows.map((r) => r.tablename);
}

/** Empties every table, keeping the schema and migrations. */
export async function resetDatabase(): Promise<Db> {
  const db = await testDb();
  clearSearchTermCache();
  forgetSigningKey();
  const tables = await tableNames(db);
  if (tables.length > 0) await db.execute(sql.raw(`truncate table ${tables.map((t) => `"${t}"`).join(", ")} restart identity cascade`));
  return db;
}

/** Row counts of every table: refused actions must leave these unchanged. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await tableNames(db)) {
    const [row] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from "${table}"`));
    counts[table] = row?.n ?? 0;
  }
  return counts;
}
