import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { connect, queryNamedRows, type Db } from "@/db/client";
import { organizations, partnerProfiles } from "@/db/schema";
import { seedDatabase } from "@/seed/demo";
import { resetDatabase, tableCounts } from "../support/db";

const serverUrl = process.env.TEST_DATABASE_URL;

type Outcome<T> = { value: T; error?: undefined } | { value?: undefined; error: Error };

/** Starts a call without letting its rejection go unhandled while the test works on it. */
function settle<T>(promise: Promise<T>): Promise<Outcome<T>> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error: error instanceof Error ? error : new Error(String(error)) }),
  );
}

/** An error's message with those of its causes (drizzle wraps the driver's error). */
function messages(error: unknown): string {
  const parts: string[] = [];
  for (let e = error; e instanceof Error && parts.length < 5; e = e.cause) parts.push(e.message);
  return parts.join(" <- ");
}

const KILLED = /terminating connection due to administrator command|Connection terminated|server conn crashed/;

// A managed database's restart or failover ends every connection of the app
// (pg_terminate_backend does the same here). The app's pool is recognisable in pg_stat_activity by
// its application name; the test holds locks on a connection of its own (to catch the app's
// statements in flight) and watches and ends the app's backends from another.
describe.skipIf(!serverUrl)("failover: the server ends the app's connections", () => {
  const appName = `partnerships-failover-${process.pid}`;
  let holder: pg.Client;
  let watcher: pg.Client;
  let holderPid = 0;
  let app: Awaited<ReturnType<typeof connect>>;
  let db: Db;

  /** The app backend (other than `except`) waiting on a lock the holder holds, once it waits. */
  async function blockedBackend(except: number[] = []): Promise<{ pid: number; query: string }> {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const { rows } = await watcher.query<{ pid: number; query: string }>(
        "select pid, query from pg_stat_activity where application_name = $1 and $2::int = any(pg_blocking_pids(pid)) and not (pid = any($3::int[]))",
        [appName, holderPid, except],
      );
      if (rows.length === 1) return rows[0]!;
      if (rows.length > 1) throw new Error(`expected one blocked backend, found ${rows.length}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error("no statement of the app waited on the holder's lock");
  }

  async function terminate(pid: number) {
    const { rows } = await watcher.query<{ ok: boolean }>("select pg_terminate_backend($1) as ok", [pid]);
    expect(rows[0]?.ok).toBe(true);
  }

  /** Takes `table`'s strongest lock in a transaction of the holder: every statement on it waits. */
  async function lockTable(table: string) {
    await holder.query("begin");
    holderPid = (await holder.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]!.pid;
    await holder.query(`lock table ${table} in access exclusive mode`);
  }

  beforeAll(async () => {
    holder = new pg.Client({ connectionString: serverUrl, application_name: "failover-holder" });
    watcher = new pg.Client({ connectionString: serverUrl, application_name: "failover-watcher" });
    await Promise.all([holder.connect(), watcher.connect()]);
    // Neither is ended by the test; an error event would otherwise end the test run.
    for (const client of [holder, watcher]) client.on("error", (error) => console.error("[failover test]", error.message));
    await resetDatabase();
    const url = new URL(serverUrl as string);
    url.searchParams.set("application_name", appName);
    app = await connect({ ...process.env, DATABASE_URL: url.toString(), DATABASE_DRIVER: "node-postgres", DATABASE_POOL_MAX: "4" });
  });

  afterAll(async () => {
    await app?.close();
    await holder?.end();
    await watcher?.end();
  });

  beforeEach(async () => {
    db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 5 });
  });

  afterEach(async () => {
    await holder.query("rollback");
    vi.restoreAllMocks();
  });

  it("a read whose connection ends before it answers runs once more, on a new connection, and answers", async () => {
    const profiles = await db.$count(partnerProfiles);
    const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
    await lockTable("partner_profiles");

    const reading = settle(app.db.select({ slug: partnerProfiles.slug }).from(partnerProfiles));
    const first = await blockedBackend();
    expect(first.query).toMatch(/^select .* from "partner_profiles"/);
    await terminate(first.pid);
    // The same read waits again, on another backend.
    const second = await blockedBackend([first.pid]);
    expect(second.query).toBe(first.query);
    await holder.query("rollback");

    const outcome = await reading;
    expect(outcome.error).toBeUndefined();
    expect(outcome.value).toHaveLength(profiles);
    expect(warned).toHaveBeenCalledTimes(1);
    expect(String(warned.mock.calls[0]?.[0])).toMatch(/a read lost its connection \(57P01\)/);

    // The directory search's named statements go the same way.
    await lockTable("partner_profiles");
    const named = settle(queryNamedRows<{ n: number }>(app.db, sql`select count(*)::int as n from partner_profiles where ${1} = 1`));
    const waiting = await blockedBackend();
    await terminate(waiting.pid);
    await blockedBackend([waiting.pid]);
    await holder.query("rollback");
    expect(await named).toEqual({ value: [{ n: profiles }] });
  });

  it("after every connection of the app ended between requests, the next reads answer", async () => {
    const lost = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    // Four pooled connections, idle.
    await Promise.all(Array.from({ length: 4 }, () => app.db.execute(sql`select pg_sleep(0.05)`)));
    const { rows: ended } = await watcher.query<{ pid: number; ok: boolean }>(
      "select pid, pg_terminate_backend(pid) as ok from (select pid from pg_stat_activity where application_name = $1 offset 0) app",
      [appName],
    );
    expect(ended.length).toBeGreaterThan(0);
    expect(ended.every((backend) => backend.ok)).toBe(true);

    // At once, before the pool may have heard: each read either finds a dead connection and runs again,
    // or gets a new one.
    const reads = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        settle<unknown>(
          i % 2 ? app.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.domain, "contoso.example")).then() : app.db.$count(partnerProfiles).then(),
        ),
      ),
    );
    expect(reads.filter((read) => read.error).map((read) => messages(read.error))).toEqual([]);
    expect(lost.mock.calls.every(([line]) => /lost an idle connection/.test(String(line)))).toBe(true);
  });

  it("a transaction whose connection ends fails cleanly, leaves nothing, and none of it runs again", async () => {
    const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
    const before = await tableCounts(db);
    await lockTable("partner_profiles");

    // It writes, then reads: the read is inside the transaction and is not retried.
    const writing = settle(
      app.db.transaction(async (tx) => {
        await tx.insert(organizations).values({ kind: "customer", name: "Failover Test", domain: "failover.example" });
        return tx.select({ id: partnerProfiles.id }).from(partnerProfiles);
      }),
    );
    const blocked = await blockedBackend();
    await terminate(blocked.pid);
    const outcome = await writing;
    expect(outcome.value).toBeUndefined();
    expect(messages(outcome.error)).toMatch(KILLED);
    await holder.query("rollback");

    expect(warned).not.toHaveBeenCalled();
    expect(await tableCounts(db)).toEqual(before);
    expect(await db.$count(organizations, eq(organizations.domain, "failover.example"))).toBe(0);

    // The same transaction on a live connection of the same pool.
    await app.db.transaction((tx) => tx.insert(organizations).values({ kind: "customer", name: "Failover Test", domain: "failover.example" }));
    expect(await db.$count(organizations, eq(organizations.domain, "failover.example"))).toBe(1);
  });

  it("a write outside a transaction whose connection ends fails and is not sent again", async () => {
    const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
    await lockTable("organizations");
    const renaming = settle(app.db.update(organizations).set({ name: "Renamed" }).where(eq(organizations.domain, "contoso.example")));
    const blocked = await blockedBackend();
    expect(blocked.query).toMatch(/^update "organizations"/);
    await terminate(blocked.pid);
    const outcome = await renaming;
    expect(messages(outcome.error)).toMatch(KILLED);
    await holder.query("rollback");

    expect(warned).not.toHaveBeenCalled();
    const [contoso] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.domain, "contoso.example"));
    expect(contoso?.name).toBe("Contoso");
  });
});
