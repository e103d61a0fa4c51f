// The `export` section: a CSV export of 50,000 rows read to the end while the server's resident memory is sampled
// every 50 ms (VmRSS of every process in its process group, from /proc), after the same export of the 500-row
// owner has loaded the route's code. The growth is the peak during the export minus the sample just before it.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { processGroupRss } from "./server";

export const EXPORT_TARGET_GROWTH_MB = 50;

export interface ExportMeasurement {
  path: string;
  owner: string;
  status: number;
  contentType: string | null;
  bytes: number;
  /** Records of the CSV after its header (newlines outside quotes). */
  rows: number;
  expectedRows: number;
  seconds: number;
  firstByteMs: number;
  baselineMiB: number;
  peakMiB: number;
  growthMB: number;
  samples: number;
}

function groupPids(pgid: number): number[] {
  return processGroupRss(pgid).processes.map((p) => p.pid);
}

function rssKb(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (match) kb += Number(match[1]);
    } catch {
      // ended
    }
  }
  return kb;
}

/** Counts CSV records: line ends outside quoted cells (a quoted cell may hold newlines; "" is an escaped quote). */
class CsvCounter {
  private quoted = false;
  private pendingChar = false;
  records = 0;
  feed(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) this.quoted = !this.quoted;
      else if (c === 10 && !this.quoted) {
        this.records += 1;
        this.pendingChar = false;
        continue;
      }
      if (c !== 13) this.pendingChar = true;
    }
  }
  finish(): number {
    return this.records + (this.pendingChar ? 1 : 0);
  }
}

export async function measureExport(options: {
  origin: string;
  pgid: number;
  path: string;
  cookie: string;
  owner: string;
  expectedRows: number;
  intervalMs?: number;
  timeoutMs?: number;
}): Promise<ExportMeasurement> {
  const pids = groupPids(options.pgid);
  const baseline = rssKb(pids);
  let peak = baseline;
  let samples = 0;
  const timer = setInterval(() => {
    const kb = rssKb(pids);
    samples += 1;
    if (kb > peak) peak = kb;
  }, options.intervalMs ?? 50);
  const started = performance.now();
  let firstByteMs = Number.NaN;
  let bytes = 0;
  const counter = new CsvCounter();
  let status = 0;
  let contentType: string | null = null;
  try {
    const response = await fetch(options.origin + options.path, { headers: { cookie: options.cookie }, redirect: "manual", signal: AbortSignal.timeout(options.timeoutMs ?? 600_000) });
    status = response.status;
    contentType = response.headers.get("content-type");
    const decoder = new TextDecoder();
    if (response.body) {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - started;
        bytes += chunk.byteLength;
        counter.feed(decoder.decode(chunk, { stream: true }));
      }
      counter.feed(decoder.decode());
    }
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - started) / 1000;
  const last = rssKb(pids);
  if (last > peak) peak = last;
  const records = counter.finish();
  return {
    path: options.path,
    owner: options.owner,
    status,
    contentType,
    bytes,
    rows: Math.max(0, records - 1),
    expectedRows: options.expectedRows,
    seconds,
    firstByteMs,
    baselineMiB: Math.round((baseline / 1024) * 10) / 10,
    peakMiB: Math.round((peak / 1024) * 10) / 10,
    growthMB: Math.round(((peak - baseline) * 1024) / 1e5) / 10,
    samples,
  };
}
