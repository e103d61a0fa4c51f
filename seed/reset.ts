import { sql } from "drizzle-orm";
import { closeDb, getConnection } from "@/db/client";
import { migrateDatabase } from "@/db/migrator";
import { seedDatabase } from "./demo";

// Drops everything the app owns, then migrates and seeds again.
const connection = await getConnection();
await connection.db.execute(sql`drop schema if exists public cascade`);
await connection.db.execute(sql`drop schema if exists drizzle cascade`);
await connection.db.execute(sql`create schema public`);
await migrateDatabase(connection);
const summary = await seedDatabase(connection.db);
console.log(`Database reset (${connection.driver}): ${summary}`);
await closeDb();
