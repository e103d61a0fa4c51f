// `npm run bench`: seeds a separate database with 100,000 partner profiles, starts the production server and
// drives `/partners` searches and a trivial page of the same app (the framework floor) with autocannon.
// See docs/benchmarks.md. Environment:
//   BENCH_DRIVER=postgres|pglite     postgres (default) uses BENCH_DATABASE_URL; pglite uses .data/bench/pglite
//   BENCH_DATABASE_URL               default postgres://postgres@127.0.0.1:5432/partnerships_bench
//   BENCH_PARTNERS                   profiles to seed (default 100000)
//   BENCH_RESEED=1                   seed again even if the database already holds enough profiles
//   BENCH_SEED_MODE=single|batched   one seedDatabase transaction (default) or batches of 2,000
//   BENCH_SECONDS                    seconds per measurement (default 20; 10 on pglite)
//   BENCH_WARMUP_SECONDS             warm-up seconds at 4 connections, not counted (default 3)
//   BENCH_CONNECTIONS                connection levels (default "8,32")
//   BENCH_FLOOR_PATH                 the floor page (default /status)
//   BENCH_BUILD=1                    run `next build` first even if a build exists
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import {
  connect,
  databaseEnv,
  databaseInfo,
  directTimings,
  ensurePostgresDatabase,
  explainSearches,
  prepareDatabase,
  type BenchDriver,
  type DatabaseInfo,
  type DirectTiming,
  type ExplainResult,
  type SeedReport,
} from "./database";
import { runLoad, type LoadStats } from "./load";
import { EXPLAIN_SEARCHES, SEARCHES, searchPath, searchPaths } from "./queries";
import { ensureBuild, startServer, type RunningServer } from "./server";

const log = (line: string) => console.log(`[bench] ${line}`);

const driver: BenchDriver = process.env.BENCH_DRIVER === "pglite" ? "pglite" : "postgres";
const databaseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/partnerships_bench";
const pgliteDir = path.resolve(".data", "bench", "pglite");
const partnerCount = Number(process.env.BENCH_PARTNERS ?? 100_000);
const seconds = Number(process.env.BENCH_SECONDS ?? (driver === "pglite" ? 10 : 20));
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const levels = (process.env.BENCH_CONNECTIONS ?? "8,32").split(",").map((n) => Number(n.trim())).filter((n) => n > 0);
const poolMax = 20;
const TARGET_P95_MS = 100;
const TARGET_RPS_RATIO = 0.4;

interface Level {
  connections: number;
  /** 1-minute load average before the level's search run: other work on the machine skews the figures. */
  loadBefore: number;
  search: LoadStats;
  floor: LoadStats;
  ratio: { rps: number; p50: number };
}

interface Report {
  startedAt: string;
  driver: BenchDriver;
  database: string;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; os: string; database: string };
  databaseInfo: DatabaseInfo;
  seed: SeedReport;
  server: { poolMax: number; floorPath: string; floorNote: string | null };
  searchMix: { distinct: number; kinds: Record<string, number>; paths: string[] };
  direct: { byKind: Record<string, { count: number; medianMs: number; maxMs: number; medianMatches: number }>; searches: DirectTiming[] };
  plans: ExplainResult[];
  seconds: number;
  warmupSeconds: number;
  levels: Level[];
  targets: { name: string; pass: boolean; detail: string }[];
}

let server: RunningServer | null = null;
let closeDatabase: (() => Promise<void>) | null = null;

