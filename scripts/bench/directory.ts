// Bulk seeding of the directory on Postgres (BENCH_SEED_MODE=bulk, the default there): the same generated
// partners as the app's seed (`generatePartners`, `profileRow`), written in batches of 5,000 rows per statement
// (one JSON parameter per batch, expanded by jsonb_to_recordset) on two connections, with partner_search's
// trigger switched off and its indexes dropped during the load: partner_search is then filled with one
// INSERT … SELECT (the trigger's own expression) and its indexes created again from their saved definitions,
// which is several times faster than maintaining a GIN index and 35 b-trees row by row.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { generatePartners, type GeneratedPartner } from "@/seed/partners";
import { profileRow } from "@/seed/demo";

const BATCH = 5_000;
const WORKERS = 2;

function employeeBand(count: number): string {
  if (count < 10) return "1-9";
  if (count < 50) return "10-49";
  if (count < 250) return "50-249";
  if (count < 1000) return "250-999";
  if (count < 10000) return "1000-9999";
  return "10000+";
}

function batchJson(partners: GeneratedPartner[]): string {
  return JSON.stringify(
    partners.map((p) => {
      const row = profileRow(p, "00000000-0000-0000-0000-000000000000");
      return {
        org_name: p.name,
        domain: p.domain,
        org_country: p.locations[0]?.country ?? null,
        size_band: employeeBand(p.employeeCount),
        slug: row.slug,
        name: row.name,
        headline: row.headline,
        description: row.description,
        services: row.services,
        industries: row.industries,
        certifications: row.certifications,
        sizes_served: row.sizesServed,
        locations: row.locations,
        countries: row.countries,
        cities: row.cities,
        website: row.website ?? null,
        contact_email: row.contactEmail,
        contact_phone: row.contactPhone ?? null,
        employee_count: row.employeeCount ?? null,
        rating_tenths: row.rating ?? null,
        review_count: row.reviewCount ?? null,
        year_founded: row.yearFounded ?? null,
        keywords: row.keywords,
      };
    }),
  );
}

const INSERT_BATCH = `
with x as (
  select * from jsonb_to_recordset($1::jsonb) as x(
    org_name text, domain text, org_country text, size_band text, slug text, name text, headline text, description text,
    services text[], industries text[], certifications text[], sizes_served text[], locations jsonb, countries text[], cities text[],
    website text, contact_email text, contact_phone text, employee_count int, rating_tenths int, review_count int, year_founded int, keywords text)
), o as (
  insert into organizations (kind, name, domain, country, size_band)
  select 'partner', org_name, domain, org_country, size_band from x
  returning id, domain
)
insert into partner_profiles (organization_id, slug, name, headline, description, services, industries, certifications, sizes_served,
  locations, countries, cities, website, contact_email, contact_phone, employee_count, rating_tenths, review_count, year_founded, keywords)
select o.id, x.slug, x.name, x.headline, x.description, x.services, x.industries, x.certifications, x.sizes_served,
  x.locations, x.countries, x.cities, x.website, x.contact_email, x.contact_phone, x.employee_count, x.rating_tenths, x.review_count, x.year_founded, x.keywords
from x join o on o.domain = x.domain`;

export interface BulkSeedTimings {
  generateSeconds: number;
  loadSeconds: number;
  searchRowsSeconds: number;
  indexSeconds: number;
  indexes: number;
}

/**
 * Adds generated partners `from`..`count-1` (the first `from` are already there, from the app's seed) to a
 * migrated Postgres database. Leaves the vocabulary and VACUUM ANALYZE to the caller.
 */
