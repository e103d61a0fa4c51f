// `npm run bench`: seeds a separate database with 100,000 partner profiles, starts the production server and
// drives `/partners` searches and a trivial page of the same app (the framework floor) with autocannon; then
// every list page at 500 / 5,000 / 50,000 rows, the signed-in overhead, the memory of 50,000-row CSV exports,
// the invitation review page, Accept & Authorize on the service, failover, the client JavaScript of each route,
// the startup time and memory of `npm start`, the directory at 1,000,000 profiles, the embedded PGlite driver and
// Lighthouse. Every section prints its duration; the summary ends with a PASS/FAIL table of every target and the
// report is written to .data/bench/last*.{json,md} and docs/plans/bench-<driver>.{json,md}.
// See docs/benchmarks.md. Environment:
//   BENCH_DRIVER=postgres|pglite     postgres (default) uses BENCH_DATABASE_URL; pglite uses .data/bench/pglite
//   BENCH_SECTIONS                   comma list, run in this order whatever the order given:
//                                      search        /partners at 8 and 32 connections, EXPLAIN plans (docs/plans/search-100k.txt)
//                                      lists         list pages at 500 / 5,000 / 50,000 rows vs the floor (issue 16)
//                                      overhead      a trivial signed-in page and the invitation review page vs the floor
//                                      tokens        token introspection and issuance vs a trivial JSON route (issue 18)
//                                      relationships Partner relationships with BENCH_RELATIONSHIPS (500) of "Bench Customer"
//                                      invitation    the review page and Accept & Authorize
//                                      export        server RSS growth while 50,000-row CSV exports stream
//                                      failover      scripts/bench/failover.ts, when it exists
//                                      bundle        client JavaScript per route
//                                      startup       `npm start` on a fresh and on the bench database
//                                      directory1m   /partners on 1,000,000 profiles (BENCH_1M_DATABASE_URL), plans in docs/plans/search-1m.txt
//                                      pglite        this bench with BENCH_DRIVER=pglite (search, startup) in a child process
//                                      lighthouse    scripts/lighthouse.mjs, when it exists
//                                    (default on postgres: all but relationships, which lists supersedes; on pglite: search,startup)
//   BENCH_DATABASE_URL               default postgres://postgres@127.0.0.1:5432/partnerships_bench
//   BENCH_1M_DATABASE_URL            default postgres://postgres@127.0.0.1:5432/partnerships_bench_1m
//   BENCH_PARTNERS                   profiles to seed (default 100000)
//   BENCH_RESEED=1                   seed again even if the database already holds enough profiles
//   BENCH_RESEED_LISTS=1             write the list fixture again even if its fingerprint matches
//   BENCH_SEED_MODE=bulk|single|batched  bulk (default on Postgres: batches of 5,000 on two connections, partner_search
//                                    filled and indexed after the load), one seedDatabase transaction (default on
//                                    PGlite) or batches of 2,000
//   BENCH_LIST_SECONDS               seconds per list page measurement (default 10)
//   BENCH_LIST_PROBE_MS              a list page whose one request alone takes longer is not loaded (default 3000)
//   BENCH_LIST_PAGES                 comma list of list page keys (default: all of LIST_PAGES in scripts/bench/lists.ts)
//   BENCH_SIGNED_IN_PATH             the trivial signed-in page (default /home, as a user without an organization)
//   BENCH_FAILOVER_SECONDS           seconds of the failover load (default 30)
//   BENCH_EXPORT_TIMEOUT_SECONDS     an export not finished after this long fails its target (default 300)
//   BENCH_PGLITE_PARTNERS            profiles of the pglite section's child run (default 100000)
//   BENCH_SECONDS                    seconds per measurement (default 20; 10 on pglite)
//   BENCH_WARMUP_SECONDS             warm-up seconds per page at the first connection level, not counted (default 10)
//   BENCH_CONNECTIONS                connection levels of the search and relationships pages (default "8,32")
//   BENCH_FLOOR_PATH                 the floor page (default /status)
//   BENCH_BUILD=1                    run `next build` first even if a build exists
//   BENCH_RELATIONSHIPS              relationships of "Bench Customer" (default 500)
//   BENCH_REVIEW_CONNECTIONS         connections on the invitation review page (default 32)
//   BENCH_ACCEPT_WORKERS             concurrent acceptInvitation workers (default 32)
//   BENCH_ACCEPT_INVITATIONS         pending invitations created for the accept run (default 3000)
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import pg from "pg";
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
import { EXPORT_TARGET_GROWTH_MB, measureExport, type ExportMeasurement } from "./export";
import { runFailover, runLighthouse, runPgliteBench, type FailoverResult, type Target } from "./hooks";
import { LIST_PAGES, LIST_SIZES, prepareLists, type ListsFixture } from "./lists";
import { listsMarkdown, listTargets, measureLists, probe, settle, type ListsResult } from "./scaling";
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
import { BENCH_INTROSPECTION_SECRET, measureTokens, prepareTokens, type TokensResult } from "./tokens";
import { runLoad, type LoadStats } from "./load";
import { EXPLAIN_SEARCHES, SEARCHES, searchPath, searchPaths } from "./queries";
import { BENCH_AUTH_SECRET, ensureBuild, startServer, type RunningServer } from "./server";
import { measureStartup, removeDirectory, type StartupMeasurement } from "./startup";