async function cleanup() {
  const running = server;
  server = null;
  if (running) await running.stop();
  const close = closeDatabase;
  closeDatabase = null;
  if (close) await close().catch(() => undefined);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping the server`);
    void cleanup().finally(() => process.exit(130));
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? (sorted[Math.floor((sorted.length - 1) / 2)] as number) : Number.NaN;
};
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");
const pad = (text: string, width: number) => text.padStart(width);

function levelTable(level: Level): string {
  const header = `${"".padEnd(22)}${pad("p50 ms", 9)}${pad("p95 ms", 9)}${pad("p99 ms", 9)}${pad("req/s", 9)}${pad("2xx", 8)}${pad("non-2xx", 9)}${pad("errors", 8)}${pad("KB/resp", 9)}`;
  const row = (name: string, s: LoadStats) =>
    `${name.padEnd(22)}${pad(ms(s.latencyMs.p50), 9)}${pad(ms(s.latencyMs.p95), 9)}${pad(ms(s.latencyMs.p99), 9)}${pad(s.rps.toFixed(1), 9)}${pad(String(s.ok), 8)}${pad(String(s.non2xx), 9)}${pad(String(s.errors), 8)}${pad((s.bytesPerResponse / 1024).toFixed(1), 9)}`;
  return [
    `${level.connections} connections, ${seconds} s each (load average before: ${level.loadBefore})`,
    header,
    row("search /partners", level.search),
    row(`floor ${level.floor.label}`, level.floor),
    `${"search / floor".padEnd(22)}${pad(`${(level.ratio.p50).toFixed(2)}×`, 9)}${"".padEnd(18)}${pad(`${(level.ratio.rps * 100).toFixed(0)}%`, 9)}`,
  ].join("\n");
}

function markdown(report: Report): string {
  const lines: string[] = [];
  const m = report.machine;
  lines.push(`Run ${report.startedAt} — ${report.driver}, ${report.seed.profiles.toLocaleString("en-US")} partner profiles`);
  lines.push("");
  lines.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}; ${m.database}`);
  lines.push("");
  lines.push(`Load average before each level: ${report.levels.map((l) => `${l.connections} connections ${l.loadBefore}`).join(", ")}`);
  lines.push("");
  lines.push("| Connections | Page | p50 ms | p95 ms | p99 ms | req/s | errors + non-2xx |");
  lines.push("|---|---|---:|---:|---:|---:|---:|");
  for (const level of report.levels) {
    for (const [name, s] of [["search `/partners`", level.search], [`floor \`${level.floor.label}\``, level.floor]] as const) {
      lines.push(`| ${level.connections} | ${name} | ${ms(s.latencyMs.p50)} | ${ms(s.latencyMs.p95)} | ${ms(s.latencyMs.p99)} | ${s.rps.toFixed(1)} | ${s.errors + s.non2xx} |`);
    }
    lines.push(`| ${level.connections} | search / floor | ${level.ratio.p50.toFixed(2)}× | | | ${(level.ratio.rps * 100).toFixed(0)}% | |`);
  }
  lines.push("");
  for (const t of report.targets) lines.push(`- ${t.pass ? "PASS" : "FAIL"} ${t.name}: ${t.detail}`);
  lines.push("");
  lines.push("| Search kind | searches | median matches | median ms (direct, 1 connection) | max ms |");
  lines.push("|---|---:|---:|---:|---:|");
  for (const [kind, k] of Object.entries(report.direct.byKind)) {
    lines.push(`| ${kind} | ${k.count} | ${k.medianMatches.toLocaleString("en-US")} | ${ms(k.medianMs)} | ${ms(k.maxMs)} |`);
  }
  lines.push("");
  for (const plan of report.plans) {
    lines.push(`- ${plan.label} — ${plan.total.toLocaleString("en-US")} matches`);
    for (const s of plan.statements) lines.push(`  - ${s.statement}: ${planLine(s)}`);
  }
  return `${lines.join("\n")}\n`;
}

function planLine(s: ExplainResult["statements"][number]): string {
  const parts = [
    `top node ${s.topNode}`,
    s.indexes.length ? `indexes ${s.indexes.join(", ")}` : "no index",
    s.seqScans.length ? `seq scan ${s.seqScans.join(", ")}` : "",
    s.matchedRows !== null ? `${s.matchedRows.toLocaleString("en-US")} rows from the table scan` : "",
    s.sorts.length ? `sort ${s.sorts.join("; ")}` : "",
    s.jit ? `JIT ${s.jit}` : "",
    `execution ${ms(s.executionMs ?? Number.NaN)} ms (planning ${ms(s.planningMs ?? Number.NaN)} ms)`,
  ];
  return parts.filter(Boolean).join("; ");
}

