// `npm start`: the production server. Without AUTH_SECRET it uses (and keeps) a generated one
// under .data/ so a local production build runs with no setup; deployments must set their own.
//
// With a database server (DATABASE_URL) it runs one Next.js worker per CPU core, up to four
// (WEB_CONCURRENCY sets the number), sharing one port: a Node.js process renders on one core.
// The embedded database belongs to a single process, so without DATABASE_URL there is one.
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

if (!process.env.AUTH_SECRET) {
  const file = path.resolve(".data", "auth-secret");
  let secret = "";
  try {
    secret = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    secret = randomBytes(33).toString("base64");
    writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  }
  process.env.AUTH_SECRET = secret;
  if (cluster.isPrimary) {
    console.warn(`AUTH_SECRET is not set: using the local secret in ${path.relative(process.cwd(), file)}. Set AUTH_SECRET in production.`);
  }
}

function workerCount() {
  if (!process.env.DATABASE_URL) return 1;
  const configured = process.env.WEB_CONCURRENCY;
  if (configured !== undefined && configured !== "") {
    const n = Number(configured);
    if (!Number.isInteger(n) || n < 1) throw new Error(`WEB_CONCURRENCY must be a whole number of at least 1, not "${configured}"`);
    return n;
  }
  return Math.min(4, os.availableParallelism());
}

const workers = cluster.isPrimary ? workerCount() : 1;

if (cluster.isPrimary && workers > 1) {
  // A worker that dies on its own is replaced; one that dies within its first seconds means the
  // server cannot start (a bad build, an unreachable database), and the whole server stops.
  const STARTUP_MS = 15_000;
  const startedAt = new Map();
  let stopping = false;
  const fork = () => startedAt.set(cluster.fork().id, Date.now());
  for (let i = 0; i < workers; i += 1) fork();
  cluster.on("exit", (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) {
      // The exit code is 0 after SIGINT/SIGTERM, or the failed worker's when the server could not start.
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    console.error(`[start] worker ${worker.process.pid} exited (${signal ?? `code ${code}`})`);
    if (lived < STARTUP_MS) {
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
      process.exitCode = typeof code === "number" && code !== 0 ? code : 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    fork();
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }
} else {
  // Run Next.js's own CLI in this process (no second Node process just to pass signals on).
  process.argv = [process.argv[0], path.resolve("node_modules/next/dist/bin/next"), "start", ...process.argv.slice(2)];
  await import(path.resolve("node_modules/next/dist/bin/next"));
}