// Invitation links are an HMAC under the server's secret: this process derives them with the same one.
process.env.AUTH_SECRET = BENCH_AUTH_SECRET;

const log = (line: string) => console.log(`[bench] ${line}`);

const SECTION_NAMES = [
  "search",
  "lists",
  "overhead",
  "relationships",
  "invitation",
  "export",
  "failover",
  "bundle",
  "startup",
  "directory1m",
  "pglite",
  "lighthouse",
  "tokens",
] as const;
const DEFAULT_POSTGRES_SECTIONS = SECTION_NAMES.filter((s) => s !== "relationships");
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
  (process.env.BENCH_SECTIONS ?? (driver === "pglite" ? "search,startup" : DEFAULT_POSTGRES_SECTIONS.join(",")))
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
const databaseUrl1m = process.env.BENCH_1M_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/partnerships_bench_1m";
const listSeconds = Number(process.env.BENCH_LIST_SECONDS ?? 10);
const listProbeMs = Number(process.env.BENCH_LIST_PROBE_MS ?? 3000);
const listPageKeys = process.env.BENCH_LIST_PAGES?.split(",").map((k) => k.trim()).filter(Boolean) ?? null;
/** The cheapest signed-in page: change it here (or with BENCH_SIGNED_IN_PATH) when a lighter one exists. */
const SIGNED_IN_PATH = process.env.BENCH_SIGNED_IN_PATH ?? "/home";
const failoverSeconds = Number(process.env.BENCH_FAILOVER_SECONDS ?? 30);
const exportTimeoutMs = Number(process.env.BENCH_EXPORT_TIMEOUT_SECONDS ?? 300) * 1000;
const TARGET_REVIEW_RATIO = 0.5;
const TARGET_PGLITE_RATIO = 0.5;
const TARGET_PGLITE_FRESH_START_MS = 3000;
const TARGET_1M_SEED_SECONDS = 600;
const sectionSeconds: Record<string, number> = {};
const sectionStarted: Record<string, number> = {};
const begin = (name: string) => {
  sectionStarted[name] = performance.now();
};
const end = (name: string) => {
  if (sectionStarted[name] === undefined) return;
  sectionSeconds[name] = (sectionSeconds[name] ?? 0) + (performance.now() - sectionStarted[name]!) / 1000;
  delete sectionStarted[name];
  log(`section ${name} took ${sectionSeconds[name]!.toFixed(0)} s`);
};
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
  /** The commit measured (and whether the working tree had changes), from git. */
  commit: string;
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
  listsFixture: Omit<ListsFixture, "owners" | "nobody"> | null;
  lists: ListsResult | null;
  tokens: TokensResult | null;
  overhead: {
    signedInPath: string;
    connections: number;
    floor: LoadStats;
    signedIn: LoadStats | null;
    review: LoadStats | null;
    /** Database transactions (xact_commit + xact_rollback of the bench database) per response, background included. */
    transactionsPerRequest: { floor: number; signedIn: number | null; review: number | null };
  } | null;
  exports: ExportMeasurement[];
  failover: { result: FailoverResult | null; note: string | null } | null;
  directory1m: {
    database: string;
    seed: SeedReport;
    levels: Level[];
    plansFile: string;
  } | null;
  pglite: { exitCode: number | null } | null;
  lighthouse: { summary: unknown; note: string | null } | null;
  sectionSeconds: Record<string, number>;
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
  lines.push(`**Driver: ${report.driverLabel}.** Run ${report.startedAt} at ${report.commit}; ${report.seed.profiles.toLocaleString("en-US")} partner profiles; sections: ${report.sections.join(", ")}`);
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
  if (report.lists) lines.push(...listsMarkdown(report.lists));
  if (report.overhead) {
    const o = report.overhead;
    lines.push(`### Signed-in overhead (${o.connections} connections)`);
    lines.push("");
    lines.push(...MD_LOAD_HEADER);
    lines.push(mdLoadRow(o.connections, `floor \`${o.floor.label}\``, o.floor));
    if (o.signedIn) lines.push(mdLoadRow(o.connections, `signed in \`${o.signedInPath}\` (${pct(o.signedIn.rps / o.floor.rps)})`, o.signedIn));
    if (o.review) lines.push(mdLoadRow(o.connections, `review \`/admin/invitations/<token>\` (${pct(o.review.rps / o.floor.rps)})`, o.review));
    lines.push("");
    const t = o.transactionsPerRequest;
    lines.push(
      `Database transactions per response (the bench database's xact_commit + xact_rollback over the run, background included): floor ${t.floor.toFixed(2)}` +
        `${t.signedIn !== null ? `, signed-in page ${t.signedIn.toFixed(2)}` : ""}${t.review !== null ? `, review page ${t.review.toFixed(2)}` : ""}.`,
    );
    lines.push("");
  }
  if (report.tokens) {
    const t = report.tokens;
    lines.push(`### Access tokens (${t.connections} connections)`);
    lines.push("");
    lines.push(...MD_LOAD_HEADER);
    lines.push(mdLoadRow(t.connections, "trivial JSON `GET /api/health` (mean of start and end)", t.health));
    lines.push(mdLoadRow(t.connections, `introspection \`POST /api/oauth/introspect\` (${pct(t.introspect.rps / t.health.rps)})`, t.introspect));
    lines.push(mdLoadRow(t.connections, `issuance \`POST /api/tokens\` (${pct(t.issue.rps / t.health.rps)})`, t.issue));
    lines.push("");
  }
  if (report.exports.length > 0) {
    lines.push("### CSV exports of 50,000 rows: server memory");
    lines.push("");
    lines.push("| Export | status | rows (expected) | MB | seconds | first byte ms | RSS before MiB | peak MiB | growth MB |");
    lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const e of report.exports) {
      lines.push(`| \`${e.path}\` | ${e.status} | ${e.rows.toLocaleString("en-US")} (${e.expectedRows.toLocaleString("en-US")}) | ${(e.bytes / 1e6).toFixed(1)} | ${e.seconds.toFixed(1)} | ${ms(e.firstByteMs)} | ${e.baselineMiB} | ${e.peakMiB} | ${e.growthMB} |`);
    }
    lines.push("");
  }
  if (report.failover) {
    lines.push("### Failover");
    lines.push("");
    lines.push(report.failover.result ? `\`${JSON.stringify(report.failover.result)}\`` : (report.failover.note ?? "not measured"));
    lines.push("");
  }
  if (report.directory1m) {
    const d = report.directory1m;
    lines.push(`### Directory at ${d.seed.profiles.toLocaleString("en-US")} profiles (${d.database})`);
    lines.push("");
    lines.push(d.seed.seeded ? `Seeded in ${d.seed.seedSeconds?.toFixed(0)} s (${d.seed.seedMode}): \`${JSON.stringify(d.seed.bulk ?? {})}\`.` : "Seeded earlier (kept).");
    lines.push(`Plans: \`${d.plansFile}\`.`);
    lines.push("");
    lines.push(...MD_LOAD_HEADER);
    for (const level of d.levels) {
      lines.push(mdLoadRow(`${level.connections} (load ${level.loadBefore})`, "search `/partners`", level.search));
      lines.push(mdLoadRow(level.connections, `floor \`${level.floor.label}\``, level.floor));
      lines.push(`| ${level.connections} | search / floor | ${times(level.ratio.p50)} | | | ${pct(level.ratio.rps)} | | |`);
    }
    lines.push("");
  }
  if (Object.keys(report.sectionSeconds).length > 0) {
    lines.push(`Section durations: ${Object.entries(report.sectionSeconds).map(([k, v]) => `${k} ${v.toFixed(0)} s`).join(", ")}.`);
    lines.push("");
  }
  if (report.targets.length > 0) {
    lines.push("| Target | Result | Measured |");
    lines.push("|---|---|---|");
    for (const t of report.targets) lines.push(`| ${t.name.replace(/\|/g, "\\|")} | ${t.pass ? "PASS" : "**FAIL**"} | ${t.detail.replace(/\|/g, "\\|")} |`);
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

function codeVersion(): string {
  const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" });
  if (head.status !== 0) return "unknown commit (no git)";
  const dirty = spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" });
  return `${head.stdout.trim()}${dirty.stdout.trim() ? " with uncommitted changes" : ""}`;
}

function profilesLabel(n: number): string {
  return n >= 1_000_000 ? `${Math.round(n / 100_000) / 10}m` : n >= 1000 ? `${Math.round(n / 1000)}k` : String(n);
}

/** The search targets at one directory size: p95 < 100 ms at 8 connections, ≥ 40% of the floor and no errors at 32. */
function searchTargets(levels: Level[], what: string): Target[] {
  const targets: Target[] = [];
  const low = levels.find((l) => l.connections === 8);
  const high = levels.find((l) => l.connections === 32);
  if (low) {
    targets.push({
      name: `search (${what}), 8 connections: p95 < ${TARGET_P95_MS} ms`,
      pass: low.search.latencyMs.p95 < TARGET_P95_MS,
      detail: `p95 ${ms(low.search.latencyMs.p95)} ms (load before ${low.loadBefore})`,
    });
  }
  if (high) {
    const failures = high.search.errors + high.search.non2xx + high.floor.errors + high.floor.non2xx;
    targets.push({
      name: `search (${what}), 32 connections: zero errors`,
      pass: failures === 0,
      detail: `search ${high.search.errors} errors, ${high.search.non2xx} non-2xx; floor ${high.floor.errors} errors, ${high.floor.non2xx} non-2xx`,
    });
    targets.push({
      name: `search (${what}), 32 connections: req/s ≥ ${TARGET_RPS_RATIO * 100}% of the floor page's`,
      pass: high.ratio.rps >= TARGET_RPS_RATIO,
      detail: `${high.search.rps.toFixed(1)} vs ${high.floor.rps.toFixed(1)} req/s = ${pct(high.ratio.rps)} (load before ${high.loadBefore})`,
    });
  }
  return targets;
}

/** EXPLAIN (ANALYZE, BUFFERS) of the representative searches, whole, in docs/plans/search-<size>.txt. */
function writePlans(profiles: number, plans: ExplainResult[], info: DatabaseInfo): string {
  const dir = path.resolve("docs", "plans");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `search-${profilesLabel(profiles)}.txt`);
  const lines = [
    `EXPLAIN (ANALYZE, BUFFERS) of the statements searchDirectory sends for representative searches, ${profiles.toLocaleString("en-US")} partner profiles.`,
    `Written by npm run bench (section search / directory1m) on ${new Date().toISOString()}, load average ${os.loadavg().map((n) => n.toFixed(2)).join(", ")}.`,
    `${info.version}; ${Object.entries(info.settings).map(([k, v]) => `${k}=${v}`).join(", ")}`,
    `Sizes: ${info.sizes.map((s) => `${s.relation} ${s.size}`).join(", ")}`,
    "Each statement ran once before (warm cache); the app runs these as named prepared statements, EXPLAIN shows their custom plans.",
    "",
  ];
  for (const plan of plans) {
    lines.push("=".repeat(100));
    lines.push(`${plan.label}: ${plan.path} — ${plan.total.toLocaleString("en-US")} matches`);
    for (const s of plan.statements) {
      lines.push("");
      lines.push(`--- ${s.statement}: ${planLine(s)}`);
      lines.push(s.plan);
    }
    lines.push("");
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
  return path.relative(process.cwd(), file);
}

/** Transactions the bench database has committed or rolled back so far (every statement outside a transaction is one). */
async function databaseTransactions(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>("select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()");
  return Number(rows[0]?.n ?? 0);
}

async function measureOverhead(
  origin: string,
  floorPath: string,
  signedInCookie: string,
  review: ReviewFixture | null,
  reviewCookie: string | null,
  env: NodeJS.ProcessEnv,
): Promise<NonNullable<Report["overhead"]>> {
  const connections = reviewConnections;
  const client = driver === "postgres" ? new pg.Client({ connectionString: env.DATABASE_URL }) : null;
  await client?.connect();
  // Backends report their counters at most once a second: wait before reading.
  const counted = async (run: () => Promise<LoadStats>) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const before = client ? await databaseTransactions(client) : 0;
    const stats = await run();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const after = client ? await databaseTransactions(client) : 0;
    return { stats, perRequest: client && stats.responses ? (after - before - 2) / stats.responses : Number.NaN };
  };
  try {
    const signedInProbe = await probe(origin, SIGNED_IN_PATH, { cookie: signedInCookie });
    log(`${SIGNED_IN_PATH} signed in: ${signedInProbe.status}${signedInProbe.location ? ` → ${signedInProbe.location}` : ""}, ${signedInProbe.bytes} bytes`);
    const reviewPath = review ? `/admin/invitations/${review.token}` : null;
    const headersReview = reviewCookie ? { cookie: reviewCookie } : undefined;
    await runLoad({ origin, label: "warm-up", paths: [floorPath], connections: 8, seconds: Math.min(warmupSeconds, 5) });
    if (signedInProbe.status === 200) await runLoad({ origin, label: "warm-up", paths: [SIGNED_IN_PATH], connections: 8, seconds: Math.min(warmupSeconds, 5), headers: { cookie: signedInCookie } });
    if (reviewPath && headersReview) await runLoad({ origin, label: "warm-up", paths: [reviewPath], connections: 8, seconds: Math.min(warmupSeconds, 5), headers: headersReview });
    const floor = await counted(() => runLoad({ origin, label: floorPath, paths: [floorPath], connections, seconds }));
    log(`floor ${floorPath}: ${floor.stats.rps.toFixed(1)} req/s, p50 ${ms(floor.stats.latencyMs.p50)} ms, ${floor.perRequest.toFixed(2)} transactions/request (load ${loadNow()})`);
    let signedIn: Awaited<ReturnType<typeof counted>> | null = null;
    if (signedInProbe.status === 200) {
      signedIn = await counted(() => runLoad({ origin, label: SIGNED_IN_PATH, paths: [SIGNED_IN_PATH], connections, seconds, headers: { cookie: signedInCookie } }));
      log(`${SIGNED_IN_PATH} signed in: ${signedIn.stats.rps.toFixed(1)} req/s (${pct(signedIn.stats.rps / floor.stats.rps)}), p50 ${ms(signedIn.stats.latencyMs.p50)} ms, ${signedIn.perRequest.toFixed(2)} transactions/request`);
    } else log(`warning: ${SIGNED_IN_PATH} answered ${signedInProbe.status}: the signed-in page is not measured (BENCH_SIGNED_IN_PATH)`);
    let reviewRun: Awaited<ReturnType<typeof counted>> | null = null;
    if (reviewPath && headersReview) {
      reviewRun = await counted(() => runLoad({ origin, label: "/admin/invitations/<token>", paths: [reviewPath], connections, seconds, headers: headersReview }));
      log(`review page: ${reviewRun.stats.rps.toFixed(1)} req/s (${pct(reviewRun.stats.rps / floor.stats.rps)}), p50 ${ms(reviewRun.stats.latencyMs.p50)} ms, ${reviewRun.perRequest.toFixed(2)} transactions/request`);
    }
    return {
      signedInPath: SIGNED_IN_PATH,
      connections,
      floor: floor.stats,
      signedIn: signedIn?.stats ?? null,
      review: reviewRun?.stats ?? null,
      transactionsPerRequest: { floor: floor.perRequest, signedIn: signedIn?.perRequest ?? null, review: reviewRun?.perRequest ?? null },
    };
  } finally {
    await client?.end();
  }
}

