// The `lists` section: every list page at 500, 5,000 and 50,000 rows, signed in as the owner of that size, at
// 32 and 8 connections, beside the floor page measured at the start and the end of the section (the ratio uses
// their mean, so a machine that got busier during the section does not favour the pages measured first).
import os from "node:os";
import { performance } from "node:perf_hooks";
import { runLoad, type LoadStats } from "./load";
import { LIST_PAGES, LIST_SIZES, type ListOwner, type ListPage, type ListSize } from "./lists";

export const LIST_TARGET_RPS_RATIO = 0.4;
export const LIST_TARGET_P50_GROWTH = 1.5;

export interface Probe {
  status: number;
  ms: number;
  bytes: number;
  location: string | null;
  error: string | null;
}

export interface ListRun {
  page: string;
  title: string;
  variant: "list" | "deep" | "filter";
  size: ListSize;
  path: string;
  probe: Probe;
  /** Not measured under load: why. */
  skipped: string | null;
  levels: { connections: number; loadBefore: number; stats: LoadStats; ratio: { rps: number; p50: number } }[];
}

export interface ListsResult {
  seconds: number;
  floors: { connections: number; start: LoadStats; end: LoadStats; rps: number; p50: number }[];
  runs: ListRun[];
  probeLimitMs: number;
}

const loadNow = () => Math.round((os.loadavg()[0] ?? 0) * 100) / 100;

