// `npm run bench`: seeds a separate database with 100,000 partner profiles, starts the production server and
// drives `/partners` searches and a trivial page of the same app (the framework floor) with autocannon; then
// Settings > Partner relationships with 500 relationships, the invitation review page, Accept & Authorize on
// the service, the client JavaScript of each route, and the startup time and memory of `npm start`.
// See docs/benchmarks.md. Environment:
//   BENCH_DRIVER=postgres|pglite     postgres (default) uses BENCH_DATABASE_URL; pglite uses .data/bench/pglite
//   BENCH_SECTIONS                   comma list of search,relationships,invitation,bundle,startup
//                                    (default: all of them on postgres; search,startup on pglite)
//   BENCH_DATABASE_URL               default postgres://postgres@127.0.0.1:5432/partnerships_bench
//   BENCH_PARTNERS                   profiles to seed (default 100000)
//   BENCH_RESEED=1                   seed again even if the database already holds enough profiles
//   BENCH_SEED_MODE=single|batched   one seedDatabase transaction (default) or batches of 2,000
//   BENCH_SECONDS                    seconds per measurement (default 20; 10 on pglite)
//   BENCH_WARMUP_SECONDS             warm-up seconds per page at the first connection level, not counted (default 10)
//   BENCH_CONNECTIONS                connection levels of the search and relationships pages (default "8,32")
//   BENCH_FLOOR_PATH                 the floor page (default /status)
//   BENCH_BUILD=1                    run `next build` first even if a build exists
//   BENCH_RELATIONSHIPS              relationships of "Bench Customer" (default 500)
//   BENCH_REVIEW_CONNECTIONS         connections on the invitation review page (default 32)
//   BENCH_ACCEPT_WORKERS             concurrent acceptInvitation workers (default 32)
//   BENCH_ACCEPT_INVITATIONS         pending invitations created for the accept run (default 3000)
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import {
  checkAccepts,
  cleanupAcceptRun,
  emailRenderMs,
  prepareAcceptRun,
  prepareReviewInvitation,
  runAccepts,
  type AcceptCheck,
  type AcceptPrepared,
  type AcceptRun,
  type ReviewFixture,
} from "./accept";
import { measureBundles, type BundleReport, type RouteTarget } from "./bundle";
import {
  connect,
  databaseEnv,
  databaseInfo,
  directTimings,
  ensurePostgresDatabase,
  explainSearches,
  prepareDatabase,
  recreatePostgresDatabase,
  type BenchDriver,
  type DatabaseInfo,
  type DirectTiming,
  type ExplainResult,
  type SeedReport,
} from "./database";
import { newSession, preparePartnerRelationships, relationshipCounts, sessionCookie, type RelationshipsFixture } from "./fixtures";
import { runLoad, type LoadStats } from "./load";
import { EXPLAIN_SEARCHES, SEARCHES, searchPath, searchPaths } from "./queries";
import { BENCH_AUTH_SECRET, ensureBuild, startServer, type RunningServer } from "./server";
import { measureStartup, removeDirectory, type StartupMeasurement } from "./startup";

// Invitation links are an HMAC under the server's secret: this process derives them with the same one.
process.env.AUTH_SECRET = BENCH_AUTH_SECRET;

const log = (line: string) => console.log(`[bench] ${line}`);

const SECTION_NAMES = ["search", "relationships", "invitation", "bundle", "startup"] as const;
type Section = (typeof SECTION_NAMES)[number];

const driver: BenchDriver = process.env.BENCH_DRIVER === "pglite" ? "pglite" : "postgres";
const DRIVER_LABEL: Record<BenchDriver, string> = {
  postgres: "Postgres (node-postgres pool, separate database server)",
  pglite: "PGlite (embedded, inside the Next.js server process)",
};
const databaseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/partnerships_bench";
const pgliteDir = path.resolve(".data", "bench", "pglite");
const partnerCount = Number(process.env.BENCH_PARTNERS ?? 100_000);
const seconds = Number(process.env.BENCH_SECONDS ?? (driver === "pglite" ? 10 : 20));
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
const levels = (process.env.BENCH_CONNECTIONS ?? "8,32").split(",").map((n) => Number(n.trim())).filter((n) => n > 0);
const sections = new Set<Section>(
  (process.env.BENCH_SECTIONS ?? (driver === "pglite" ? "search,startup" : SECTION_NAMES.join(",")))
    .split(",")
    .map((s) => s.trim())
    .filter((s): s is Section => {
      if ((SECTION_NAMES as readonly string[]).includes(s)) return true;
      if (s) throw new Error(`unknown BENCH_SECTIONS entry "${s}" (known: ${SECTION_NAMES.join(", ")})`);
      return false;
    }),
);
const relationshipCount = Number(process.env.BENCH_RELATIONSHIPS ?? 500);
const reviewConnections = Number(process.env.BENCH_REVIEW_CONNECTIONS ?? 32);
const acceptWorkers = Number(process.env.BENCH_ACCEPT_WORKERS ?? 32);
const acceptInvitations = Number(process.env.BENCH_ACCEPT_INVITATIONS ?? 3000);
const poolMax = 20;
const TARGET_P95_MS = 100;
const TARGET_RPS_RATIO = 0.4;
const TARGET_JS_GZIP = 150_000;

