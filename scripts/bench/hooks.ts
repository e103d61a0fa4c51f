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

/** The environment variable the Lighthouse script writes its summary to: the first process.env name it reads that says so. */
function summaryEnvName(script: string): string {
  const names = [...script.matchAll(/process\.env\.([A-Z0-9_]+)|process\.env\[["']([A-Z0-9_]+)["']\]/g)].map((m) => m[1] ?? m[2] ?? "");
  return names.find((n) => /SUMMARY/.test(n)) ?? names.find((n) => /(JSON|OUT|REPORT|RESULT)/.test(n)) ?? "LIGHTHOUSE_SUMMARY";
}

interface LighthouseSummaryPage {
  pass?: boolean;
  [key: string]: unknown;
}

/** PASS/FAIL lines from the summary: its own verdicts (a top-level `pass`, or per page / per target). */
function lighthouseTargets(summary: unknown): Target[] {
  const targets: Target[] = [];
  if (!summary || typeof summary !== "object") return targets;
  const s = summary as Record<string, unknown>;
  const lists = [s.targets, s.pages, s.results].find((v) => Array.isArray(v)) as LighthouseSummaryPage[] | undefined;
  if (lists) {
    for (const item of lists) {
      if (typeof item.pass !== "boolean") continue;
      const name = String(item.name ?? item.page ?? item.url ?? item.path ?? "page");
      const detail = Object.entries(item)
        .filter(([k, v]) => !["pass", "name", "page", "url", "path"].includes(k) && (typeof v === "number" || typeof v === "string"))
        .map(([k, v]) => `${k} ${typeof v === "number" ? Math.round(v * 100) / 100 : v}`)
        .join(", ");
      targets.push({ name: `lighthouse: ${name}`, pass: item.pass, detail });
    }
  }
  if (targets.length === 0 && typeof s.pass === "boolean") targets.push({ name: "lighthouse: every page meets its targets", pass: s.pass, detail: JSON.stringify(summary).slice(0, 300) });
  return targets;
}

export async function runLighthouse(options: { env: NodeJS.ProcessEnv; log: (line: string) => void }): Promise<{ targets: Target[]; summary: unknown; note: string | null }> {
  if (!existsSync(LIGHTHOUSE_SCRIPT)) {
    const note = "scripts/lighthouse.mjs is not there yet: Lighthouse not measured";
    options.log(note);
    return { targets: [], summary: null, note };
  }
  const envName = summaryEnvName(readFileSync(LIGHTHOUSE_SCRIPT, "utf8"));
  const dir = path.resolve(".data", "bench");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "lighthouse-summary.json");
  rmSync(file, { force: true });
  options.log(`node scripts/lighthouse.mjs (summary in ${path.relative(process.cwd(), file)} through ${envName})…`);
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [LIGHTHOUSE_SCRIPT], { env: { ...options.env, [envName]: file }, stdio: ["ignore", "pipe", "pipe"] });
    const keep = (chunk: Buffer) => {
      const text = chunk.toString();
      output.push(text);
      for (const line of text.split("\n")) if (line.trim()) console.log(`  [lighthouse] ${line}`);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("exit", (c) => resolve(c));
  });
  let summary: unknown = null;
  try {
    summary = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    // no summary written
  }
  let targets = lighthouseTargets(summary);
  if (targets.length === 0) {
    // No verdicts in the summary: the PASS/FAIL lines the script printed.
    targets = output
      .join("")
      .split("\n")
      .map((line) => /^\s*(?:\[[^\]]*\]\s*)?(PASS|FAIL)\b[\s:—-]*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ name: `lighthouse: ${m[2]!.trim()}`, pass: m[1] === "PASS", detail: "" }));
  }
  if (targets.length === 0) targets.push({ name: "lighthouse: the script reported its targets", pass: false, detail: `exit ${code}; no summary at ${file} and no PASS/FAIL lines` });
  else if (code !== 0 && targets.every((t) => t.pass)) targets.push({ name: "lighthouse: the script ended cleanly", pass: false, detail: `exit ${code}` });
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