/** The directory at 1,000,000 profiles: its own database (seeded in bulk if needed), plans, its own server, searches at each level. */
async function measureMillion(floorPath: string): Promise<NonNullable<Report["directory1m"]>> {
  const count = 1_000_000;
  await ensurePostgresDatabase(databaseUrl1m, log);
  const env1m = { ...databaseEnv("postgres", databaseUrl1m, pgliteDir), DATABASE_POOL_MAX: String(poolMax) };
  const connection = await connect(env1m);
  let seed1m: SeedReport;
  let plansFile: string;
  try {
    seed1m = await prepareDatabase(connection.db, connection.driver, { partnerCount: count, reseed: process.env.BENCH_RESEED === "1", seedMode: "bulk", url: databaseUrl1m }, log);
    const info1m = await databaseInfo(connection.db);
    const plans1m = await explainSearches(connection.db, EXPLAIN_SEARCHES.map((e) => ({ ...e, path: searchPath(e.search) })));
    for (const plan of plans1m) {
      log(`  ${plan.label} — ${plan.total.toLocaleString("en-US")} matches`);
      for (const s of plan.statements) log(`    ${s.statement}: ${planLine(s)}`);
    }
    plansFile = writePlans(seed1m.profiles, plans1m, info1m);
    log(`plans written to ${plansFile}`);
  } finally {
    await connection.close();
  }
  server = await startServer({ env: env1m, readyPath: floorPath, log });
  const levels1m: Level[] = [];
  try {
    const origin = server.origin;
    const paths = searchPaths();
    for (const p of paths) await (await fetch(origin + p)).arrayBuffer();
    const warm = levels[0] ?? 8;
    await runLoad({ origin, label: "warm-up", paths, connections: warm, seconds: warmupSeconds });
    await runLoad({ origin, label: "warm-up", paths: [floorPath], connections: warm, seconds: warmupSeconds });
    for (const connections of levels) {
      const loadBefore = loadNow();
      const search = await runLoad({ origin, label: "/partners", paths, connections, seconds });
      const floor = await runLoad({ origin, label: floorPath, paths: [floorPath], connections, seconds });
      const level: Level = { connections, loadBefore, search, floor, ratio: { rps: search.rps / floor.rps, p50: search.latencyMs.p50 / floor.latencyMs.p50 } };
      levels1m.push(level);
      console.log(`\n${levelTable(level)}\n`);
    }
  } finally {
    const running = server;
    server = null;
    await running?.stop();
  }
  return { database: databaseUrl1m.replace(/:[^:@/]*@/, ":***@"), seed: seed1m, levels: levels1m, plansFile };
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
  const needsServer = ["search", "lists", "overhead", "relationships", "invitation", "export", "failover", "bundle", "tokens"].some((name) => sections.has(name as Section));
  const seedMode = process.env.BENCH_SEED_MODE === "batched" || process.env.BENCH_SEED_MODE === "single" || process.env.BENCH_SEED_MODE === "bulk"
    ? process.env.BENCH_SEED_MODE
    : driver === "postgres" ? "bulk" : "single";

  // 1. Database.
  if (driver === "postgres") await ensurePostgresDatabase(databaseUrl, log);
  else mkdirSync(path.dirname(pgliteDir), { recursive: true });
  const connection = await connect(env);
  closeDatabase = connection.close;
  const seed = await prepareDatabase(
    connection.db,
    connection.driver,
    { partnerCount, reseed: process.env.BENCH_RESEED === "1", seedMode, url: databaseUrl },
    log,
  );
  const info = await databaseInfo(connection.db);
  log(`${info.version}`);

  // 2. Database time of every search (second pass, warm cache) and the plans of the representative ones.
  let direct: Report["direct"] = null;
  let plans: ExplainResult[] = [];
  if (sections.has("search")) {
    begin("search");
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
    if (driver === "postgres" && process.env.BENCH_CHILD !== "1") {
      const file = writePlans(seed.profiles, plans, info);
      log(`plans written to ${file}`);
    }
    end("search");
  }

  // 2b. The list fixture (customers and partners with 500 / 5,000 / 50,000 relationships) and its sessions.
  let listsFixture: ListsFixture | null = null;
  const listCookies = new Map<string, string>();
  if (sections.has("lists") || sections.has("overhead") || sections.has("export")) {
    begin("lists fixture");
    listsFixture = await prepareLists(connection.db, { reseed: process.env.BENCH_RESEED_LISTS === "1" }, log);
    for (const owner of listsFixture.owners) listCookies.set(owner.userId, sessionCookie(await newSession(connection.db, owner.userId)));
    listCookies.set(listsFixture.nobody.userId, sessionCookie(await newSession(connection.db, listsFixture.nobody.userId)));
    log(`list fixture: ${Object.entries(listsFixture.counts).map(([k, v]) => `${k} ${v.toLocaleString("en-US")}`).join(", ")}`);
    end("lists fixture");
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
  if (sections.has("invitation") || sections.has("bundle") || sections.has("overhead")) {
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
  const tokensFixture = sections.has("tokens") ? await prepareTokens(connection.db) : null;
  if (tokensFixture) env.INTROSPECTION_SECRET = BENCH_INTROSPECTION_SECRET;
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
  let lists: ListsResult | null = null;
  let overhead: Report["overhead"] = null;
  let tokens: Report["tokens"] = null;
  const exportsMeasured: ExportMeasurement[] = [];
  const exportFailures: { path: string; message: string }[] = [];
  let failover: Report["failover"] = null;
  const failoverTargets: Target[] = [];

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
      begin("search");
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
      end("search");
    }

    // 6. Settings > Partner relationships with 500 relationships, signed in as Bench Customer's Global administrator.
    if (sections.has("relationships") && relationshipsFixture && cookies.customerAdmin) {
      begin("relationships");
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
      end("relationships");
    }

    // 7. The invitation review page, signed in as the invited customer's Global administrator.
    if (sections.has("invitation") && review && cookies.reviewAdmin) {
      begin("invitation");
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
      end("invitation");
    }

    // 7b. Every list page at 500 / 5,000 / 50,000 rows.
    if (sections.has("lists") && listsFixture) {
      begin("lists");
      section("List pages at 500 / 5,000 / 50,000 rows");
      const pages = listPageKeys ? LIST_PAGES.filter((p) => listPageKeys.includes(p.key)) : LIST_PAGES;
      lists = await measureLists({
        origin,
        floorPath,
        owners: listsFixture.owners,
        cookies: listCookies,
        levels: [...levels].sort((a, b) => b - a),
        seconds: listSeconds,
        warmupSeconds: Math.min(warmupSeconds, 3),
        probeLimitMs: listProbeMs,
        pages,
        sizes: LIST_SIZES,
        log,
      });
      console.log(`\n${listsMarkdown(lists).join("\n")}`);
      end("lists");
    }

    // 7c. Signed-in overhead: the floor, the cheapest signed-in page and the review page at 32 connections, one after the other.
    if (sections.has("overhead") && listsFixture) {
      begin("overhead");
      section(`Signed-in overhead: ${floorPath} vs ${SIGNED_IN_PATH} (signed in) vs the invitation review page`);
      overhead = await measureOverhead(origin, floorPath, listCookies.get(listsFixture.nobody.userId)!, review, cookies.reviewAdmin ?? null, env);
      end("overhead");
    }

    // 7c'. Access tokens: introspection and issuance against a trivial JSON route, at 32 connections.
    if (tokensFixture) {
      begin("tokens");
      section("Access tokens: POST /api/oauth/introspect and POST /api/tokens vs GET /api/health");
      tokens = await measureTokens(origin, tokensFixture, reviewConnections, seconds, log);
      end("tokens");
    }

    // 7d. CSV exports of 50,000 rows: the server's memory while they stream.
    if (sections.has("export") && listsFixture) {
      begin("export");
      section("CSV exports of 50,000 rows: server memory (VmRSS every 50 ms)");
      const running = server;
      for (const page of LIST_PAGES.filter((p) => p.exportPath)) {
        const large = listsFixture.owners.find((o) => o.side === page.side && o.size === 50_000)!;
        const small = listsFixture.owners.find((o) => o.side === page.side && o.size === 500)!;
        const expected = listsFixture.counts[`${page.side} 50000 ${page.key.endsWith("activity") ? "audit events" : "relationships"}`] ?? 0;
        // The route's code loaded and warmed by the small export first.
        let measured: ExportMeasurement;
        try {
          const warm = await measureExport({ origin, pgid: running.pid, path: page.exportPath!, cookie: listCookies.get(small.userId)!, owner: small.email, expectedRows: 0 });
          log(`${page.exportPath} (500): ${warm.status}, ${warm.rows} rows, ${(warm.bytes / 1024).toFixed(0)} KB in ${warm.seconds.toFixed(1)} s (warm-up)`);
          measured = await measureExport({ origin, pgid: running.pid, path: page.exportPath!, cookie: listCookies.get(large.userId)!, owner: large.email, expectedRows: expected, timeoutMs: exportTimeoutMs });
        } catch (error) {
          // An export that does not finish in time (or breaks off) is a failed target, not the end of the run.
          const message = error instanceof Error ? error.message : String(error);
          log(`${page.exportPath} (50,000): failed: ${message}`);
          exportFailures.push({ path: page.exportPath!, message });
          await settle(origin, floorPath, log);
          continue;
        }
        exportsMeasured.push(measured);
        log(
          `${page.exportPath} (50,000): ${measured.status} ${measured.contentType ?? ""}, ${measured.rows.toLocaleString("en-US")} rows (expected ${expected.toLocaleString("en-US")}), ` +
            `${(measured.bytes / 1e6).toFixed(1)} MB in ${measured.seconds.toFixed(1)} s (first byte after ${ms(measured.firstByteMs)} ms); ` +
            `RSS ${measured.baselineMiB} → peak ${measured.peakMiB} MiB: growth ${measured.growthMB} MB over ${measured.samples} samples`,
        );
        await settle(origin, floorPath, log);
      }
      end("export");
    }

    // 7e. Failover: the app's Postgres connections terminated during a search load (scripts/bench/failover.ts).
    if (sections.has("failover")) {
      begin("failover");
      section("Failover: searches while the app's Postgres connections are terminated");
      if (driver !== "postgres") log("failover needs Postgres: skipped");
      else {
        const outcome = await runFailover({ origin, databaseUrl, paths, floorPath, connections: 16, seconds: failoverSeconds, serverPid: server.pid, log });
        failover = { result: outcome.result, note: outcome.note };
        failoverTargets.push(...outcome.targets);
        if (outcome.result) log(`failover: ${JSON.stringify(outcome.result)}`);
      }
      end("failover");
    }

    // 8. Client JavaScript per route.
    if (sections.has("bundle")) {
      begin("bundle");
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
      end("bundle");
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
    begin("invitation");
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
    end("invitation");
  }

  // 10. Startup of `npm start` and its memory.
  const startup: StartupMeasurement[] = [];
  if (sections.has("startup")) {
    begin("startup");
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
    end("startup");
  }
  await cleanup();

  // 10b. The directory at 1,000,000 profiles, in a database of its own (seeded in bulk once, kept).
  let directory1m: Report["directory1m"] = null;
  if (sections.has("directory1m") && driver === "postgres") {
    begin("directory1m");
    section("Directory at 1,000,000 profiles");
    directory1m = await measureMillion(floorPath);
    end("directory1m");
  }

  // 10c. PGlite (search, startup) in a child process.
  let pglite: Report["pglite"] = null;
  const childTargets: Target[] = [];
  if (sections.has("pglite") && driver === "postgres") {
    begin("pglite");
    section("Embedded PGlite (child process)");
    const outcome = await runPgliteBench({ env: process.env, log });
    pglite = { exitCode: outcome.exitCode };
    childTargets.push(...outcome.targets);
    end("pglite");
  }

  // 10d. Lighthouse (scripts/lighthouse.mjs).
  let lighthouse: Report["lighthouse"] = null;
  if (sections.has("lighthouse")) {
    begin("lighthouse");
    section("Lighthouse");
    const outcome = await runLighthouse({ env: process.env, log });
    lighthouse = { summary: outcome.summary, note: outcome.note };
    childTargets.push(...outcome.targets);
    end("lighthouse");
  }

  // 11. Report.
  const targets: Report["targets"] = [];
  if (driver === "postgres") targets.push(...searchTargets(results, `${profilesLabel(seed.profiles)} profiles`));
  else {
    // PGlite: search ≥ 50% of its floor at each level measured; a fresh start under 3 s.
    for (const level of results) {
      targets.push({
        name: `PGlite: search ≥ ${TARGET_PGLITE_RATIO * 100}% of its floor at ${level.connections} connections`,
        pass: level.ratio.rps >= TARGET_PGLITE_RATIO && level.search.errors + level.search.non2xx === 0,
        detail: `${level.search.rps.toFixed(1)} vs ${level.floor.rps.toFixed(1)} req/s = ${pct(level.ratio.rps)}, p95 ${ms(level.search.latencyMs.p95)} ms, ${level.search.errors + level.search.non2xx} errors`,
      });
    }
  }
  const fresh = startup.find((s) => /^fresh/.test(s.label));
  if (fresh && driver === "pglite") {
    targets.push({
      name: `PGlite: fresh start < ${TARGET_PGLITE_FRESH_START_MS / 1000} s`,
      pass: fresh.readyMs < TARGET_PGLITE_FRESH_START_MS,
      detail: `${(fresh.readyMs / 1000).toFixed(2)} s (${fresh.label}), load before ${fresh.loadBefore}`,
    });
  }
  if (lists) targets.push(...listTargets(lists));
  if (overhead) {
    const review = overhead.review;
    targets.push({
      name: `invitation review page ≥ ${TARGET_REVIEW_RATIO * 100}% of the floor at ${overhead.connections} connections`,
      pass: Boolean(review && review.rps / overhead.floor.rps >= TARGET_REVIEW_RATIO && review.errors + review.non2xx === 0),
      detail: review ? `${review.rps.toFixed(1)} vs ${overhead.floor.rps.toFixed(1)} req/s = ${pct(review.rps / overhead.floor.rps)}, p50 ${ms(review.latencyMs.p50)} ms` : "not measured",
    });
    const t = overhead.transactionsPerRequest;
    if (overhead.signedIn && t.signedIn !== null) {
      targets.push({
        name: `signed-in overhead: ${overhead.signedInPath} costs at most one query more than the floor`,
        pass: t.signedIn - t.floor <= 1.05,
        detail: `${(t.signedIn - t.floor).toFixed(2)} database transactions per request more than ${floorPath} (${t.signedIn.toFixed(2)} vs ${t.floor.toFixed(2)}); ` +
          `${overhead.signedIn.rps.toFixed(1)} req/s = ${pct(overhead.signedIn.rps / overhead.floor.rps)} of the floor, p50 ${ms(overhead.signedIn.latencyMs.p50)} ms`,
      });
    }
  }
  if (tokens) {
    const { health, introspect, issue } = tokens;
    targets.push({
      name: `introspection: p95 < 20 ms and ≥ 60% of a trivial JSON route at ${tokens.connections} connections`,
      pass: introspect.latencyMs.p95 < 20 && introspect.rps / health.rps >= 0.6 && introspect.errors + introspect.non2xx === 0,
      detail: `p95 ${introspect.latencyMs.p95.toFixed(1)} ms; ${introspect.rps.toFixed(1)} vs ${health.rps.toFixed(1)} req/s = ${pct(introspect.rps / health.rps)}`,
    });
    targets.push({
      name: `token issuance ≥ 40% of a trivial JSON route at ${tokens.connections} connections`,
      pass: issue.rps / health.rps >= 0.4 && issue.errors + issue.non2xx === 0,
      detail: `${issue.rps.toFixed(1)} vs ${health.rps.toFixed(1)} req/s = ${pct(issue.rps / health.rps)}, p95 ${issue.latencyMs.p95.toFixed(1)} ms`,
    });
  }
  for (const e of exportsMeasured) {
    targets.push({
      name: `CSV export ${e.path} of ${e.expectedRows.toLocaleString("en-US")} rows: server RSS growth < ${EXPORT_TARGET_GROWTH_MB} MB, every row`,
      pass: e.status === 200 && e.growthMB < EXPORT_TARGET_GROWTH_MB && e.rows === e.expectedRows,
      detail: `${e.status}, ${e.rows.toLocaleString("en-US")} rows, ${(e.bytes / 1e6).toFixed(1)} MB in ${e.seconds.toFixed(1)} s; RSS ${e.baselineMiB} → ${e.peakMiB} MiB (growth ${e.growthMB} MB)`,
    });
  }
  for (const f of exportFailures) {
    targets.push({ name: `CSV export ${f.path} of 50,000 rows: server RSS growth < ${EXPORT_TARGET_GROWTH_MB} MB, every row`, pass: false, detail: `did not finish: ${f.message}` });
  }
  targets.push(...failoverTargets);
  if (directory1m) {
    targets.push(...searchTargets(directory1m.levels, "1,000,000 profiles"));
    if (directory1m.seed.seeded) {
      targets.push({
        name: `1,000,000 profiles seeded in under ${TARGET_1M_SEED_SECONDS / 60} minutes`,
        pass: (directory1m.seed.seedSeconds ?? Infinity) < TARGET_1M_SEED_SECONDS,
        detail: `${directory1m.seed.seedSeconds?.toFixed(0)} s (${directory1m.seed.seedMode}); ${JSON.stringify(directory1m.seed.bulk ?? {})}`,
      });
    }
  }
  targets.push(...childTargets);
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
    commit: codeVersion(),
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
    listsFixture: listsFixture ? (({ owners: _owners, nobody: _nobody, ...rest }) => rest)(listsFixture) : null,
    lists,
    overhead,
    tokens,
    exports: exportsMeasured,
    failover,
    directory1m,
    pglite,
    lighthouse,
    sectionSeconds,
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
  console.log(`Sections: ${Object.entries(sectionSeconds).map(([k, v]) => `${k} ${v.toFixed(0)} s`).join(", ")}; total ${(performance.now() / 1000).toFixed(0)} s`);
  console.log("");
  for (const t of targets) console.log(`${t.pass ? "PASS" : "FAIL"}  ${t.name} — ${t.detail}`);
  console.log("");
  console.log(`${targets.filter((t) => t.pass).length} PASS, ${targets.filter((t) => !t.pass).length} FAIL of ${targets.length} targets (load average now ${os.loadavg().map((n) => n.toFixed(2)).join(", ")})`);

  const dir = path.resolve(".data", "bench");
  mkdirSync(dir, { recursive: true });
  for (const name of ["last", `last-${driver}`]) {
    writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(path.join(dir, `${name}.md`), markdown(report));
  }
  log(`report written to .data/bench/last.json and .data/bench/last.md (also last-${driver}.json/.md)`);
  const docs = path.resolve("docs", "plans");
  mkdirSync(docs, { recursive: true });
  writeFileSync(path.join(docs, `bench-${driver}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(docs, `bench-${driver}.md`), markdown(report));
  log(`and to docs/plans/bench-${driver}.json and docs/plans/bench-${driver}.md (the markdown is ready to paste)`);
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