async function main() {
  const startedAt = new Date().toISOString();
  log(`driver ${driver}${driver === "postgres" ? ` at ${databaseUrl.replace(/:[^:@/]*@/, ":***@")}` : ` in ${path.relative(process.cwd(), pgliteDir)}`}`);
  const env = databaseEnv(driver, databaseUrl, pgliteDir);
  env.DATABASE_POOL_MAX = String(poolMax);

  // 1. Database.
  if (driver === "postgres") await ensurePostgresDatabase(databaseUrl, log);
  else mkdirSync(path.dirname(pgliteDir), { recursive: true });
  const connection = await connect(env);
  closeDatabase = connection.close;
  const seed = await prepareDatabase(
    connection.db,
    connection.driver,
    { partnerCount, reseed: process.env.BENCH_RESEED === "1", seedMode: process.env.BENCH_SEED_MODE === "batched" ? "batched" : "single" },
    log,
  );
  const info = await databaseInfo(connection.db);
  log(`${info.version}`);

  // 2. Database time of every search (second pass, warm cache) and the plans of the representative ones.
  const distinct = SEARCHES.map((search) => ({ path: searchPath(search), search }));
  await directTimings(connection.db, distinct);
  const direct = await directTimings(connection.db, distinct);
  const byKind: Report["direct"]["byKind"] = {};
  for (const kind of [...new Set(direct.map((d) => d.kind))]) {
    const of = direct.filter((d) => d.kind === kind);
    byKind[kind] = {
      count: of.length,
      medianMs: median(of.map((d) => d.ms)),
      maxMs: Math.max(...of.map((d) => d.ms)),
      medianMatches: median(of.map((d) => d.total)),
    };
  }
  log("database time per search kind (searchDirectory, one connection, warm cache):");
  for (const [kind, k] of Object.entries(byKind)) {
    log(`  ${kind.padEnd(11)} ${String(k.count).padStart(3)} searches, median ${ms(k.medianMs)} ms, max ${ms(k.maxMs)} ms, median ${k.medianMatches.toLocaleString("en-US")} matches`);
  }
  const slowest = [...direct].sort((a, b) => b.ms - a.ms).slice(0, 5);
  log(`  slowest: ${slowest.map((d) => `${d.path} ${ms(d.ms)} ms (${d.total.toLocaleString("en-US")} matches)`).join("; ")}`);

  const plans = await explainSearches(
    connection.db,
    EXPLAIN_SEARCHES.map((e) => ({ ...e, path: searchPath(e.search) })),
  );
  log("query plans (EXPLAIN ANALYZE, BUFFERS):");
  for (const plan of plans) {
    log(`  ${plan.label} — ${plan.total.toLocaleString("en-US")} matches`);
    for (const s of plan.statements) log(`    ${s.statement}: ${planLine(s)}`);
  }
  // PGlite allows one process per directory: the server opens it next.
  await connection.close();
  closeDatabase = null;

  // 3. Server.
  const builtRoutes = ensureBuild(["/partners", "/status"], process.env.BENCH_BUILD === "1", log);
  if (!builtRoutes.has("/partners")) throw new Error("the production build has no /partners page: there is nothing to benchmark yet");
  let floorPath = process.env.BENCH_FLOOR_PATH ?? "/status";
  let floorNote: string | null = null;
  if (!process.env.BENCH_FLOOR_PATH && !builtRoutes.has("/status")) {
    floorPath = "/legal/customer-agreement";
    floorNote = "the build has no /status page: the floor page is /legal/customer-agreement";
    log(`warning: ${floorNote}`);
  }
  server = await startServer({ env, readyPath: floorPath, log });
  const origin = server.origin;

  const paths = searchPaths();
  let broken = 0;
  for (const p of paths) {
    const response = await fetch(origin + p);
    await response.arrayBuffer();
    if (response.status !== 200) {
      broken += 1;
      log(`warning: ${p} answered ${response.status}`);
    }
  }
  log(`${paths.length} distinct searches fetched once: ${paths.length - broken} answered 200`);

  // 4. Load: warm-up (not counted), then search and floor at each level.
  log(`warm-up: ${warmupSeconds} s search and ${warmupSeconds} s floor at 4 connections (not counted)`);
  await runLoad({ origin, label: "warm-up", paths, connections: 4, seconds: warmupSeconds });
  await runLoad({ origin, label: "warm-up", paths: [floorPath], connections: 4, seconds: warmupSeconds });

  const results: Level[] = [];
  for (const connections of levels) {
    const loadBefore = Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
    if (loadBefore > os.cpus().length / 2) log(`warning: the machine's load average is ${loadBefore} before this run: other processes compete for the CPU`);
    log(`${connections} connections: search for ${seconds} s…`);
    const search = await runLoad({ origin, label: "/partners", paths, connections, seconds });
    log(`${connections} connections: floor ${floorPath} for ${seconds} s…`);
    const floor = await runLoad({ origin, label: floorPath, paths: [floorPath], connections, seconds });
    const level: Level = {
      connections,
      loadBefore,
      search,
      floor,
      ratio: { rps: search.rps / floor.rps, p50: search.latencyMs.p50 / floor.latencyMs.p50 },
    };
    results.push(level);
    console.log(`\n${levelTable(level)}\n`);
  }
  await cleanup();

  // 5. Report.
  const targets: Report["targets"] = [];
  const low = results.find((l) => l.connections === 8);
  const high = results.find((l) => l.connections === 32);
  if (low) {
    targets.push({
      name: `8 connections: search p95 < ${TARGET_P95_MS} ms`,
      pass: low.search.latencyMs.p95 < TARGET_P95_MS,
      detail: `p95 ${ms(low.search.latencyMs.p95)} ms`,
    });
  }
  if (high) {
    const failures = high.search.errors + high.search.non2xx + high.floor.errors + high.floor.non2xx;
    targets.push({
      name: "32 connections: zero errors",
      pass: failures === 0,
      detail: `search ${high.search.errors} errors, ${high.search.non2xx} non-2xx; floor ${high.floor.errors} errors, ${high.floor.non2xx} non-2xx`,
    });
    targets.push({
      name: `32 connections: search req/s ≥ ${TARGET_RPS_RATIO * 100}% of the floor page's`,
      pass: high.ratio.rps >= TARGET_RPS_RATIO,
      detail: `${high.search.rps.toFixed(1)} vs ${high.floor.rps.toFixed(1)} req/s = ${(high.ratio.rps * 100).toFixed(0)}%`,
    });
  }

  const cpus = os.cpus();
  const report: Report = {
    startedAt,
    driver,
    database: driver === "postgres" ? databaseUrl.replace(/:[^:@/]*@/, ":***@") : path.relative(process.cwd(), pgliteDir),
    machine: {
      cpu: cpus[0]?.model.trim() ?? "unknown",
      cores: cpus.length,
      memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
      node: process.version,
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      database: driver === "pglite" ? `PGlite (${info.version.split(" on ")[0]})` : info.version.split(" on ")[0] ?? info.version,
    },
    databaseInfo: info,
    seed,
    server: { poolMax, floorPath, floorNote },
    searchMix: {
      distinct: paths.length,
      kinds: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, v.count])),
      paths,
    },
    direct: { byKind, searches: direct },
    plans,
    seconds,
    warmupSeconds,
    levels: results,
    targets,
  };

  const m = report.machine;
  console.log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, Node ${m.node}, ${m.os}`);
  console.log(`Database: ${info.version} (${Object.entries(info.settings).map(([k, v]) => `${k}=${v}`).join(", ")})`);
  console.log(`Data: ${seed.profiles.toLocaleString("en-US")} partner profiles${seed.seeded ? `, seeded in ${seed.seedSeconds?.toFixed(1)} s` : " (seeding skipped)"}; ${info.sizes.map((s) => `${s.relation} ${s.size}`).join(", ")}`);
  console.log(`Server pool: ${driver === "pglite" ? "n/a (embedded PGlite, one connection)" : `${poolMax} connections`}; floor page: ${floorPath}${floorNote ? ` (${floorNote})` : ""}\n`);
  for (const t of targets) console.log(`${t.pass ? "PASS" : "FAIL"}  ${t.name} — ${t.detail}`);

  const dir = path.resolve(".data", "bench");
  mkdirSync(dir, { recursive: true });
  for (const name of ["last", `last-${driver}`]) {
    writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(path.join(dir, `${name}.md`), markdown(report));
  }
  log(`report written to .data/bench/last.json and .data/bench/last.md (also last-${driver}.json/.md)`);
  const elapsed = performance.now() / 1000;
  log(`done in ${elapsed.toFixed(0)} s`);
}

main().catch(async (error: unknown) => {
  console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const output = server?.output();
  await cleanup();
  if (output) console.error(`[bench] server output (tail):\n${output.slice(-4000)}`);
  process.exit(1);
});
