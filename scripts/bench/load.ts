// Drives the server with autocannon and measures every response itself (autocannon's summary has no p95).
import autocannon, { type AutocannonResult } from "autocannon";

export interface LoadStats {
  label: string;
  connections: number;
  seconds: number;
  responses: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  rps: number;
  /** Mean size of a successful response as sent (compressed if the server compressed it). */
  bytesPerResponse: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/**
 * `connections` clients for `seconds`, each request taking the next path of `paths` (shared across clients,
 * so the mix is the same at any concurrency). Latency percentiles are over successful (2xx) responses.
 */
export function runLoad(options: {
  origin: string;
  label: string;
  paths: string[];
  connections: number;
  seconds: number;
  /** Extra request headers, e.g. the session cookie of a signed-in page. */
  headers?: Record<string, string>;
  /** A POST and its body (the same for every request), e.g. a token to introspect. */
  post?: { body: string; contentType: string };
}): Promise<LoadStats> {
  const { origin, label, paths, connections, seconds } = options;
  let next = 0;
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let okBytes = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections,
        duration: seconds,
        timeout: 30,
        headers: { accept: "text/html", "accept-encoding": "gzip, br", ...options.headers },
        requests: [
          {
            method: options.post ? "POST" : "GET",
            ...(options.post ? { body: options.post.body, headers: { "content-type": options.post.contentType } } : {}),
            setupRequest: (request) => {
              const path = paths[next % paths.length] as string;
              next += 1;
              return { ...request, path };
            },
          },
        ],
      },
      (error: Error | null, result: AutocannonResult) => {
        if (error) {
          reject(error);
          return;
        }
        latencies.sort((a, b) => a - b);
        const ok = latencies.length;
        const responses = Object.values(statusCodes).reduce((sum, n) => sum + n, 0);
        resolve({
          label,
          connections,
          seconds: result.duration,
          responses,
          ok,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          statusCodes,
          rps: ok / result.duration,
          bytesPerResponse: ok ? Math.round(okBytes / ok) : 0,
          latencyMs: {
            p50: percentile(latencies, 50),
            p95: percentile(latencies, 95),
            p99: percentile(latencies, 99),
            mean: ok ? latencies.reduce((sum, n) => sum + n, 0) / ok : Number.NaN,
            max: ok ? (latencies[ok - 1] as number) : Number.NaN,
          },
        });
      },
    );
    instance.on("response", (_client: unknown, statusCode: number, bytes: number, responseTime: number) => {
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
      if (statusCode >= 200 && statusCode < 300) {
        latencies.push(responseTime);
        okBytes += bytes;
      }
    });
  });
}
