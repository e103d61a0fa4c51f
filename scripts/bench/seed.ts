// Seeds a bench database without measuring anything (the same seeding `npm run bench` does first), e.g. the
// million-profile directory ahead of a run:
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/partnerships_bench_1m BENCH_PARTNERS=1000000 \
//     npx tsx --import ./node-server.mjs scripts/bench/seed.ts
// BENCH_LISTS=1 also writes the list fixture (scripts/bench/lists.ts).
import { connect, databaseEnv, ensurePostgresDatabase, prepareDatabase } from "./database";
import { prepareLists } from "./lists";

const log = (line: string) => console.log(`[bench] ${line}`);
const url = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/partnerships_bench";
const partnerCount = Number(process.env.BENCH_PARTNERS ?? 100_000);
const mode = process.env.BENCH_SEED_MODE === "single" || process.env.BENCH_SEED_MODE === "batched" ? process.env.BENCH_SEED_MODE : "bulk";

await ensurePostgresDatabase(url, log);
const connection = await connect(databaseEnv("postgres", url, ""));
try {
  const report = await prepareDatabase(connection.db, connection.driver, { partnerCount, reseed: process.env.BENCH_RESEED === "1", seedMode: mode, url }, log);
  console.log(JSON.stringify(report, null, 2));
  if (process.env.BENCH_LISTS === "1") {
    const lists = await prepareLists(connection.db, { reseed: process.env.BENCH_RESEED_LISTS === "1" }, log);
    console.log(JSON.stringify({ seconds: lists.seconds, steps: lists.steps, counts: lists.counts }, null, 2));
  }
} finally {
  await connection.close();
}