interface Level {
  connections: number;
  /** 1-minute load average before the level's search run: other work on the machine skews the figures. */
  loadBefore: number;
  search: LoadStats;
  floor: LoadStats;
  ratio: { rps: number; p50: number };
}

/** A page measured at one level beside the floor page of the same run at the same number of connections. */
interface PageLevel {
  connections: number;
  loadBefore: number;
  page: LoadStats;
  floor: LoadStats;
  ratio: { rps: number; p50: number };
}

interface Report {
  startedAt: string;
  driver: BenchDriver;
  driverLabel: string;
  sections: Section[];
  database: string;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; os: string; database: string };
  loadAverageAtStart: number[];
  databaseInfo: DatabaseInfo;
  seed: SeedReport;
  server: { poolMax: number; floorPath: string; floorNote: string | null };
  searchMix: { distinct: number; kinds: Record<string, number>; paths: string[] };
  direct: { byKind: Record<string, { count: number; medianMs: number; maxMs: number; medianMatches: number }>; searches: DirectTiming[] } | null;
  plans: ExplainResult[];
  seconds: number;
  warmupSeconds: number;
  levels: Level[];
  /** Floor runs made for other sections when the search section did not measure that level. */
  extraFloors: LoadStats[];
  relationshipsPage: { fixture: RelationshipsFixture; htmlBytes: number; caption: string; levels: PageLevel[] } | null;
  invitation: {
    review: { connections: number; htmlBytes: number; level: PageLevel } | null;
    accept: {
      prepared: Omit<AcceptPrepared, "items"> & { invitations: number };
      warmup: { accepted: number; errors: number };
      loadBefore: number;
      poolMax: number;
      run: AcceptRun;
      check: AcceptCheck;
      /** CPU milliseconds to render the two emails of one acceptance, measured alone after the run. */
      emailRenderMs: number;
      /** Against the floor page at the same concurrency (HTTP requests through the whole server vs service calls). */
      floor: LoadStats;
      ratio: { rps: number; p50: number };
    } | null;
  } | null;
  bundle: (BundleReport & { limitGzip: number }) | null;
  /** Lines of the measured server's output (its last 20 KB) that mention an error or a warning. */
  serverProblems: string[];
  startup: StartupMeasurement[];
  targets: { name: string; pass: boolean; detail: string }[];
}

let server: RunningServer | null = null;
let closeDatabase: (() => Promise<void>) | null = null;
let afterRun: (() => Promise<void>) | null = null;

async function cleanup() {
  const running = server;
  server = null;
  if (running) await running.stop();
  const close = closeDatabase;
  closeDatabase = null;
  if (close) await close().catch(() => undefined);
  const after = afterRun;
  afterRun = null;
  if (after) await after().catch(() => undefined);
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
const pct = (n: number) => (Number.isFinite(n) ? `${(n * 100).toFixed(0)}%` : "–");
const times = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : "–");
const kB = (bytes: number) => (bytes / 1000).toFixed(1);
const pad = (text: string, width: number) => text.padStart(width);
const loadNow = () => Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
const stripComments = (html: string) => html.replace(/<!-- -->/g, "");

const TABLE_HEADER = `${"".padEnd(34)}${pad("p50 ms", 9)}${pad("p95 ms", 9)}${pad("p99 ms", 9)}${pad("req/s", 9)}${pad("2xx", 8)}${pad("non-2xx", 9)}${pad("errors", 8)}${pad("KB/resp", 9)}`;
function tableRow(name: string, s: LoadStats): string {
  return `${name.padEnd(34)}${pad(ms(s.latencyMs.p50), 9)}${pad(ms(s.latencyMs.p95), 9)}${pad(ms(s.latencyMs.p99), 9)}${pad(s.rps.toFixed(1), 9)}${pad(String(s.ok), 8)}${pad(String(s.non2xx), 9)}${pad(String(s.errors), 8)}${pad((s.bytesPerResponse / 1024).toFixed(1), 9)}`;
}
function ratioRow(name: string, ratio: { rps: number; p50: number }): string {
  return `${name.padEnd(34)}${pad(times(ratio.p50), 9)}${"".padEnd(18)}${pad(pct(ratio.rps), 9)}`;
}

function levelTable(level: Level): string {
  return [
    `${level.connections} connections, ${seconds} s each (load average before: ${level.loadBefore})`,
    TABLE_HEADER,
    tableRow("search /partners", level.search),
    tableRow(`floor ${level.floor.label}`, level.floor),
    ratioRow("search / floor", level.ratio),
  ].join("\n");
}

function pageTable(title: string, name: string, level: PageLevel): string {
  return [
    `${title}: ${level.connections} connections, ${seconds} s (load average before: ${level.loadBefore})`,
    TABLE_HEADER,
    tableRow(name, level.page),
    tableRow(`floor ${level.floor.label} (same run)`, level.floor),
    ratioRow("page / floor", level.ratio),
  ].join("\n");
}

function mdLoadRow(connections: number | string, name: string, s: LoadStats): string {
  return `| ${connections} | ${name} | ${ms(s.latencyMs.p50)} | ${ms(s.latencyMs.p95)} | ${ms(s.latencyMs.p99)} | ${s.rps.toFixed(1)} | ${s.errors + s.non2xx} | ${(s.bytesPerResponse / 1024).toFixed(1)} |`;
}
const MD_LOAD_HEADER = ["| Connections | Page | p50 ms | p95 ms | p99 ms | req/s | errors + non-2xx | KB/resp (gzip) |", "|---|---|---:|---:|---:|---:|---:|---:|"];

