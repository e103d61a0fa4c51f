import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getConnection, type Db } from "@/db/client";
import { emailOutbox, invitationAcceptances, invitations, organizations, relationships, roleGrants } from "@/db/schema";
import { seedDatabase } from "@/seed/demo";
import { acceptInvitation } from "@/lib/invitations/acceptance";
import { actorFor } from "../support/actors";
import { parkConnection } from "../support/connection";
import { resetDatabase, tableCounts } from "../support/db";
import { sendTestInvitation } from "../support/invitations";

const serverUrl = process.env.TEST_DATABASE_URL;
const yes = { acknowledged: true };

type Outcome<T> = { value: T; error?: undefined } | { value?: undefined; error: Error };

/** An error's message with those of its causes (drizzle wraps a failed rollback around the driver's error). */
function messages(error: unknown): string {
  const parts: string[] = [];
  for (let e = error; e instanceof Error && parts.length < 5; e = e.cause) parts.push(e.message);
  return parts.join(" <- ");
}

const KILLED = /terminating connection due to administrator command|Connection terminated/;

/** Starts a call without letting its rejection go unhandled while the test works on it. */
function settle<T>(promise: Promise<T>): Promise<Outcome<T>> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error: error instanceof Error ? error : new Error(String(error)) }),
  );
}

