// Failover under load: a managed database's restart or failover ends every connection of the app.
//
//   runFailover(options: FailoverOptions): Promise<FailoverResult>
//
//   options.origin       the running server's base URL, e.g. "http://127.0.0.1:3201"
//   options.databaseUrl  a postgres:// connection string of the database the server uses (the bench's
//                        own connection ends every other backend of that database)
//   options.connections  concurrent clients (default 16)
//   options.seconds      length of the load (default 15)
//   options.terminations how many times every connection is ended, evenly spread (default 3)
//   options.paths        the requests, taken in turn (default: the bench's search mix, searchPaths())
//   options.log          progress lines (default: none)
//
//   FailoverResult = { requests, errors, non2xx, terminatedBackends, ok, statusCodes, terminations, loadAverage }
//   requests: responses received; errors: requests with no response (socket errors, timeouts);
//   non2xx: responses with a status other than 2xx; terminatedBackends: backends ended, all rounds.
//
// During `connections` clients searching for `seconds` (autocannon, as every other bench load), every
// backend of the database except the bench's own is ended with pg_terminate_backend, `terminations`
// times at even intervals. A page that only reads should show no error: the app runs a read whose
// connection was lost once more on a new connection.
import os from "node:os";
import pg from "pg";
import { runLoad, type LoadStats } from "./load";
import { searchPaths } from "./queries";

export interface FailoverOptions {
  origin: string;
  databaseUrl: string;
  connections?: number;
  seconds?: number;
  terminations?: number;
  paths?: string[];
  log?: (line: string) => void;
}

export interface FailoverResult {
  /** Responses received, whatever their status. */
  requests: number;
  /** Requests that got no response (connection errors and timeouts). */
  errors: number;
  /** Responses with a status other than 2xx. */
  non2xx: number;
  /** Backends ended, over all rounds. */
  terminatedBackends: number;
  /** 2xx responses. */
  ok: number;
  statusCodes: Record<string, number>;
  /** Each round: seconds into the load, and backends ended. */
  terminations: { atSeconds: number; backends: number }[];
  /** One-minute load average before the run. */
  loadAverage: number;
  load: LoadStats;
}

/** Ends every client backend of the connection's database except the connection's own; returns how many. */
async function terminateAll(admin: pg.Client): Promise<number> {
  // The subquery (offset 0 keeps it one) chooses the backends before any is ended: a condition beside
  // pg_terminate_backend could be checked after it.
  const { rows } = await admin.query<{ ended: number }>(
    `select count(*) filter (where pg_terminate_backend(pid))::int as ended
     from (select pid from pg_stat_activity
           where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend' offset 0) backends`,
  );
  return rows[0]?.ended ?? 0;
}

export async function runFailover(options: FailoverOptions): Promise<FailoverResult> {
  const connections = options.connections ?? 16;
  const seconds = options.seconds ?? 15;
  const rounds = options.terminations ?? 3;
  const log = options.log ?? (() => {});
  const loadAverage = Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
  const admin = new pg.Client({ connectionString: options.databaseUrl, application_name: "bench-failover" });
  admin.on("error", (error) => log(`failover: the bench's own connection failed: ${error.message}`));
  await admin.connect();
  const terminations: { atSeconds: number; backends: number }[] = [];
  const timers: NodeJS.Timeout[] = [];
  const pending: Promise<void>[] = [];
  try {
    log(`failover: ${connections} connections for ${seconds} s, every connection of the database ended ${rounds} times (load average ${loadAverage})…`);
    const started = Date.now();
    for (let round = 1; round <= rounds; round++) {
      const at = (seconds * 1000 * round) / (rounds + 1);
      timers.push(
        setTimeout(() => {
          pending.push(
            terminateAll(admin).then(
              (backends) => {
                const atSeconds = Math.round((Date.now() - started) / 100) / 10;
                terminations.push({ atSeconds, backends });
                log(`  ${atSeconds} s: ended ${backends} backends`);
              },
              (error: unknown) => log(`  could not end the backends: ${error instanceof Error ? error.message : String(error)}`),
            ),
          );
        }, at),
      );
    }
    const load = await runLoad({ origin: options.origin, label: "failover", paths: options.paths ?? searchPaths(), connections, seconds });
    await Promise.all(pending);
    const result: FailoverResult = {
      requests: load.responses,
      errors: load.errors,
      non2xx: load.non2xx,
      terminatedBackends: terminations.reduce((sum, t) => sum + t.backends, 0),
      ok: load.ok,
      statusCodes: load.statusCodes,
      terminations,
      loadAverage,
      load,
    };
    log(
      `  ${result.requests} responses (${result.ok} 2xx, ${result.non2xx} non-2xx: ${JSON.stringify(result.statusCodes)}), ${result.errors} errors; ` +
        `${result.terminatedBackends} backends ended in ${terminations.length} rounds`,
    );
    return result;
  } finally {
    for (const timer of timers) clearTimeout(timer);
    await admin.end().catch(() => undefined);
  }
}