function markdown(report: Report): string {
  const lines: string[] = [];
  const m = report.machine;
  lines.push(`**Driver: ${report.driverLabel}.** Run ${report.startedAt}; ${report.seed.profiles.toLocaleString("en-US")} partner profiles; sections: ${report.sections.join(", ")}`);
  lines.push("");
  lines.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}; ${m.database}. Load average at start: ${report.loadAverageAtStart.join(", ")}`);
  lines.push("");
  if (report.levels.length > 0) {
    lines.push(`### Search \`/partners\` (${report.seconds} s per measurement, server pool ${report.server.poolMax})`);
    lines.push("");
    lines.push(`Load average before each level: ${report.levels.map((l) => `${l.connections} connections ${l.loadBefore}`).join(", ")}`);
    lines.push("");
    lines.push(...MD_LOAD_HEADER);
    for (const level of report.levels) {
      lines.push(mdLoadRow(level.connections, "search `/partners`", level.search));
      lines.push(mdLoadRow(level.connections, `floor \`${level.floor.label}\``, level.floor));
      lines.push(`| ${level.connections} | search / floor | ${times(level.ratio.p50)} | | | ${pct(level.ratio.rps)} | | |`);
    }
    lines.push("");
  }
  if (report.relationshipsPage) {
    const r = report.relationshipsPage;
    lines.push(`### Settings > Partner relationships, ${r.fixture.relationships} relationships`);
    lines.push("");
    lines.push(
      `"Bench Customer": ${r.fixture.relationships} relationships, ${r.fixture.typeRows} relationship_types rows, ${r.fixture.grantRows} role_grants rows (${r.fixture.activeGrants} in force); ` +
        `page checked before measuring: 200, caption "${r.caption}", ${(r.htmlBytes / 1024).toFixed(0)} KB of HTML uncompressed.`,
    );
    lines.push("");
    lines.push(...MD_LOAD_HEADER);
    for (const level of r.levels) {
      lines.push(mdLoadRow(`${level.connections} (load ${level.loadBefore})`, "`/admin/settings/partner-relationships`", level.page));
      lines.push(mdLoadRow(level.connections, `floor \`${level.floor.label}\``, level.floor));
      lines.push(`| ${level.connections} | page / floor | ${times(level.ratio.p50)} | | | ${pct(level.ratio.rps)} | | |`);
    }
    lines.push("");
  }
  if (report.invitation) {
    const { review, accept } = report.invitation;
    lines.push("### Invitation: review page and Accept & Authorize");
    lines.push("");
    if (review) {
      lines.push(...MD_LOAD_HEADER);
      lines.push(mdLoadRow(`${review.connections} (load ${review.level.loadBefore})`, "review `/admin/invitations/<token>`", review.level.page));
      lines.push(mdLoadRow(review.connections, `floor \`${review.level.floor.label}\``, review.level.floor));
      lines.push(`| ${review.connections} | page / floor | ${times(review.level.ratio.p50)} | | | ${pct(review.level.ratio.rps)} | | |`);
      lines.push("");
    }
    if (accept) {
      const run = accept.run;
      lines.push(
        `Accept & Authorize (\`acceptInvitation\`, in the bench process, pool ${accept.poolMax}, ${run.workers} workers, ${run.elapsedSeconds.toFixed(1)} s, load average before ${accept.loadBefore}; ` +
          `invitations: ${Object.entries(accept.prepared.mix).map(([k, v]) => `${v} ${k}`).join(", ")}):`,
      );
      lines.push("");
      lines.push("| Workers / connections | Operation | p50 ms | p95 ms | p99 ms | per s | errors |");
      lines.push("|---|---|---:|---:|---:|---:|---:|");
      lines.push(`| ${run.workers} | \`acceptInvitation\` | ${ms(run.latencyMs.p50)} | ${ms(run.latencyMs.p95)} | ${ms(run.latencyMs.p99)} | ${run.perSecond.toFixed(1)} | ${run.errors} |`);
      lines.push(`| ${accept.floor.connections} | floor \`${accept.floor.label}\` (HTTP) | ${ms(accept.floor.latencyMs.p50)} | ${ms(accept.floor.latencyMs.p95)} | ${ms(accept.floor.latencyMs.p99)} | ${accept.floor.rps.toFixed(1)} | ${accept.floor.errors + accept.floor.non2xx} |`);
      lines.push(`| | accept / floor | ${times(accept.ratio.p50)} | | | ${pct(accept.ratio.rps)} | |`);
      lines.push("");
      lines.push(
        `Checked afterwards: ${accept.check.acceptances} acceptances, ${accept.check.relationships} relationships, ${accept.check.roleGrants} role grants, ${accept.check.agreementAcceptances} agreement acceptances, ` +
          `${accept.check.answeredEmails} + ${accept.check.authorizedEmails} emails for ${run.accepted + accept.warmup.accepted} successful acceptances (${accept.warmup.accepted} in the warm-up); ` +
          `event loop of the bench process busy ${pct(run.eventLoopUtilization)} of the run; rendering the two emails of one acceptance takes ${ms(accept.emailRenderMs)} ms of CPU alone (inside the transaction). Sending the invitations (\`createInvitation\`, ${accept.prepared.create.concurrency} concurrent): ` +
          `${accept.prepared.create.perSecond.toFixed(1)}/s, p50 ${ms(accept.prepared.create.latencyMs.p50)} ms, p95 ${ms(accept.prepared.create.latencyMs.p95)} ms.`,
      );
      if (run.errors > 0) lines.push(`Errors: ${Object.entries(run.errorMessages).map(([k, v]) => `${v}× ${k}`).join("; ")}`);
      if (run.ranOut) lines.push(`Warning: the ${accept.prepared.invitations} invitations ran out before ${run.seconds} s (BENCH_ACCEPT_INVITATIONS).`);
      lines.push("");
    }
  }
  if (report.bundle) {
    lines.push("### Client JavaScript per route (production build, gzip level 6, 1 kB = 1,000 bytes)");
    lines.push("");
    lines.push("| Route | status | scripts | JS kB | JS gzip kB | only this route, gzip kB | HTML gzip kB |");
    lines.push("|---|---:|---:|---:|---:|---:|---:|");
    for (const r of report.bundle.routes) {
      lines.push(`| \`${r.route}\` | ${r.status} | ${r.scripts.length} | ${kB(r.jsBytes)} | ${kB(r.jsGzip)} | ${kB(r.ownGzip)} | ${kB(r.htmlGzip)} |`);
    }
    lines.push(`| shared by all of them | | ${report.bundle.shared.chunks} | ${kB(report.bundle.shared.bytes)} | ${kB(report.bundle.shared.gzip)} | | |`);
    lines.push("");
  }
  if (report.startup.length > 0) {
    lines.push(`### Startup of \`npm start\` (${report.driverLabel})`);
    lines.push("");
    lines.push("| Database | ready (spawn → `/status` 200) | RSS after first request | RSS after one `/partners` | first `/partners` | load before |");
    lines.push("|---|---:|---:|---:|---:|---:|");
    for (const s of report.startup) {
      lines.push(`| ${s.label} | ${(s.readyMs / 1000).toFixed(2)} s | ${s.rssAfterFirstRequestMiB} MiB | ${s.rssAfterSearchMiB} MiB | ${s.firstSearchStatus}, ${s.firstSearchMs.toFixed(0)} ms | ${s.loadBefore} |`);
    }
    lines.push("");
  }
  if (report.serverProblems.length > 0) {
    lines.push("Server output mentioning errors or warnings (first 20 lines):");
    lines.push("");
    for (const line of report.serverProblems) lines.push(`    ${line}`);
    lines.push("");
  }
  if (report.targets.length > 0) {
    for (const t of report.targets) lines.push(`- ${t.pass ? "PASS" : "FAIL"} ${t.name}: ${t.detail}`);
    lines.push("");
  }
  if (report.direct) {
    lines.push("| Search kind | searches | median matches | median ms (direct, 1 connection) | max ms |");
    lines.push("|---|---:|---:|---:|---:|");
    for (const [kind, k] of Object.entries(report.direct.byKind)) {
      lines.push(`| ${kind} | ${k.count} | ${k.medianMatches.toLocaleString("en-US")} | ${ms(k.medianMs)} | ${ms(k.maxMs)} |`);
    }
    lines.push("");
  }
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

