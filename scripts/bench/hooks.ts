// Sections that run modules of their own: `failover` (scripts/bench/failover.ts: a search load while the app's
// Postgres connections are terminated), `lighthouse` (scripts/lighthouse.mjs: Lighthouse on five pages, with a
// JSON summary) and `pglite` (this bench again with BENCH_DRIVER=pglite, in a child process). Each is skipped,
// and says so, when its module is not there.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface Target {
  name: string;
  pass: boolean;
  detail: string;
}

export const FAILOVER_MODULE = path.resolve("scripts", "bench", "failover.ts");
export const LIGHTHOUSE_SCRIPT = path.resolve("scripts", "lighthouse.mjs");

export interface FailoverResult {
  requests: number;
  errors: number;
  non2xx: number;
  terminatedBackends: number;
  [key: string]: unknown;
}

type FailoverFunction = (options: Record<string, unknown>) => Promise<FailoverResult>;

/** The failover module's function: its default export, else the exported function named like "failover", else its only function. */
function failoverFunction(module: Record<string, unknown>): FailoverFunction | null {
  if (typeof module.default === "function") return module.default as FailoverFunction;
  const functions = Object.entries(module).filter(([, v]) => typeof v === "function") as [string, FailoverFunction][];
  const named = functions.find(([name]) => /failover/i.test(name));
  if (named) return named[1];
  return functions.length === 1 ? functions[0]![1] : null;
}

export async function runFailover(options: {
  origin: string;
  databaseUrl: string;
  paths: string[];
  floorPath: string;
  connections: number;
  seconds: number;
  serverPid: number;
  log: (line: string) => void;
}): Promise<{ result: FailoverResult | null; targets: Target[]; note: string | null }> {
  if (!existsSync(FAILOVER_MODULE)) {
    const note = "scripts/bench/failover.ts is not there yet: failover not measured";
    options.log(note);
    return { result: null, targets: [], note };
  }
  const failoverModule = (await import(pathToFileURL(FAILOVER_MODULE).href)) as Record<string, unknown>;
  const fn = failoverFunction(failoverModule);
  if (!fn) {
    const note = `scripts/bench/failover.ts exports no function the bench can call (exports: ${Object.keys(failoverModule).join(", ")})`;
    options.log(note);
    return { result: null, targets: [{ name: "failover: zero errors while the app's connections are terminated three times", pass: false, detail: note }], note };
  }
  // Every name the module might read its settings by; it takes what it needs.
  const result = await fn({
    origin: options.origin,
    baseUrl: options.origin,
    url: options.origin,
    databaseUrl: options.databaseUrl,
    paths: options.paths,
    floorPath: options.floorPath,
    connections: options.connections,
    seconds: options.seconds,
    serverPid: options.serverPid,
    log: options.log,
  });
  const failures = (result.errors ?? 0) + (result.non2xx ?? 0);
  return {
    result,
    note: null,
    targets: [
      {
        name: `failover: zero errors while the app's connections are terminated (${options.connections} connections of searches)`,
        pass: failures === 0 && (result.terminatedBackends ?? 0) > 0,
        detail: `${result.requests} requests, ${result.errors} errors, ${result.non2xx} non-2xx, ${result.terminatedBackends} backends terminated`,
      },
    ],
  };
}

interface LighthousePage {
  key: string;
  label: string;
  path?: string;
  skipped?: string | boolean;
  median?: Record<string, number | null>;
  checks?: Record<string, "PASS" | "FAIL">;
}

/** PASS/FAIL per page from the script's summary (its `pages[].checks`, one verdict per target of issue 16). */
function lighthouseTargets(summary: unknown): Target[] {
  if (!summary || typeof summary !== "object") return [];
  const pages = (summary as { pages?: LighthousePage[] }).pages;
  if (!Array.isArray(pages)) return [];
  return pages.map((p) => {
    if (p.skipped || !p.checks) return { name: `lighthouse: ${p.label}`, pass: false, detail: `skipped${typeof p.skipped === "string" ? `: ${p.skipped}` : ""}` };
    const m = p.median ?? {};
    const failed = Object.entries(p.checks).filter(([, v]) => v !== "PASS").map(([k]) => k);
    const n = (v: number | null | undefined, digits = 0) => (typeof v === "number" ? v.toFixed(digits) : "–");
    return {
      name: `lighthouse: ${p.label} (${p.path ?? p.key}): performance ≥ 90, LCP < 2.5 s, TBT < 200 ms, CLS < 0.1, accessibility / best practices / SEO 100`,
      pass: failed.length === 0,
      detail:
        `performance ${n(m.performance)}, LCP ${n(typeof m.lcpMs === "number" ? m.lcpMs / 1000 : null, 2)} s, TBT ${n(m.tbtMs)} ms, CLS ${n(m.cls, 3)}, ` +
        `accessibility ${n(m.accessibility)}, best practices ${n(m.bestPractices)}, SEO ${n(m.seo)}${failed.length ? `; failed: ${failed.join(", ")}` : ""}`,
    };
  });
}

