// Investigation aid (not part of `npm run bench`): times the directory query as lib/partners/search.ts runs
// it today against proposed variants, over the bench's 60-search mix, one connection, warm cache.
//   npx tsx scripts/bench/variants.ts
// Works on a copy of the bench database (partnerships_bench_variants, made from partnerships_bench with
// CREATE DATABASE … TEMPLATE, so run `npm run bench` first), where it adds the proposed index and table.
import { performance } from "node:perf_hooks";
import { sql, type SQL } from "drizzle-orm";
import pg from "pg";
import { connect, queryRows, type Db } from "@/db/client";
import { buildTsQuery, PAGE_SIZE, parseDirectoryQuery, searchTerms, type DirectoryQuery } from "@/lib/partners/search";
import { SEARCHES, searchPath, type BenchSearch } from "./queries";

const source = new URL(process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/partnerships_bench");
const target = new URL(source);
target.pathname = `${source.pathname}_variants`;
const COUNT_CAP = 1000;

async function makeCopy() {
  const admin = new URL(source);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const name = target.pathname.slice(1);
    const exists = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (exists.rowCount === 0) {
      console.log(`creating ${name} from ${source.pathname.slice(1)} …`);
      await client.query(`create database "${name}" template "${source.pathname.slice(1)}"`);
      return true;
    }
    return false;
  } finally {
    await client.end();
  }
}

/** The proposed schema additions (would be a migration). */
async function addProposedSchema(db: Db) {
  await db.execute(sql`create index if not exists partner_profiles_listing_idx
    on partner_profiles (rating_tenths desc nulls last, name, id)`);
  await db.execute(sql`create table if not exists partner_search (
    profile_id uuid primary key references partner_profiles(id) on delete cascade,
    name text not null,
    rating_tenths integer,
    countries text[] not null,
    cities text[] not null,
    sizes_served text[] not null,
    search_vector tsvector not null)`);
  await db.execute(sql`insert into partner_search
    select id, name, rating_tenths, countries, cities, sizes_served, search_vector from partner_profiles
    on conflict do nothing`);
  await db.execute(sql`create index if not exists partner_search_vector_idx on partner_search using gin (search_vector)`);
  await db.execute(sql`create index if not exists partner_search_countries_idx on partner_search using gin (countries)`);
  await db.execute(sql`create index if not exists partner_search_cities_idx on partner_search using gin (cities)`);
  await db.execute(sql`create index if not exists partner_search_sizes_idx on partner_search using gin (sizes_served)`);
  await db.execute(sql`create index if not exists partner_search_listing_idx on partner_search (rating_tenths desc nulls last, name, profile_id)`);
  await db.execute(sql`vacuum analyze partner_search`);
  await db.execute(sql`vacuum analyze partner_profiles`);
}

const COLUMNS = sql`p.id, p.organization_id, p.slug, p.name, p.headline, p.locations, p.sizes_served, p.services, p.certifications, p.rating_tenths`;

function filters(query: DirectoryQuery, tsquery: string | null, alias: string): SQL {
  const a = sql.raw(alias);
  const parts: SQL[] = [];
  if (tsquery) parts.push(sql`${a}.search_vector @@ to_tsquery('english', ${tsquery})`);
  if (query.location) parts.push(sql`${a}.countries @> array[${query.location}]::text[]`);
  if (query.city) parts.push(sql`${a}.cities @> array[${query.city.toLowerCase()}]::text[]`);
  if (query.size) parts.push(sql`${a}.sizes_served @> array[${query.size}]::text[]`);
  return parts.length ? sql`where ${sql.join(parts, sql` and `)}` : sql``;
}

type Variant = (db: Db, query: DirectoryQuery, tsquery: string | null) => Promise<number>;

const rank = (tsquery: string | null, alias: string, fn = "ts_rank_cd") =>
  tsquery ? sql`${sql.raw(fn)}(${sql.raw(alias)}.search_vector, to_tsquery('english', ${tsquery}))` : sql`0::real`;
/** The relevance sort key, or nothing without keywords (as lib/partners/search.ts does). */
const byRelevance = (tsquery: string | null, alias: string) => (tsquery ? sql`${rank(tsquery, alias)} desc,` : sql``);

