import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";

// `npm start` with a database server: one Next.js worker per core sharing one port, stopped together.
// It needs a production build; CI's Postgres run comes after `npm test`, whose browser tests build one.
const serverUrl = process.env.TEST_DATABASE_URL;
const DIST_DIR = ".next-e2e";
const built = existsSync(path.resolve(DIST_DIR, "BUILD_ID"));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Processes whose parent is `pid` (from /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(!serverUrl || !built || process.platform !== "linux")("npm start on a database server", () => {
  let child: ChildProcess | undefined;
  let database: string | undefined;

  afterEach(async () => {
    if (child?.exitCode === null) child.kill("SIGKILL");
    child = undefined;
    if (database) {
      const control = new pg.Client({ connectionString: serverUrl });
      await control.connect();
      await control.query(`drop database if exists ${database} with (force)`);
      await control.end();
    }
    database = undefined;
  });

  /** `npm start` with two workers on `port`: its process id, what it printed so far, and its exit code once it exits. */
  function startServer(port: number, databaseUrl: string, options: { detached?: boolean } = {}) {
    const started = spawn(process.execPath, ["scripts/start.mjs", "-p", String(port), "-H", "127.0.0.1"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: DIST_DIR,
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: databaseUrl,
        WEB_CONCURRENCY: "2",
        AUTH_SECRET: "start-workers-test-secret-0123456789abcdef",
        AUTH_URL: `http://localhost:${port}`,
        MAILBOX: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: options.detached ?? false,
    });
    child = started;
    let output = "";
    started.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    started.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => started.on("exit", (code) => resolve(code)));
    return { pid: started.pid as number, output: () => output, exited };
  }

  it("runs the workers it is asked for on one port, migrates once, and stops them all on SIGTERM", async () => {
    database = `partnerships_start_${process.pid}_${Date.now()}`;
    const control = new pg.Client({ connectionString: serverUrl });
    await control.connect();
    await control.query(`create database ${database}`);
    await control.end();
    const url = new URL(serverUrl as string);
    url.pathname = `/${database}`;
    const port = await freePort();
    const server = startServer(port, url.toString());
    const primary = server.pid;

    const workers = await waitFor("two workers", async () => {
      const found = childrenOf(primary);
      return found.length === 2 ? found : undefined;
    });
    // Both workers answer on the one port (each request may reach either).
    const statuses = await waitFor("the server", async () => {
      const responses = await Promise.all(Array.from({ length: 6 }, () => fetch(`http://127.0.0.1:${port}/partners?q=security`)));
      return responses.every((r) => r.status === 200) ? responses.map((r) => r.status) : undefined;
    });
    expect(statuses).toHaveLength(6);

    const check = new pg.Client({ connectionString: url.toString() });
    await check.connect();
    const applied = await check.query("select count(*)::int as n from drizzle.__drizzle_migrations");
    const journal = JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] };
    expect(applied.rows[0].n).toBe(journal.entries.length);
    await check.end();

    child?.kill("SIGTERM");
    expect(await server.exited, server.output()).toBe(0);
    await waitFor("the workers to stop", async () => (workers.every((pid) => !existsSync(`/proc/${pid}`)) ? true : undefined), 15_000);
  }, 120_000);

  /** Runs `npm start` with two workers until it exits on its own; its exit code and output. */
  async function startUntilExit(port: number, databaseUrl: string): Promise<{ code: number | null; output: string }> {
    const server = startServer(port, databaseUrl);
    const code = await server.exited;
    return { code, output: server.output() };
  }

  it("stops with a failure when its workers cannot start (the port is taken)", async () => {
    const port = await freePort();
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(port, "127.0.0.1", resolve));
    try {
      const { code, output } = await startUntilExit(port, serverUrl as string);
      expect(code, output).not.toBe(0);
      expect(output).toMatch(/EADDRINUSE/);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 120_000);

  it("stops cleanly when the whole process group gets the signal (each worker receives it twice)", async () => {
    const port = await freePort();
    const server = startServer(port, serverUrl as string, { detached: true });
    const pid = server.pid;
    await waitFor("the server", async () => ((await fetch(`http://127.0.0.1:${port}/status`)).status === 200 ? true : undefined));
    await waitFor("two workers", async () => (childrenOf(pid).length >= 2 ? true : undefined), 15_000);
    process.kill(-pid, "SIGTERM"); // as Ctrl-C, `kill -- -<pgid>` or a service manager do
    expect(await server.exited, server.output()).toBe(0);
    expect(server.output()).not.toMatch(/was killed/);
  }, 120_000);

  it("stops with a failure instead of serving when it cannot migrate its database", async () => {
    const url = new URL(serverUrl as string);
    url.pathname = `/partnerships_missing_${process.pid}`;
    const { code, output } = await startUntilExit(await freePort(), url.toString());
    expect(code, output).toBe(1);
    expect(output).toMatch(/could not start: .*does not exist/);
  }, 120_000);
});