export async function bulkSeedPartners(url: string, from: number, count: number, log: (line: string) => void): Promise<BulkSeedTimings> {
  const pool = new pg.Pool({ connectionString: url, max: WORKERS + 1 });
  try {
    let t = performance.now();
    const partners = generatePartners(count).slice(from);
    const generateSeconds = (performance.now() - t) / 1000;
    log(`  generated ${partners.length.toLocaleString("en-US")} partners in ${generateSeconds.toFixed(1)} s`);

    // partner_search: trigger off, indexes (all but the primary key) dropped and remembered.
    const { rows: indexRows } = await pool.query<{ indexname: string; indexdef: string }>(
      `select i.indexname, i.indexdef from pg_indexes i
       where i.schemaname = 'public' and i.tablename = 'partner_search'
         and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    );
    const { rows: triggers } = await pool.query<{ tgname: string }>(
      `select tgname from pg_trigger where tgrelid = 'partner_profiles'::regclass and not tgisinternal and tgname like '%search%'`,
    );
    for (const { tgname } of triggers) await pool.query(`alter table partner_profiles disable trigger "${tgname.replace(/"/g, '""')}"`);
    for (const { indexname } of indexRows) await pool.query(`drop index "${indexname.replace(/"/g, '""')}"`);
    log(`  partner_search: trigger${triggers.length === 1 ? "" : "s"} ${triggers.map((x) => x.tgname).join(", ")} off, ${indexRows.length} indexes dropped for the load`);

    try {
      t = performance.now();
      let next = 0;
      let done = 0;
      let lastLog = performance.now();
      await Promise.all(
        Array.from({ length: WORKERS }, async () => {
          for (;;) {
            const start = next;
            next += BATCH;
            if (start >= partners.length) return;
            await pool.query(INSERT_BATCH, [batchJson(partners.slice(start, start + BATCH))]);
            done += Math.min(BATCH, partners.length - start);
            if (performance.now() - lastLog > 15_000) {
              lastLog = performance.now();
              log(`  ${(from + done).toLocaleString("en-US")} profiles after ${((lastLog - t) / 1000).toFixed(0)} s…`);
            }
          }
        }),
      );
      const loadSeconds = (performance.now() - t) / 1000;
      log(`  organizations and partner_profiles loaded in ${loadSeconds.toFixed(1)} s`);

      // The trigger's expression for every profile without a search row, in the profiles' own order.
      t = performance.now();
      // Two halves (by a hash of the id) on two connections: the document is CPU work for Postgres.
      await Promise.all(
        Array.from({ length: WORKERS }, (_, part) =>
          pool.query(
            `insert into partner_search (profile_id, name, rating_tenths, document)
             select p.id, p.name, p.rating_tenths, partner_search_document(p.search_vector, p.countries, p.cities, p.sizes_served)
             from partner_profiles p
             where abs(hashtext(p.id::text)) % $1 = $2
               and not exists (select 1 from partner_search s where s.profile_id = p.id)`,
            [WORKERS, part],
          ),
        ),
      );
      const searchRowsSeconds = (performance.now() - t) / 1000;
      log(`  partner_search filled in ${searchRowsSeconds.toFixed(1)} s`);

      t = performance.now();
      let nextIndex = 0;
      await Promise.all(
        Array.from({ length: WORKERS }, async () => {
          const client = await pool.connect();
          try {
            await client.query("set maintenance_work_mem = '512MB'");
            for (;;) {
              const index = indexRows[nextIndex++];
              if (!index) return;
              await client.query(index.indexdef);
            }
          } finally {
            client.release();
          }
        }),
      );
      const indexSeconds = (performance.now() - t) / 1000;
      log(`  ${indexRows.length} partner_search indexes created in ${indexSeconds.toFixed(1)} s`);
      return { generateSeconds, loadSeconds, searchRowsSeconds, indexSeconds, indexes: indexRows.length };
    } finally {
      // Whatever happened, the indexes and the trigger are back (an index that exists already is left alone).
      for (const { indexdef } of indexRows) await pool.query(indexdef.replace(/^CREATE (UNIQUE )?INDEX /, "CREATE $1INDEX IF NOT EXISTS ")).catch(() => undefined);
      for (const { tgname } of triggers) await pool.query(`alter table partner_profiles enable trigger "${tgname.replace(/"/g, '""')}"`);
    }
  } finally {
    await pool.end();
  }
}
