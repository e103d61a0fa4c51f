import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

// `npm start` (`next start`) on a database server: it serves and stops on SIGTERM, and a server that cannot
// start says why and exits with a failure instead of serving without its database. It needs a production
// build; CI's Postgres run comes after `npm test`, whose browser tests build one (NEXT_DIST_DIR picks another).
const serverUrl = process.env.TEST_DATABASE_URL;
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-e2e";
const built = existsSync(path.resolve(DIST_DIR, "BUILD_ID"));
const NEXT_BIN = path.resolve("node_modules", "next", "dist", "bin", "next");

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

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(!serverUrl || !built)("npm start (next start) on a database server", () => {
  const started: { kill: (signal: NodeJS.Signals) => boolean; exitCode: number | null; signalCode: NodeJS.Signals | null }[] = [];

  afterEach(() => {
    for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });

  /** `next start` on `port`: the child, what it printed so far, and its exit code (or signal) once it exits. */
  function startServer(port: number, databaseUrl: string) {
    const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: DIST_DIR,
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: "server-start-test-secret-0123456789abcdef",
        AUTH_URL: `http://localhost:${port}`,
        MAILBOX: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    started.push(child);
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal)));
    return { child, output: () => output, exited };
  }

  it("exits with code 1 and says why when its database does not exist", async () => {
    const url = new URL(serverUrl as string);
    url.pathname = `/partnerships_missing_${process.pid}`;
    const server = startServer(await freePort(), url.toString());
    expect(await server.exited, server.output()).toBe(1);
    expect(server.output()).toMatch(/could not start: .*does not exist/);
  }, 45_000);

  it("serves, compressed, and stops on SIGTERM", async () => {
    const port = await freePort();
    const server = startServer(port, serverUrl as string);
    const response = await waitFor("the server", async () => {
      const answer = await fetch(`http://127.0.0.1:${port}/status`, { headers: { "accept-encoding": "gzip" } });
      await answer.arrayBuffer();
      return answer.status === 200 ? answer : undefined;
    });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    server.child.kill("SIGTERM");
    // Next.js ends a server stopped by a signal with 128 + the signal's number (143 for SIGTERM), after it closed.
    expect(await server.exited, server.output()).toBe(143);
    expect(server.output()).not.toMatch(/could not start/);
  }, 45_000);
});
