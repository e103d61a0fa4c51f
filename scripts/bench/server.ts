// The production server under test: a build (made if missing, in NEXT_DIST_DIR or .next), `next start` on a free
// port, and a clean stop of its whole process group.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { performance } from "node:perf_hooks";
import net from "node:net";
import path from "node:path";

// next.config.mjs builds into NEXT_DIST_DIR when it is set; the server started here reads the same one.
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
const BUILD_ID = path.resolve(DIST_DIR, "BUILD_ID");
const ROUTES_MANIFEST = path.resolve(DIST_DIR, "app-path-routes-manifest.json");
const NEXT_BIN = path.resolve("node_modules", "next", "dist", "bin", "next");

/** Routes of the app's source tree (`app/**\/page.tsx`, route groups removed). */
function sourceRoutes(dir = path.resolve("app"), segments: string[] = []): Set<string> {
  const routes = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const segment = /^\(.*\)$/.test(entry.name) ? [] : [entry.name];
      for (const route of sourceRoutes(path.join(dir, entry.name), [...segments, ...segment])) routes.add(route);
    } else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) {
      routes.add(`/${segments.join("/")}`);
    }
  }
  return routes;
}

function builtRoutes(): Set<string> {
  try {
    return new Set(Object.values(JSON.parse(readFileSync(ROUTES_MANIFEST, "utf8")) as Record<string, string>));
  } catch {
    return new Set();
  }
}

function newestSource(dir: string, newest = { file: "", mtime: 0 }): { file: string; mtime: number } {
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newestSource(file, newest);
    else if (/\.(tsx?|css|mdx?)$/.test(entry.name)) {
      const mtime = statSync(file).mtimeMs;
      if (mtime > newest.mtime) Object.assign(newest, { file, mtime });
    }
  }
  return newest;
}

/**
 * Uses the existing production build; builds when there is none, when BENCH_BUILD=1, or when a route the
 * bench needs exists in the source but not in the build. Returns the routes of the build.
 */
export function ensureBuild(needed: string[], force: boolean, log: (line: string) => void): Set<string> {
  const inSource = sourceRoutes();
  let reason = "";
  if (force) reason = "BENCH_BUILD=1";
  else if (!existsSync(BUILD_ID)) reason = `there is no production build (${DIST_DIR}/BUILD_ID)`;
  else {
    const built = builtRoutes();
    const missing = needed.filter((route) => inSource.has(route) && !built.has(route));
    if (missing.length > 0) reason = `the build predates ${missing.join(", ")}`;
  }
  if (reason) {
    log(`building for production (${reason}): npx next build …`);
    const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
  } else {
    const buildTime = statSync(BUILD_ID).mtimeMs;
    const newest = ["app", "lib", "components", "db"].reduce((acc, dir) => newestSource(path.resolve(dir), acc), { file: "", mtime: 0 });
    if (newest.mtime > buildTime) {
      log(`warning: ${path.relative(process.cwd(), newest.file)} is newer than the production build; BENCH_BUILD=1 rebuilds first`);
    }
  }
  return builtRoutes();
}

export function freePort(): Promise<number> {
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

/** The server's AUTH_SECRET in every bench run; the bench derives invitation links with it too. */
export const BENCH_AUTH_SECRET = "bench-secret-not-for-production-0123456789abcdef";

export interface RunningServer {
  origin: string;
  /** The process id of `next start`, also the id of the server's process group. */
  pid: number;
  /** Milliseconds from spawn until `readyPath` first answered 200. */
  readyMs: number;
  stop: () => Promise<void>;
  output: () => string;
}

/** Resident memory of every process in a process group (sum of VmRSS from /proc; shared pages count once per process). */
export function processGroupRss(pgid: number): { kb: number; processes: { pid: number; command: string; kb: number }[] } {
  const processes: { pid: number; command: string; kb: number }[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc");
  } catch {
    return { kb: Number.NaN, processes };
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses, so split after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      const rss = /^VmRSS:\s+(\d+) kB/m.exec(status);
      const command = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").filter(Boolean).slice(0, 3).join(" ");
      processes.push({ pid: Number(entry), command, kb: rss ? Number(rss[1]) : 0 });
    } catch {
      // the process ended meanwhile
    }
  }
  return { kb: processes.reduce((sum, p) => sum + p.kb, 0), processes };
}

/** `next start -p <port>` in its own process group; resolves when `readyPath` answers 200. */
export async function startServer(options: {
  env: NodeJS.ProcessEnv;
  readyPath: string;
  log: (line: string) => void;
  /** How often readiness is polled (default 250 ms). */
  pollMs?: number;
  /** How long the server may take to answer (default 90 s). */
  timeoutMs?: number;
}): Promise<RunningServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...options.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: BENCH_AUTH_SECRET,
    AUTH_URL: `http://localhost:${port}`,
    MAILBOX: "0",
  };
  const spawnedAt = performance.now();
  const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let exited: number | string | null = null;
  const exitedPromise = new Promise<void>((resolve) => {
    child.on("exit", (code, signal) => {
      exited = code ?? signal ?? "exit";
      resolve();
    });
  });

  const stop = async () => {
    if (exited !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5000).unref());
    if ((await Promise.race([exitedPromise, timer])) === "timeout") {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  };

  const timeoutMs = options.timeoutMs ?? 90_000;
  const deadline = Date.now() + timeoutMs;
  let readyMs = Number.NaN;
  for (;;) {
    if (exited !== null) throw new Error(`the server exited (${exited}) before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer ${options.readyPath} with 200 within ${timeoutMs / 1000} s:\n${output}`);
    }
    try {
      const response = await fetch(origin + options.readyPath, { signal: AbortSignal.timeout(30_000) });
      await response.arrayBuffer();
      if (response.status === 200) {
        readyMs = performance.now() - spawnedAt;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
  }
  options.log(`server ready at ${origin} (pid ${child.pid}) after ${(readyMs / 1000).toFixed(2)} s`);
  return { origin, pid: child.pid as number, readyMs, stop, output: () => output };
}
