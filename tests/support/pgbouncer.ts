import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/** Debian's package puts the binary outside a user's PATH. */
const CANDIDATES = [process.env.PGBOUNCER_PATH, "/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer"];

/** The PgBouncer binary of this machine, or undefined (tests that need one skip). */
export function findPgbouncer(): string | undefined {
  for (const candidate of CANDIDATES) if (candidate && existsSync(candidate)) return candidate;
  const found = spawnSync("sh", ["-c", "command -v pgbouncer"], { encoding: "utf8" });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export interface Pgbouncer {
  port: number;
  /** `serverUrl` with its host and port replaced by PgBouncer's: the same database, through the pooler. */
  url: string;
  /** What PgBouncer logged (connections, errors). */
  log: () => string;
  stop: () => Promise<void>;
}

/**
 * PgBouncer in transaction mode on a free loopback port, in front of the Postgres server of
 * `serverUrl`, as a hosted database's pooler is: every database name is forwarded to the database of
 * that name, and a server connection is lent to a client for one transaction at a time (or one
 * statement outside a transaction). Any user of the server is let in without a password (auth_type
 * trust; the server behind trusts loopback). Run as root it switches to the `postgres` user, since
 * PgBouncer refuses to run as root.
 */
export async function startPgbouncer(serverUrl: string, options: { poolSize?: number } = {}): Promise<Pgbouncer> {
  const binary = findPgbouncer();
  if (!binary) throw new Error("PgBouncer is not installed (Debian: apt-get install -y pgbouncer)");
  const server = new URL(serverUrl);
  const user = decodeURIComponent(server.username || "postgres");
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "pgbouncer-"));
  const logfile = path.join(dir, "pgbouncer.log");
  writeFileSync(path.join(dir, "userlist.txt"), `"${user}" ""\n`);
  writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `* = host=${server.hostname} port=${server.port || "5432"}`,
      "",
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      "pool_mode = transaction",
      `default_pool_size = ${options.poolSize ?? 20}`,
      "max_client_conn = 500",
      // node-postgres and the Neon driver send no other startup parameters.
      "ignore_startup_parameters = extra_float_digits,options",
      `logfile = ${logfile}`,
      "",
    ].join("\n"),
  );
  const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (asRoot) {
    chmodSync(dir, 0o777);
    writeFileSync(logfile, "");
    chmodSync(logfile, 0o666);
  }
  const child: ChildProcess = spawn(binary, [...(asRoot ? ["-u", "postgres"] : []), path.join(dir, "pgbouncer.ini")], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let exited: string | null = null;
  const exit = new Promise<void>((resolve) => child.once("exit", (code, signal) => ((exited = String(code ?? signal)), resolve())));
  // A test run that ends without stopping it (a hook timed out) does not leave it running.
  const orphaned = () => child.kill("SIGKILL");
  process.once("exit", orphaned);
  const log = () => {
    try {
      return output + readFileSync(logfile, "utf8");
    } catch {
      return output;
    }
  };
  const stop = async () => {
    process.off("exit", orphaned);
    if (exited === null) {
      child.kill("SIGINT");
      const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5000).unref());
      if ((await Promise.race([exit, timer])) === "timeout") child.kill("SIGKILL");
      await exit;
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 20_000;
  while (!(await accepts(port))) {
    if (exited !== null || Date.now() > deadline) {
      const seen = log();
      await stop();
      throw new Error(`PgBouncer did not start (${exited ?? "no answer"}):\n${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const url = new URL(serverUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return { port, url: url.toString(), log, stop };
}

/**
 * The Postgres server itself behind `url`, which may be a pooler already (CI runs the integration
 * tests a third time through PgBouncer): the address and port the server says it listens on, with the
 * user and database of `url`. A server reached over a Unix socket keeps `url` as it is.
 */
export async function directServerUrl(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ addr: string | null; port: number | null }>("select host(inet_server_addr()) as addr, inet_server_port() as port");
    const direct = new URL(url);
    if (rows[0]?.addr && rows[0].port) {
      direct.hostname = rows[0].addr.includes(":") ? `[${rows[0].addr}]` : rows[0].addr;
      direct.port = String(rows[0].port);
    }
    return direct.toString();
  } finally {
    await client.end();
  }
}
