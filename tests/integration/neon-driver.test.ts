import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, queryNamedRows, queryRows } from "@/db/client";
import { migrateDatabase } from "@/db/migrator";
import { organizations } from "@/db/schema";
import { startWsRelay } from "../support/ws-relay";

const serverUrl = process.env.TEST_DATABASE_URL;

// The Neon driver speaks Postgres over WebSocket; here it reaches the local server through a
// relay on loopback, exactly as it reaches Neon's proxy in a deployment.
describe.skipIf(!serverUrl)("Neon driver through a WebSocket relay", () => {
  const database = `partnerships_neon_${process.pid}`;
  let relay: Awaited<ReturnType<typeof startWsRelay>>;
  let admin: pg.Client;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${database}`);
    await admin.query(`create database ${database}`);
    relay = await startWsRelay();
  });

  afterAll(async () => {
    await relay?.close();
    await admin?.query(`drop database if exists ${database} with (force)`);
    await admin?.end();
  });

  it("migrates and round-trips a row", async () => {
    const url = new URL(serverUrl as string);
    url.pathname = `/${database}`;
    const env = { ...process.env, DATABASE_URL: url.toString(), DATABASE_DRIVER: "neon", NEON_WS_PROXY: relay.address };
    const connection = await connect(env);
    try {
      expect(connection.driver).toBe("neon");
      await migrateDatabase(connection);
      const [org] = await connection.db
        .insert(organizations)
        .values({ kind: "customer", name: "Relay Test", domain: "relay.example" })
        .returning();
      const [found] = await connection.db.select().from(organizations).where(eq(organizations.id, org!.id));
      expect(found?.name).toBe("Relay Test");
      const [version] = await queryRows<{ ok: number }>(connection.db, sql`select 1 as ok`);
      expect(version?.ok).toBe(1);
      // Named statements (the directory search's) work through the relay too, run after run.
      for (let i = 0; i < 3; i++) expect(await queryNamedRows<{ n: number }>(connection.db, sql`select ${i}::int as n`)).toEqual([{ n: i }]);
      await expect(
        connection.db.transaction(async (tx) => {
          await tx.insert(organizations).values({ kind: "customer", name: "Rolled back", domain: "rollback.example" });
          throw new Error("abort");
        }),
      ).rejects.toThrow("abort");
      expect(await connection.db.$count(organizations)).toBe(1);
    } finally {
      await connection.close();
    }
  });
});