// The app's own pool (getConnection()), made recognisable in pg_stat_activity by its application
// name. The test holds locks on one connection of its own and watches and kills app backends
// from another (pg_stat_activity is a per-transaction snapshot, so the watcher stays outside any).
describe.skipIf(!serverUrl)("database faults: a backend killed under the app's pool", () => {
  const appName = `partnerships-db-faults-${process.pid}`;
  let restoreConnection: () => Promise<void>;
  let holder: pg.Client;
  let watcher: pg.Client;
  let holderPid: number;
  let appDb: Db;
  let db: Db;

  async function orgId(domain: string) {
    const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.domain, domain));
    return org!.id;
  }

  /** The app backend waiting on a lock the holder connection holds, once it is waiting. */
  async function blockedBackend(): Promise<{ pid: number; query: string }> {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const { rows } = await watcher.query<{ pid: number; query: string }>(
        "select pid, query from pg_stat_activity where application_name = $1 and $2::int = any(pg_blocking_pids(pid))",
        [appName, holderPid],
      );
      if (rows.length === 1) return rows[0]!;
      if (rows.length > 1) throw new Error(`expected one blocked backend, found ${rows.length}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error("the app's query never blocked on the holder's lock");
  }

  async function appBackends(state?: string): Promise<number[]> {
    const { rows } = await watcher.query<{ pid: number }>(
      "select pid from pg_stat_activity where application_name = $1 and ($2::text is null or state = $2) order by pid",
      [appName, state ?? null],
    );
    return rows.map((r) => r.pid);
  }

  async function terminate(pid: number) {
    const { rows } = await watcher.query<{ ok: boolean }>("select pg_terminate_backend($1) as ok", [pid]);
    expect(rows[0]?.ok).toBe(true);
  }

  beforeAll(async () => {
    holder = new pg.Client({ connectionString: serverUrl, application_name: "db-faults-holder" });
    watcher = new pg.Client({ connectionString: serverUrl, application_name: "db-faults-watcher" });
    await Promise.all([holder.connect(), watcher.connect()]);
    holderPid = (await holder.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]!.pid;
    db = await resetDatabase();
    restoreConnection = parkConnection();
    const url = new URL(serverUrl as string);
    url.searchParams.set("application_name", appName);
    vi.stubEnv("DATABASE_URL", url.toString());
    vi.stubEnv("DATABASE_POOL_MAX", "3");
    const connection = await getConnection();
    expect(connection.driver).toBe("node-postgres");
    appDb = connection.db;
  });

  afterAll(async () => {
    await restoreConnection?.();
    vi.unstubAllEnvs();
    await holder?.end();
    await watcher?.end();
  });

  beforeEach(async () => {
    db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 5 });
  });

  afterEach(async () => {
    await holder.query("rollback");
    await holder.query("select pg_advisory_unlock_all()");
  });

  it("acceptInvitation killed mid-transaction fails cleanly, leaves no partial rows, and the next call succeeds on the same pool", async () => {
    const { token, invitation } = await sendTestInvitation(appDb);
    const contoso = await orgId("contoso.example");
    const admin = await actorFor(appDb, "admin@contoso.example");
    const before = await tableCounts(db);

    // Hold the relationship's unique key: the acceptance gets as far as its insert and waits there,
    // with the invitation locked and the agreement acceptance and its audit event already written.
    await holder.query("begin");
    await holder.query("insert into relationships (customer_organization_id, partner_organization_id) values ($1, $2)", [contoso, invitation.partnerOrganizationId]);
    const accepting = settle(acceptInvitation(appDb, admin, token, yes));
    const blocked = await blockedBackend();
    expect(blocked.query).toMatch(/^insert into "relationships"/);
    const { rows: written } = await watcher.query<{ relation: string }>(
      "select relation::regclass::text as relation from pg_locks where pid = $1 and mode = 'RowExclusiveLock' and locktype = 'relation'",
      [blocked.pid],
    );
    expect(written.map((w) => w.relation)).toEqual(expect.arrayContaining(["agreement_acceptances", "audit_events"]));

    await terminate(blocked.pid);
    const outcome = await accepting;
    expect(outcome.value).toBeUndefined();
    expect(messages(outcome.error)).toMatch(KILLED);
    await holder.query("rollback");

    // Nothing of the half-done acceptance survived.
    expect(await tableCounts(db)).toEqual(before);
    expect((await db.select().from(invitations).where(eq(invitations.id, invitation.id)))[0]?.status).toBe("pending");
    expect(await appBackends()).not.toContain(blocked.pid);

    // The pool dropped the dead client and serves the retry with a live one.
    const retried = await acceptInvitation(appDb, admin, token, yes);
    expect(retried).toMatchObject({ ok: true, alreadyAccepted: false });
    expect(await db.$count(invitationAcceptances)).toBe(1);
    expect(await db.$count(relationships)).toBe(1);
    expect(await db.$count(roleGrants)).toBe(2);
    expect((await db.select().from(invitations).where(eq(invitations.id, invitation.id)))[0]?.status).toBe("accepted");
  });

  it("createInvitation killed while waiting on its advisory lock writes nothing, and the resend succeeds", async () => {
    const [partner] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.domain, "fabrikam.example"));
    const before = await tableCounts(db);

    // The lock of a send to an address of Contoso's verified domain (lib/invitations/service.ts).
    await holder.query("select pg_advisory_lock(hashtext($1))", [`invitation:${partner!.id}:domain:contoso.example:gdap`]);
    const idempotencyKey = randomUUID();
    const sending = settle(sendTestInvitation(appDb, { idempotencyKey }));
    const blocked = await blockedBackend();
    expect(blocked.query).toMatch(/pg_advisory_xact_lock/);
    await terminate(blocked.pid);
    const outcome = await sending;
    expect(outcome.value).toBeUndefined();
    expect(messages(outcome.error)).toMatch(KILLED);
    await holder.query("select pg_advisory_unlock_all()");
    expect(await tableCounts(db)).toEqual(before);

    // The person presses Send again (same idempotency key): one invitation, one email.
    const { invitation } = await sendTestInvitation(appDb, { idempotencyKey });
    expect(invitation.idempotencyKey).toBe(idempotencyKey);
    expect(await db.$count(invitations)).toBe(1);
    expect(await db.$count(emailOutbox)).toBe(1);
  });

  it("idle pooled connections killed by the server (restart, failover) are replaced without crashing the process", async () => {
    // Open a few pooled connections, then let them go idle.
    await Promise.all(Array.from({ length: 3 }, () => appDb.execute(sql`select pg_sleep(0.05)`)));
    const idle = await appBackends("idle");
    expect(idle.length).toBeGreaterThan(0);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (const pid of idle) await terminate(pid);
      // Let the pool see the sockets close.
      await vi.waitFor(() => expect(logged).toHaveBeenCalledTimes(idle.length));
      expect(logged).toHaveBeenCalledWith("[db] lost an idle connection:", expect.stringMatching(KILLED));
    } finally {
      logged.mockRestore();
    }

    const { token } = await sendTestInvitation(appDb);
    const accepted = await acceptInvitation(appDb, await actorFor(appDb, "admin@contoso.example"), token, yes);
    expect(accepted.ok).toBe(true);
    const now = await appBackends();
    for (const pid of idle) expect(now).not.toContain(pid);
  });
});
