// Startup of `npm start` (next start): time from spawn until the floor page answers 200, and the
// resident memory of the server's process group after that first request and after one directory search.
import { rmSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { processGroupRss, startServer } from "./server";

export interface StartupMeasurement {
  label: string;
  /** Milliseconds from spawn until the floor page first answered 200 (polled every 100 ms). */
  readyMs: number;
  /** Sum of VmRSS over the server's process group right after that first 200. */
  rssAfterFirstRequestMiB: number;
  /** The same after one `/partners` page (no filters): the search code and the database connection warmed. */
  rssAfterSearchMiB: number;
  firstSearchMs: number;
  firstSearchStatus: number;
  processes: { command: string; mib: number }[];
  loadBefore: number;
  /** Lines the server printed that say what it did at start (migrations, first-start seed). */
  notes: string[];
}

const mib = (kb: number) => Math.round((kb / 1024) * 10) / 10;

export async function measureStartup(options: { label: string; env: NodeJS.ProcessEnv; floorPath: string; log: (line: string) => void }): Promise<StartupMeasurement> {
  const loadBefore = Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
  options.log(`startup: ${options.label} (load average ${loadBefore})…`);
  const server = await startServer({ env: options.env, readyPath: options.floorPath, log: options.log, pollMs: 100, timeoutMs: 600_000 });
  try {
    const first = processGroupRss(server.pid);
    const t0 = performance.now();
    const response = await fetch(`${server.origin}/partners`, { signal: AbortSignal.timeout(120_000) });
    await response.arrayBuffer();
    const firstSearchMs = performance.now() - t0;
    const afterSearch = processGroupRss(server.pid);
    const notes = server
      .output()
      .split("\n")
      .filter((line) => /\[db\]|migrat|seed|error/i.test(line))
      .map((line) => line.trim())
      .slice(0, 5);
    const result: StartupMeasurement = {
      label: options.label,
      readyMs: server.readyMs,
      rssAfterFirstRequestMiB: mib(first.kb),
      rssAfterSearchMiB: mib(afterSearch.kb),
      firstSearchMs,
      firstSearchStatus: response.status,
      processes: first.processes.map((p) => ({ command: p.command, mib: mib(p.kb) })),
      loadBefore,
      notes,
    };
    options.log(
      `  ready after ${(result.readyMs / 1000).toFixed(2)} s; RSS ${result.rssAfterFirstRequestMiB} MiB after the first request (${first.processes.length} processes), ` +
        `${result.rssAfterSearchMiB} MiB after /partners (${response.status}, ${firstSearchMs.toFixed(0)} ms)`,
    );
    return result;
  } finally {
    await server.stop();
  }
}

export function removeDirectory(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
