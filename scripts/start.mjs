// `npm start`: the production server. Without AUTH_SECRET it uses (and keeps) a generated one
// under .data/ so a local production build runs with no setup; deployments must set their own.
//
// With a database server (DATABASE_URL) it runs one Next.js worker per CPU core, up to four
// (WEB_CONCURRENCY sets the number), sharing one port: a Node.js process renders on one core.
// The embedded database belongs to a single process, so without DATABASE_URL there is one.
import cluster from "node:cluster";
import http from "node:http";
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

const options = parseArguments(process.argv.slice(2));
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
      // The exit code is 0 after SIGINT/SIGTERM, or the failed worker's when the server could not start;
      // a worker killed before it finished its requests makes the stop a failure too.
      if (signal && !process.exitCode) {
        console.error(`[start] worker ${worker.process.pid} was killed (${signal}) before it stopped`);
        process.exitCode = 1;
      }
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
  // Next.js keeps a process alive after errors it reports, so a server that cannot start says so and exits.
  await serve(options).catch((error) => {
    console.error("[start] the server could not start:", error);
    process.exit(1);
  });
}

/** `-p/--port` and `-H/--hostname`, as `next start` takes them (PORT also sets the port). */
function parseArguments(args) {
  const portOf = (text, from) => {
    if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new Error(`npm start: ${from} must be a port number from 0 to 65535, not "${text}"`);
    return Number(text);
  };
  const options = { port: process.env.PORT ? portOf(process.env.PORT, "PORT") : 3000, hostname: undefined };
  for (let i = 0; i < args.length; i += 1) {
    const [flag, inline] = args[i].split(/=(.*)/s);
    const value = () => {
      const text = inline ?? args[(i += 1)];
      if (!text) throw new Error(`npm start: ${flag} needs a value`);
      return text;
    };
    if (flag === "-p" || flag === "--port") options.port = portOf(value(), flag);
    else if (flag === "-H" || flag === "--hostname") options.hostname = value();
    else throw new Error(`npm start: unknown option "${args[i]}" (use -p <port> and -H <hostname>)`);
  }
  return options;
}

/** One Next.js server in this process, behind the response compression of scripts/compress.mjs. */
async function serve({ port, hostname }) {
  process.env.NODE_ENV = "production";
  const { default: next } = await import("next");
  const { compressResponses } = await import("./compress.mjs");
  const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
  const handle = app.getRequestHandler();
  // instrumentation.ts (migrations, the embedded seed) exits rather than serve without its database.
  process.env.PARTNERSHIPS_EXIT_ON_START_FAILURE = "1";
  await app.prepare();
  // The TCP peer's address, for per-client limits (lib/request.ts): always overwritten, so a client
  // cannot send it; the environment tells the app that this server writes it.
  process.env.PARTNERSHIPS_SOCKET_ADDRESS_HEADER = "1";
  const server = http.createServer((req, res) => {
    req.headers["x-partnerships-socket-address"] = req.socket.remoteAddress ?? "";
    compressResponses(req, res);
    handle(req, res).catch((error) => {
      console.error("[start] request failed:", error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, resolve);
  });
  const address = server.address();
  const shown = hostname ?? "localhost";
  console.log(`▲ Ready on http://${shown.includes(":") ? `[${shown}]` : shown}:${typeof address === "object" && address ? address.port : port}`);
  // A signal sent to the whole process group reaches a worker twice (directly, and forwarded by the
  // primary): the second must not cut the graceful stop short.
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      setTimeout(() => process.exit(0), 5000).unref();
    });
  }
}