/**
 * scripts/lighthouse.mjs on the bench's build (NEXT_DIST_DIR), on its own server and fresh embedded database, port
 * BENCH_LIGHTHOUSE_PORT (default 3205); its summary through LIGHTHOUSE_JSON (the script's convention).
 */
export async function runLighthouse(options: { env: NodeJS.ProcessEnv; log: (line: string) => void }): Promise<{ targets: Target[]; summary: unknown; note: string | null }> {
  if (!existsSync(LIGHTHOUSE_SCRIPT)) {
    const note = "scripts/lighthouse.mjs is not there yet: Lighthouse not measured";
    options.log(note);
    return { targets: [], summary: null, note };
  }
  const dir = path.resolve(".data", "bench");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "lighthouse-summary.json");
  rmSync(file, { force: true });
  const env: NodeJS.ProcessEnv = { ...options.env, LIGHTHOUSE_JSON: file, LIGHTHOUSE_PORT: options.env.BENCH_LIGHTHOUSE_PORT ?? options.env.LIGHTHOUSE_PORT ?? "3205" };
  delete env.DATABASE_URL; // the script's own server runs on a fresh embedded database unless LIGHTHOUSE_BASE_URL is set
  options.log(`node scripts/lighthouse.mjs (port ${env.LIGHTHOUSE_PORT}, build ${env.NEXT_DIST_DIR ?? ".next"}, summary in ${path.relative(process.cwd(), file)})…`);
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [LIGHTHOUSE_SCRIPT], { env, stdio: ["ignore", "pipe", "pipe"] });
    const relay = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) if (line.trim()) console.log(`  [lighthouse] ${line}`);
    };
    child.stdout.on("data", relay);
    child.stderr.on("data", relay);
    child.on("exit", (c) => resolve(c));
  });
  let summary: unknown = null;
  try {
    summary = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    // no summary written
  }
  const targets = lighthouseTargets(summary);
  if (targets.length === 0) targets.push({ name: "lighthouse: the five pages measured", pass: false, detail: `exit ${code} (2: the measurement failed); no summary at ${path.relative(process.cwd(), file)}` });
  return { targets, summary, note: null };
}

/** This bench on PGlite (search and startup) in a child process; its targets come back through its JSON report. */
export async function runPgliteBench(options: { env: NodeJS.ProcessEnv; log: (line: string) => void }): Promise<{ targets: Target[]; report: unknown; exitCode: number | null }> {
  const reportFile = path.resolve(".data", "bench", "last-pglite.json");
  rmSync(reportFile, { force: true });
  const tsx = path.resolve("node_modules", "tsx", "dist", "cli.mjs");
  options.log("BENCH_DRIVER=pglite BENCH_SECTIONS=search,startup in a child process…");
  const exitCode = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [tsx, "--import", "./node-server.mjs", "scripts/bench/run.ts"], {
      // The directory size of the PGlite run is its own (BENCH_PGLITE_PARTNERS, default 100,000), whatever the parent's.
      env: { ...options.env, BENCH_DRIVER: "pglite", BENCH_SECTIONS: "search,startup", BENCH_CHILD: "1", BENCH_PARTNERS: options.env.BENCH_PGLITE_PARTNERS ?? "100000" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const relay = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) if (line.trim()) console.log(`  [pglite] ${line}`);
    };
    child.stdout.on("data", relay);
    child.stderr.on("data", relay);
    child.on("exit", (c) => resolve(c));
  });
  let report: { targets?: Target[] } | null = null;
  try {
    report = JSON.parse(readFileSync(reportFile, "utf8")) as { targets?: Target[] };
  } catch {
    // the child failed before its report
  }
  const targets = (report?.targets ?? []).map((t) => ({ ...t, name: t.name.startsWith("PGlite") ? t.name : `PGlite: ${t.name}` }));
  if (!report) targets.push({ name: "PGlite: the PGlite run finished", pass: false, detail: `exit ${exitCode}, no report` });
  return { targets, report, exitCode };
}