export async function probe(origin: string, path: string, headers: Record<string, string>, timeoutMs = 60_000): Promise<Probe> {
  const t = performance.now();
  try {
    const response = await fetch(origin + path, { headers: { ...headers, accept: "text/html" }, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - t, bytes: body.byteLength, location: response.headers.get("location"), error: null };
  } catch (error) {
    return { status: 0, ms: performance.now() - t, bytes: 0, location: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Waits until the floor page answers within `fastMs` twice in a row (a page that was too slow leaves work behind). */
export async function settle(origin: string, floorPath: string, log: (line: string) => void, fastMs = 500, maxSeconds = 180): Promise<void> {
  const deadline = Date.now() + maxSeconds * 1000;
  let fast = 0;
  let waited = false;
  while (Date.now() < deadline) {
    const p = await probe(origin, floorPath, {}, 30_000);
    if (p.status === 200 && p.ms < fastMs) {
      fast += 1;
      if (fast >= 2) break;
    } else {
      fast = 0;
      waited = true;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  if (waited) log("  (waited for the server to finish earlier requests)");
}

export async function measureLists(options: {
  origin: string;
  floorPath: string;
  owners: ListOwner[];
  cookies: Map<string, string>;
  levels: number[];
  seconds: number;
  warmupSeconds: number;
  probeLimitMs: number;
  pages: ListPage[];
  sizes: readonly ListSize[];
  log: (line: string) => void;
}): Promise<ListsResult> {
  const { origin, floorPath, levels, seconds, log } = options;
  const started = performance.now();
  const floorRun = (connections: number) => runLoad({ origin, label: floorPath, paths: [floorPath], connections, seconds });
  await runLoad({ origin, label: "warm-up", paths: [floorPath], connections: 8, seconds: options.warmupSeconds });
  const floorStart = new Map<number, LoadStats>();
  for (const c of levels) {
    floorStart.set(c, await floorRun(c));
    log(`floor ${floorPath} at ${c} connections: ${floorStart.get(c)!.rps.toFixed(1)} req/s, p50 ${floorStart.get(c)!.latencyMs.p50.toFixed(1)} ms (load ${loadNow()})`);
  }
  const runs: ListRun[] = [];
  for (const page of options.pages) {
    for (const size of options.sizes) {
      const owner = options.owners.find((o) => o.side === page.side && o.size === size);
      const cookie = owner ? options.cookies.get(owner.userId) : undefined;
      if (!owner || !cookie) continue;
      const variants: { variant: ListRun["variant"]; path: string }[] = [{ variant: "list", path: page.path }];
      // The deep page and the filter at the largest size only.
      if (size === options.sizes[options.sizes.length - 1]) {
        if (page.deep) variants.push({ variant: "deep", path: page.deep });
        if (page.filter) variants.push({ variant: "filter", path: page.filter });
      }
      for (const { variant, path } of variants) {
        const headers = { cookie };
        const first = await probe(origin, path, headers);
        const run: ListRun = { page: page.key, title: page.title, variant, size, path, probe: first, skipped: null, levels: [] };
        runs.push(run);
        const label = `${page.title} ${size.toLocaleString("en-US")} ${variant} ${path}`;
        if (first.status !== 200) {
          run.skipped = first.error ? `the first request failed: ${first.error}` : `answered ${first.status}${first.location ? ` → ${first.location}` : ""}`;
          log(`${label}: ${run.skipped}; not measured`);
          await settle(origin, floorPath, log);
          continue;
        }
        // The second request is the one reported (the first may pay for compiling the page's code), unless the first was already too slow.
        if (first.ms <= options.probeLimitMs * 2) {
          const second = await probe(origin, path, headers);
          if (second.status === 200) run.probe = second;
        }
        if (run.probe.ms > options.probeLimitMs) {
          run.skipped = `one request alone took ${(run.probe.ms / 1000).toFixed(2)} s (over ${options.probeLimitMs} ms): not loaded with ${levels.join(" and ")} connections`;
          log(`${label}: ${run.skipped}`);
          await settle(origin, floorPath, log);
          continue;
        }
        await runLoad({ origin, label: "warm-up", paths: [path], connections: 4, seconds: options.warmupSeconds, headers });
        for (const connections of levels) {
          const loadBefore = loadNow();
          const stats = await runLoad({ origin, label: path, paths: [path], connections, seconds, headers });
          const floor = floorStart.get(connections)!;
          run.levels.push({ connections, loadBefore, stats, ratio: { rps: stats.rps / floor.rps, p50: stats.latencyMs.p50 / floor.latencyMs.p50 } });
          log(
            `${label} at ${connections}: p50 ${stats.latencyMs.p50.toFixed(1)} ms, p95 ${stats.latencyMs.p95.toFixed(1)} ms, ${stats.rps.toFixed(1)} req/s ` +
              `(${((stats.rps / floor.rps) * 100).toFixed(0)}% of the floor), ${stats.errors + stats.non2xx} errors/non-2xx, load before ${loadBefore}`,
          );
          await settle(origin, floorPath, log);
        }
      }
    }
  }
  const floors: ListsResult["floors"] = [];
  for (const c of levels) {
    const end = await floorRun(c);
    const start = floorStart.get(c)!;
    floors.push({ connections: c, start, end, rps: (start.rps + end.rps) / 2, p50: (start.latencyMs.p50 + end.latencyMs.p50) / 2 });
    log(`floor ${floorPath} at ${c} connections at the end: ${end.rps.toFixed(1)} req/s (start ${start.rps.toFixed(1)})`);
  }
  // Ratios against the mean of the two floors.
  for (const run of runs) {
    for (const level of run.levels) {
      const floor = floors.find((f) => f.connections === level.connections)!;
      level.ratio = { rps: level.stats.rps / floor.rps, p50: level.stats.latencyMs.p50 / floor.p50 };
    }
  }
  return { seconds: (performance.now() - started) / 1000, floors, runs, probeLimitMs: options.probeLimitMs };
}

const pct = (n: number) => (Number.isFinite(n) ? `${(n * 100).toFixed(0)}%` : "–");
const msText = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");

/** PASS/FAIL per list page: throughput at 32 connections at every size, p50 growth from 500 to 50,000, the deep page and the filter. */
export function listTargets(result: ListsResult, highConnections = 32): { name: string; pass: boolean; detail: string }[] {
  const targets: { name: string; pass: boolean; detail: string }[] = [];
  const at = (run: ListRun | undefined) => run?.levels.find((l) => l.connections === highConnections);
  const describe = (run: ListRun | undefined) => {
    if (!run) return "not measured";
    const level = at(run);
    if (level) return `${level.stats.rps.toFixed(1)} req/s = ${pct(level.ratio.rps)}, p50 ${msText(level.stats.latencyMs.p50)} ms${level.stats.errors + level.stats.non2xx ? `, ${level.stats.errors + level.stats.non2xx} errors` : ""}`;
    return run.skipped ?? "not measured";
  };
  const passes = (run: ListRun | undefined) => {
    const level = at(run);
    return Boolean(level && level.ratio.rps >= LIST_TARGET_RPS_RATIO && level.stats.errors + level.stats.non2xx === 0);
  };
  for (const page of LIST_PAGES) {
    const of = result.runs.filter((r) => r.page === page.key);
    if (of.length === 0) continue;
    const lists = LIST_SIZES.map((size) => of.find((r) => r.variant === "list" && r.size === size));
    targets.push({
      name: `${page.title} (${page.path}): ${highConnections} connections ≥ ${LIST_TARGET_RPS_RATIO * 100}% of the floor at 500 / 5,000 / 50,000`,
      pass: lists.every(passes),
      detail: lists.map((r, i) => `${LIST_SIZES[i]!.toLocaleString("en-US")}: ${describe(r)}`).join("; "),
    });
    const small = at(lists[0]);
    const large = at(lists[lists.length - 1]);
    const growth = small && large ? large.stats.latencyMs.p50 / small.stats.latencyMs.p50 : Number.NaN;
    const largeRun = lists[lists.length - 1];
    const largeAlone = largeRun && !large ? ` (50,000: ${largeRun.skipped ?? "not measured"}; one request alone ${msText(largeRun.probe.ms)} ms vs ${msText(lists[0]?.probe.ms ?? Number.NaN)} ms at 500)` : "";
    targets.push({
      name: `${page.title}: p50 at 50,000 ≤ ${LIST_TARGET_P50_GROWTH}× p50 at 500 (${highConnections} connections)`,
      pass: Number.isFinite(growth) && growth <= LIST_TARGET_P50_GROWTH,
      detail: small && large ? `${msText(large.stats.latencyMs.p50)} vs ${msText(small.stats.latencyMs.p50)} ms = ${growth.toFixed(2)}×` : `not measured${largeAlone}`,
    });
    for (const variant of ["deep", "filter"] as const) {
      const run = of.find((r) => r.variant === variant);
      if (!run) continue;
      targets.push({
        name: `${page.title} ${variant === "deep" ? "deep page" : "search/filter"} at 50,000 (${run.path}): ≥ ${LIST_TARGET_RPS_RATIO * 100}% of the floor`,
        pass: passes(run),
        detail: describe(run),
      });
    }
  }
  return targets;
}

export function listsMarkdown(result: ListsResult): string[] {
  const lines: string[] = [];
  lines.push(`### List pages at 500 / 5,000 / 50,000 rows (${result.seconds.toFixed(0)} s)`);
  lines.push("");
  lines.push(
    `Floor \`/status\` (mean of the section's start and end): ${result.floors.map((f) => `${f.connections} connections ${f.rps.toFixed(1)} req/s (start ${f.start.rps.toFixed(1)}, end ${f.end.rps.toFixed(1)}), p50 ${msText(f.p50)} ms`).join("; ")}.`,
  );
  lines.push(`A page whose single request took over ${result.probeLimitMs} ms alone was not loaded (it cannot reach the target, and would leave minutes of queued work behind).`);
  lines.push("");
  lines.push("| Page | Address | Rows | One request alone ms | Conn. | p50 ms | p95 ms | req/s | vs floor | errors + non-2xx | KB/resp | load before |");
  lines.push("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const run of result.runs) {
    const head = `| ${run.title} | \`${run.path}\` | ${run.size.toLocaleString("en-US")} | ${run.probe.status === 200 ? msText(run.probe.ms) : `${run.probe.status || "error"}`}`;
    if (run.levels.length === 0) {
      lines.push(`${head} | | | | | | | | ${run.skipped ?? ""} |`);
      continue;
    }
    for (const level of run.levels) {
      const s = level.stats;
      lines.push(
        `${head} | ${level.connections} | ${msText(s.latencyMs.p50)} | ${msText(s.latencyMs.p95)} | ${s.rps.toFixed(1)} | ${pct(level.ratio.rps)} | ${s.errors + s.non2xx} | ${(s.bytesPerResponse / 1024).toFixed(1)} | ${level.loadBefore} |`,
      );
    }
  }
  lines.push("");
  return lines;
}