const VARIANTS: Record<string, Variant> = {
  // Today's statement (lib/partners/search.ts): page and total in one, count(*) over ().
  current: async (db, query, tsquery) => {
    const rows = await queryRows<{ total: number }>(
      db,
      sql`select ${COLUMNS}, count(*) over ()::int as total from partner_profiles p ${filters(query, tsquery, "p")}
          order by ${byRelevance(tsquery, "p")} p.rating_tenths desc nulls last, p.name asc, p.id asc
          limit ${PAGE_SIZE} offset ${(query.page - 1) * PAGE_SIZE}`,
    );
    return rows[0]?.total ?? 0;
  },
  // A: no window function; exact count as its own statement; listing index for keyword-less searches.
  "A split count": async (db, query, tsquery) => {
    const where = filters(query, tsquery, "p");
    await queryRows(
      db,
      sql`select ${COLUMNS} from partner_profiles p ${where}
          order by ${byRelevance(tsquery, "p")} p.rating_tenths desc nulls last, p.name asc, p.id asc
          limit ${PAGE_SIZE} offset ${(query.page - 1) * PAGE_SIZE}`,
    );
    const [row] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from partner_profiles p ${where}`);
    return row?.total ?? 0;
  },
  // B: A with the count capped at 1,000 ("1,000+ partners").
  "B split + capped count": async (db, query, tsquery) => {
    const where = filters(query, tsquery, "p");
    await queryRows(
      db,
      sql`select ${COLUMNS} from partner_profiles p ${where}
          order by ${byRelevance(tsquery, "p")} p.rating_tenths desc nulls last, p.name asc, p.id asc
          limit ${PAGE_SIZE} offset ${(query.page - 1) * PAGE_SIZE}`,
    );
    const [row] = await queryRows<{ total: number }>(
      db,
      sql`select count(*)::int as total from (select 1 from partner_profiles p ${where} limit ${COUNT_CAP + 1}) s`,
    );
    return row?.total ?? 0;
  },
  // C: narrow search table for filter/rank/count; the 20 shown rows fetched by id; exact count.
  "C narrow table": async (db, query, tsquery) => {
    const where = filters(query, tsquery, "s");
    await queryRows(
      db,
      sql`with hits as (
            select s.profile_id, ${rank(tsquery, "s")} as rank, s.rating_tenths, s.name from partner_search s ${where}
            order by ${tsquery ? sql`2 desc,` : sql``} s.rating_tenths desc nulls last, s.name asc, s.profile_id asc
            limit ${PAGE_SIZE} offset ${(query.page - 1) * PAGE_SIZE})
          select ${COLUMNS} from hits h join partner_profiles p on p.id = h.profile_id
          order by h.rank desc, h.rating_tenths desc nulls last, h.name asc, h.profile_id asc`,
    );
    const [row] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from partner_search s ${where}`);
    return row?.total ?? 0;
  },
  // D: C with ts_rank (cheaper than cover density) and the count capped at 1,000.
  "D narrow + ts_rank + capped": async (db, query, tsquery) => {
    const where = filters(query, tsquery, "s");
    await queryRows(
      db,
      sql`with hits as (
            select s.profile_id, ${rank(tsquery, "s", "ts_rank")} as rank, s.rating_tenths, s.name from partner_search s ${where}
            order by ${tsquery ? sql`2 desc,` : sql``} s.rating_tenths desc nulls last, s.name asc, s.profile_id asc
            limit ${PAGE_SIZE} offset ${(query.page - 1) * PAGE_SIZE})
          select ${COLUMNS} from hits h join partner_profiles p on p.id = h.profile_id
          order by h.rank desc, h.rating_tenths desc nulls last, h.name asc, h.profile_id asc`,
    );
    const [row] = await queryRows<{ total: number }>(
      db,
      sql`select count(*)::int as total from (select 1 from partner_search s ${where} limit ${COUNT_CAP + 1}) s`,
    );
    return row?.total ?? 0;
  },
};

function params(search: BenchSearch) {
  return { location: search.location, city: search.city, size: search.size, q: search.q, page: search.page ? String(search.page) : undefined };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;

const created = await makeCopy();
const connection = await connect({ ...process.env, DATABASE_URL: target.toString(), DATABASE_DRIVER: "node-postgres" });
const db = connection.db;
if (created || process.env.VARIANTS_REBUILD === "1") {
  console.log("adding the proposed index and partner_search table …");
  await addProposedSchema(db);
}
const [size] = await queryRows<{ narrow: string; wide: string }>(
  db,
  sql`select pg_size_pretty(pg_total_relation_size('partner_search')) as narrow, pg_size_pretty(pg_total_relation_size('partner_profiles')) as wide`,
);
console.log(`partner_profiles ${size?.wide}, partner_search ${size?.narrow}`);

const prepared = await Promise.all(
  SEARCHES.map(async (search) => {
    const query = parseDirectoryQuery(params(search));
    return { search, path: searchPath(search), query, tsquery: await buildTsQuery(db, searchTerms(query.q)) };
  }),
);

const rounds = Number(process.env.VARIANTS_ROUNDS ?? 3);
const timings: Record<string, number[][]> = {};
for (const name of Object.keys(VARIANTS)) timings[name] = prepared.map(() => []);
for (let round = 0; round <= rounds; round++) {
  for (const [name, variant] of Object.entries(VARIANTS)) {
    for (const [i, p] of prepared.entries()) {
      const started = performance.now();
      const total = await variant(db, p.query, p.tsquery);
      const elapsed = performance.now() - started;
      if (round > 0) timings[name]?.[i]?.push(elapsed); // round 0 warms the cache
      if (round === 1 && name === "current") (p as { total?: number }).total = total;
    }
  }
}

console.log(`\n${rounds} rounds of ${prepared.length} searches per variant (tsquery built beforehand), one connection; ms per search (median of rounds)`);
console.log(`${"variant".padEnd(30)}${"mean".padStart(8)}${"p50".padStart(8)}${"p95".padStart(8)}${"max".padStart(8)}   slowest`);
for (const [name, perSearch] of Object.entries(timings)) {
  const medians = perSearch.map((t) => [...t].sort((a, b) => a - b)[Math.floor(t.length / 2)] as number);
  const sorted = [...medians].sort((a, b) => a - b);
  const mean = medians.reduce((s, n) => s + n, 0) / medians.length;
  const worst = medians.indexOf(sorted[sorted.length - 1] as number);
  console.log(
    `${name.padEnd(30)}${mean.toFixed(1).padStart(8)}${pct(sorted, 50).toFixed(1).padStart(8)}${pct(sorted, 95).toFixed(1).padStart(8)}${(sorted[sorted.length - 1] as number).toFixed(1).padStart(8)}   ${prepared[worst]?.path}`,
  );
}
await connection.close();