function section(title: string) {
  console.log(`\n=== ${title} — ${DRIVER_LABEL[driver]} ===`);
}

async function main() {
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = os.loadavg().map((n) => Math.round(n * 100) / 100);
  section("Benchmark");
  log(`driver: ${DRIVER_LABEL[driver]}${driver === "postgres" ? ` at ${databaseUrl.replace(/:[^:@/]*@/, ":***@")}` : ` in ${path.relative(process.cwd(), pgliteDir)}`}`);
  log(`sections: ${[...sections].join(", ")}; load average ${loadAverageAtStart.join(", ")}`);
  const env = databaseEnv(driver, databaseUrl, pgliteDir);
  env.DATABASE_POOL_MAX = String(poolMax);
  const needsServer = sections.has("search") || sections.has("relationships") || sections.has("invitation") || sections.has("bundle");

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
  let direct: Report["direct"] = null;
  let plans: ExplainResult[] = [];
  if (sections.has("search")) {
    const distinct = SEARCHES.map((search) => ({ path: searchPath(search), search }));
    await directTimings(connection.db, distinct);
    const timings = await directTimings(connection.db, distinct);
    const byKind: NonNullable<Report["direct"]>["byKind"] = {};
    for (const kind of [...new Set(timings.map((d) => d.kind))]) {
      const of = timings.filter((d) => d.kind === kind);
      byKind[kind] = {
        count: of.length,
        medianMs: median(of.map((d) => d.ms)),
        maxMs: Math.max(...of.map((d) => d.ms)),
        medianMatches: median(of.map((d) => d.total)),
      };
    }
    direct = { byKind, searches: timings };
    log("database time per search kind (searchDirectory, one connection, warm cache):");
    for (const [kind, k] of Object.entries(byKind)) {
      log(`  ${kind.padEnd(11)} ${String(k.count).padStart(3)} searches, median ${ms(k.medianMs)} ms, max ${ms(k.maxMs)} ms, median ${k.medianMatches.toLocaleString("en-US")} matches`);
    }
    const slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 5);
    log(`  slowest: ${slowest.map((d) => `${d.path} ${ms(d.ms)} ms (${d.total.toLocaleString("en-US")} matches)`).join("; ")}`);

    plans = await explainSearches(
      connection.db,
      EXPLAIN_SEARCHES.map((e) => ({ ...e, path: searchPath(e.search) })),
    );
    log("query plans (EXPLAIN ANALYZE, BUFFERS):");
    for (const plan of plans) {
      log(`  ${plan.label} — ${plan.total.toLocaleString("en-US")} matches`);
      for (const s of plan.statements) log(`    ${s.statement}: ${planLine(s)}`);
    }
  }

  // 3. Bench data for the signed-in pages and the accept run, written before the server opens the database
  //    (PGlite allows one process per directory).
  let relationshipsFixture: RelationshipsFixture | null = null;
  let review: ReviewFixture | null = null;
  let acceptPrepared: AcceptPrepared | null = null;
  const cookies: { customerAdmin?: string; reviewAdmin?: string; partnerAgent?: string } = {};
  if (sections.has("relationships") || sections.has("bundle")) {
    relationshipsFixture = await preparePartnerRelationships(connection.db, relationshipCount);
    const counts = await relationshipCounts(connection.db, relationshipsFixture.organizationId);
    log(
      `"Bench Customer" (bench-customer.example): ${counts.relationships} relationships, ${counts.types} relationship_types rows, ${counts.grants} role_grants rows ` +
        `(written in ${relationshipsFixture.seconds.toFixed(1)} s)`,
    );
    cookies.customerAdmin = sessionCookie(await newSession(connection.db, relationshipsFixture.adminUserId));
  }
  if (sections.has("invitation") || sections.has("bundle")) {
    review = await prepareReviewInvitation(connection.db);
    log(`review invitation: a pending GDAP invitation from ${review.partnerName} (${review.agentEmail}) to Bench Review Customer`);
    cookies.reviewAdmin = sessionCookie(await newSession(connection.db, review.adminUserId));
    cookies.partnerAgent = sessionCookie(await newSession(connection.db, review.agentUserId));
  }
  if (sections.has("invitation")) {
    acceptPrepared = await prepareAcceptRun(connection.db, acceptInvitations, 8, log, review ? [review.partnerId] : []);
    const c = acceptPrepared.create;
    log(
      `  ${c.count} pending invitations sent in ${c.seconds.toFixed(1)} s (${c.perSecond.toFixed(1)}/s, p50 ${ms(c.latencyMs.p50)} ms, p95 ${ms(c.latencyMs.p95)} ms)` +
        `${c.refused ? `; ${c.refused} refused: ${JSON.stringify(c.refusals)}` : ""}`,
    );
    const prepared = acceptPrepared;
    // If the run breaks off, the invitations left pending are cancelled and the bench emails removed.
    afterRun = async () => {
      const again = await connect(env);
      try {
        await cleanupAcceptRun(again.db, prepared.partner.id, prepared.agentEmail);
      } finally {
        await again.close();
      }
    };
  }
  await connection.close();
  closeDatabase = null;

  let floorPath = process.env.BENCH_FLOOR_PATH ?? "/status";
  let floorNote: string | null = null;
  const results: Level[] = [];
  const extraFloors: LoadStats[] = [];
  let relationshipsPage: Report["relationshipsPage"] = null;
  let reviewResult: NonNullable<Report["invitation"]>["review"] = null;
  let bundle: Report["bundle"] = null;
  let serverProblems: string[] = [];
  const paths: string[] = searchPaths();

  /** The floor page at this many connections: the search section's run if it measured that level, else a new one. */
  const floorAt = async (origin: string, connections: number): Promise<LoadStats> => {
    const fromSearch = results.find((l) => l.connections === connections)?.floor;
    if (fromSearch) return fromSearch;
    const known = extraFloors.find((f) => f.connections === connections);
    if (known) return known;
    log(`${connections} connections: floor ${floorPath} for ${seconds} s…`);
    const floor = await runLoad({ origin, label: floorPath, paths: [floorPath], connections, seconds });
    extraFloors.push(floor);
    return floor;
  };

  if (needsServer) {
    // 4. Server.
    const builtRoutes = ensureBuild(
      ["/partners", "/status", "/admin/settings/partner-relationships", "/admin/invitations/[token]", "/partners/contact", "/signin", "/partner/invitations/new"],
      process.env.BENCH_BUILD === "1",
      log,
    );
    if (!builtRoutes.has("/partners")) throw new Error("the production build has no /partners page: there is nothing to benchmark yet");
    if (!process.env.BENCH_FLOOR_PATH && !builtRoutes.has("/status")) {
      floorPath = "/legal/customer-agreement";
      floorNote = "the build has no /status page: the floor page is /legal/customer-agreement";
      log(`warning: ${floorNote}`);
    }
    server = await startServer({ env, readyPath: floorPath, log });
    const origin = server.origin;

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

    // Long enough for the server's code to be optimized and its connection pool to fill, as on a server that has been up a while.
    const warmupConnections = levels[0] ?? 8;
    log(`warm-up: ${warmupSeconds} s search and ${warmupSeconds} s floor at ${warmupConnections} connections (not counted)`);
    await runLoad({ origin, label: "warm-up", paths, connections: warmupConnections, seconds: warmupSeconds });
    await runLoad({ origin, label: "warm-up", paths: [floorPath], connections: warmupConnections, seconds: warmupSeconds });

    // 5. Load: search and floor at each level.
    if (sections.has("search")) {
      section("Search /partners");
      for (const connections of levels) {
        const loadBefore = loadNow();
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
    }

    // 6. Settings > Partner relationships with 500 relationships, signed in as Bench Customer's Global administrator.
    if (sections.has("relationships") && relationshipsFixture && cookies.customerAdmin) {
      section(`Settings > Partner relationships (${relationshipsFixture.relationships} relationships)`);
      const pagePath = "/admin/settings/partner-relationships";
      const headers = { cookie: cookies.customerAdmin };
      const response = await fetch(origin + pagePath, { redirect: "manual", headers });
      const html = stripComments(await response.text());
      const caption = /(\d+) of (\d+) partners/.exec(html)?.[0] ?? "";
      if (response.status !== 200 || !/<table/.test(html) || caption !== `${relationshipsFixture.relationships} of ${relationshipsFixture.relationships} partners`) {
        throw new Error(`${pagePath} answered ${response.status} ${response.headers.get("location") ?? ""} without the table of ${relationshipsFixture.relationships} partners (caption "${caption}")`);
      }
      log(`${pagePath}: 200 with the table ("${caption}"), ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB of HTML`);
      await runLoad({ origin, label: "warm-up", paths: [pagePath], connections: 4, seconds: warmupSeconds, headers });
      const pageLevels: PageLevel[] = [];
      for (const connections of levels) {
        const loadBefore = loadNow();
        log(`${connections} connections: ${pagePath} for ${seconds} s…`);
        const page = await runLoad({ origin, label: pagePath, paths: [pagePath], connections, seconds, headers });
        const floor = await floorAt(origin, connections);
        const level: PageLevel = { connections, loadBefore, page, floor, ratio: { rps: page.rps / floor.rps, p50: page.latencyMs.p50 / floor.latencyMs.p50 } };
        pageLevels.push(level);
        console.log(`\n${pageTable("Partner relationships", pagePath, level)}\n`);
      }
      relationshipsPage = { fixture: relationshipsFixture, htmlBytes: Buffer.byteLength(html), caption, levels: pageLevels };
    }

    // 7. The invitation review page, signed in as the invited customer's Global administrator.
    if (sections.has("invitation") && review && cookies.reviewAdmin) {
      section("Invitation review page /admin/invitations/<token>");
      const pagePath = `/admin/invitations/${review.token}`;
      const headers = { cookie: cookies.reviewAdmin };
      const response = await fetch(origin + pagePath, { redirect: "manual", headers });
      const html = await response.text();
      if (response.status !== 200 || !/Accept &amp; Authorize/.test(html)) {
        throw new Error(`the review page answered ${response.status} ${response.headers.get("location") ?? ""} without the Accept & Authorize form`);
      }
      log(`review page: 200 with the Accept & Authorize form, ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB of HTML`);
      await runLoad({ origin, label: "warm-up", paths: [pagePath], connections: 4, seconds: warmupSeconds, headers });
      const loadBefore = loadNow();
      log(`${reviewConnections} connections: review page for ${seconds} s…`);
      const page = await runLoad({ origin, label: "/admin/invitations/<token>", paths: [pagePath], connections: reviewConnections, seconds, headers });
      const floor = await floorAt(origin, reviewConnections);
      const level: PageLevel = { connections: reviewConnections, loadBefore, page, floor, ratio: { rps: page.rps / floor.rps, p50: page.latencyMs.p50 / floor.latencyMs.p50 } };
      reviewResult = { connections: reviewConnections, htmlBytes: Buffer.byteLength(html), level };
      console.log(`\n${pageTable("Invitation review page", "/admin/invitations/<token>", level)}\n`);
    }

    // 8. Client JavaScript per route.
    if (sections.has("bundle")) {
      section("Client JavaScript per route");
      const targets: RouteTarget[] = [
        { route: "/", path: "/" },
        { route: "/partners", path: "/partners" },
        { route: "/partners/contact", path: "/partners/contact?sel=fabrikam-partners&sel=adatum-consulting" },
        { route: "/signin", path: "/signin" },
        ...(review ? [{ route: "/admin/invitations/[token]", path: `/admin/invitations/${review.token}`, cookie: cookies.reviewAdmin }] : []),
        ...(cookies.customerAdmin ? [{ route: "/admin/settings/partner-relationships", path: "/admin/settings/partner-relationships", cookie: cookies.customerAdmin }] : []),
        ...(cookies.partnerAgent ? [{ route: "/partner/invitations/new", path: "/partner/invitations/new", cookie: cookies.partnerAgent }] : []),
        { route: floorPath, path: floorPath },
      ];
      const measured = await measureBundles(origin, targets);
      bundle = { ...measured, limitGzip: TARGET_JS_GZIP };
      console.log(`${"route".padEnd(40)}${pad("status", 7)}${pad("scripts", 8)}${pad("JS kB", 9)}${pad("gzip kB", 9)}${pad("own gz", 8)}  title`);
      for (const r of measured.routes) {
        console.log(`${r.route.padEnd(40)}${pad(String(r.status), 7)}${pad(String(r.scripts.length), 8)}${pad(kB(r.jsBytes), 9)}${pad(kB(r.jsGzip), 9)}${pad(kB(r.ownGzip), 8)}  ${r.title}`);
      }
      console.log(`${"shared by all".padEnd(40)}${"".padEnd(7)}${pad(String(measured.shared.chunks), 8)}${pad(kB(measured.shared.bytes), 9)}${pad(kB(measured.shared.gzip), 9)}`);
      for (const r of measured.routes) if (r.status !== 200) log(`warning: ${r.route} answered ${r.status}: not measured`);
    }

    const running = server;
    server = null;
    await running.stop();
    const output = running.output();
    mkdirSync(path.resolve(".data", "bench"), { recursive: true });
    writeFileSync(path.resolve(".data", "bench", `server-${driver}.log`), output);
    serverProblems = output
      .split("\n")
      .filter((line) => /error|warn|fail|unhandled/i.test(line))
      .slice(0, 20);
    log(`server output kept in .data/bench/server-${driver}.log: ${serverProblems.length ? `${serverProblems.length} lines mention errors or warnings` : "no errors or warnings"}`);
  }

  // 9. Accept & Authorize on the service, the server stopped (PGlite: this process opens the database again).
  let acceptResult: NonNullable<Report["invitation"]>["accept"] = null;
  if (sections.has("invitation") && acceptPrepared) {
    section(`Accept & Authorize (acceptInvitation, ${acceptWorkers} workers)`);
    const acceptConnection = await connect({ ...env, DATABASE_POOL_MAX: String(poolMax) });
    closeDatabase = acceptConnection.close;
    const items = acceptPrepared.items;
    const checkSince = new Date(Date.now() - 1000);
    const warmupItems = items.slice(0, Math.min(100, Math.floor(items.length / 10)));
    const warm = await runAccepts(acceptConnection.db, warmupItems, { workers: 4, seconds: warmupSeconds });
    log(`warm-up: ${warm.accepted} acceptances at 4 workers (not counted), ${warm.errors} errors`);
    const loadBefore = loadNow();
    log(`${acceptWorkers} workers over ${items.length - warmupItems.length} distinct pending invitations for ${seconds} s (load average ${loadBefore})…`);
    const run = await runAccepts(acceptConnection.db, items.slice(warmupItems.length), { workers: acceptWorkers, seconds });
    const check = await checkAccepts(acceptConnection.db, acceptPrepared.partner.id, acceptPrepared.agentEmail, checkSince);
    await cleanupAcceptRun(acceptConnection.db, acceptPrepared.partner.id, acceptPrepared.agentEmail);
    afterRun = null;
    const renderMs = await emailRenderMs();
    await acceptConnection.close();
    closeDatabase = null;

    // The floor of the same run at the same concurrency; measured now only if no HTTP section measured it.
    let floor = results.find((l) => l.connections === acceptWorkers)?.floor ?? extraFloors.find((f) => f.connections === acceptWorkers);
    if (!floor) {
      server = await startServer({ env, readyPath: floorPath, log });
      await runLoad({ origin: server.origin, label: "warm-up", paths: [floorPath], connections: 4, seconds: warmupSeconds });
      floor = await floorAt(server.origin, acceptWorkers);
      const running = server;
      server = null;
      await running.stop();
    }
    acceptResult = {
      prepared: { partner: acceptPrepared.partner, agentEmail: acceptPrepared.agentEmail, mix: acceptPrepared.mix, create: acceptPrepared.create, invitations: items.length },
      warmup: { accepted: warm.accepted, errors: warm.errors },
      loadBefore,
      poolMax,
      run,
      check,
      emailRenderMs: renderMs,
      floor,
      ratio: { rps: run.perSecond / floor.rps, p50: run.latencyMs.p50 / floor.latencyMs.p50 },
    };
    console.log(
      `\nacceptInvitation, ${run.workers} workers, ${run.elapsedSeconds.toFixed(1)} s: p50 ${ms(run.latencyMs.p50)} ms, p95 ${ms(run.latencyMs.p95)} ms, p99 ${ms(run.latencyMs.p99)} ms; ` +
        `${run.accepted} accepted, ${run.perSecond.toFixed(1)}/s, ${run.errors} errors${run.ranOut ? " (ran out of invitations)" : ""}; event loop busy ${pct(run.eventLoopUtilization)}`,
    );
    console.log(`floor ${floor.label} at ${floor.connections} connections: p50 ${ms(floor.latencyMs.p50)} ms, ${floor.rps.toFixed(1)} req/s → accept / floor: p50 ${times(acceptResult.ratio.p50)}, throughput ${pct(acceptResult.ratio.rps)}`);
    console.log(`checked: ${JSON.stringify(check)}`);
    console.log(`rendering the two emails of one acceptance (HTML + text each), alone: ${ms(renderMs)} ms of CPU`);
    if (run.errors > 0) console.log(`errors: ${JSON.stringify(run.errorMessages, null, 2)}`);
    console.log("");
  }

  // 10. Startup of `npm start` and its memory.
  const startup: StartupMeasurement[] = [];
  if (sections.has("startup")) {
    section("Startup of npm start");
    if (driver === "pglite") {
      const fresh = path.resolve(".data", "bench", "pglite-startup");
      removeDirectory(fresh);
      const freshEnv = { ...databaseEnv("pglite", databaseUrl, fresh), DATABASE_POOL_MAX: String(poolMax) };
      try {
        startup.push(await measureStartup({ label: "fresh PGlite directory (first start: migrations + seed of 222 profiles)", env: freshEnv, floorPath, log }));
        startup.push(await measureStartup({ label: "existing PGlite directory (222 profiles), second start", env: freshEnv, floorPath, log }));
      } finally {
        removeDirectory(fresh);
      }
      startup.push(await measureStartup({ label: `existing PGlite directory (${seed.profiles.toLocaleString("en-US")} profiles, ${path.relative(process.cwd(), pgliteDir)})`, env, floorPath, log }));
    } else {
      const freshUrl = new URL(databaseUrl);
      freshUrl.pathname = `${freshUrl.pathname}_startup`;
      await recreatePostgresDatabase(freshUrl.toString());
      const freshEnv = { ...databaseEnv("postgres", freshUrl.toString(), pgliteDir), DATABASE_POOL_MAX: String(poolMax) };
      try {
        startup.push(await measureStartup({ label: "fresh Postgres database (first start: migrations; Postgres is not seeded at start)", env: freshEnv, floorPath, log }));
        startup.push(await measureStartup({ label: "existing Postgres database (migrated, empty), second start", env: freshEnv, floorPath, log }));
      } finally {
        await recreatePostgresDatabase(freshUrl.toString(), true);
      }
      startup.push(await measureStartup({ label: `existing Postgres bench database (${seed.profiles.toLocaleString("en-US")} profiles)`, env, floorPath, log }));
    }
  }
  await cleanup();

  // 11. Report.
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
      detail: `${high.search.rps.toFixed(1)} vs ${high.floor.rps.toFixed(1)} req/s = ${pct(high.ratio.rps)}`,
    });
  }
  if (bundle) {
    for (const route of ["/partners", "/admin/invitations/[token]"]) {
      const r = bundle.routes.find((x) => x.route === route);
      if (!r) continue;
      targets.push({
        name: `client JavaScript of ${route === "/partners" ? "the directory" : "the accept page"} (${route}) under ${TARGET_JS_GZIP / 1000} kB gzip`,
        pass: r.status === 200 && r.jsGzip < TARGET_JS_GZIP,
        detail: r.status === 200 ? `${kB(r.jsGzip)} kB gzip in ${r.scripts.length} scripts (${kB(r.jsBytes)} kB uncompressed; ${kB(bundle.shared.gzip)} kB of it shared by every route)` : `answered ${r.status}`,
      });
    }
  }

  const cpus = os.cpus();
  const report: Report = {
    startedAt,
    driver,
    driverLabel: DRIVER_LABEL[driver],
    sections: [...sections],
    database: driver === "postgres" ? databaseUrl.replace(/:[^:@/]*@/, ":***@") : path.relative(process.cwd(), pgliteDir),
    machine: {
      cpu: cpus[0]?.model.trim() ?? "unknown",
      cores: cpus.length,
      memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
      node: process.version,
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      database: driver === "pglite" ? `PGlite (${info.version.split(" on ")[0]})` : info.version.split(" on ")[0] ?? info.version,
    },
    loadAverageAtStart,
    databaseInfo: info,
    seed,
    server: { poolMax, floorPath, floorNote },
    searchMix: {
      distinct: paths.length,
      kinds: direct ? Object.fromEntries(Object.entries(direct.byKind).map(([k, v]) => [k, v.count])) : {},
      paths,
    },
    direct,
    plans,
    seconds,
    warmupSeconds,
    levels: results,
    extraFloors,
    relationshipsPage,
    invitation: reviewResult || acceptResult ? { review: reviewResult, accept: acceptResult } : null,
    bundle,
    serverProblems,
    startup,
    targets,
  };

  section("Summary");
  const m = report.machine;
  console.log(`Driver: ${DRIVER_LABEL[driver]}`);
  console.log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, Node ${m.node}, ${m.os}; load average at start ${loadAverageAtStart.join(", ")}`);
  console.log(`Database: ${info.version} (${Object.entries(info.settings).map(([k, v]) => `${k}=${v}`).join(", ")})`);
  console.log(`Data: ${seed.profiles.toLocaleString("en-US")} partner profiles${seed.seeded ? `, seeded in ${seed.seedSeconds?.toFixed(1)} s` : " (seeding skipped)"}; ${info.sizes.map((s) => `${s.relation} ${s.size}`).join(", ")}`);
  console.log(`Server pool: ${driver === "pglite" ? "n/a (embedded PGlite, one connection)" : `${poolMax} connections`}; floor page: ${floorPath}${floorNote ? ` (${floorNote})` : ""}`);
  for (const s of startup) {
    console.log(`Startup: ${s.label}: ready after ${(s.readyMs / 1000).toFixed(2)} s, RSS ${s.rssAfterFirstRequestMiB} MiB after the first request, ${s.rssAfterSearchMiB} MiB after /partners`);
  }
  console.log("");
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
