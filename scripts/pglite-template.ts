/*
 * `npm install` (postinstall) and `npm run db:template`: makes the embedded database's template, an
 * initialised and migrated PGlite data directory (db/pglite-template.ts), so that a first start
 * skips initdb. It never fails an install: without a template, a first start runs initdb.
 */
import { existsSync } from "node:fs";
import { pgliteTemplatePath, savePgliteTemplate } from "@/db/pglite-template";

async function main() {
  const file = pgliteTemplatePath();
  if (existsSync(file)) return console.log(`[db] embedded database template is current: ${file}`);
  const started = performance.now();
  const [{ PGlite }, { pg_trgm }, { drizzle }, { migrateDatabase }, schema] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("drizzle-orm/pglite"),
    import("@/db/migrator"),
    import("@/db/schema"),
  ]);
  const client = await PGlite.create({ dataDir: "memory://", extensions: { pg_trgm } });
  await migrateDatabase({ driver: "pglite", db: drizzle({ client, schema }) as never });
  const dump = await client.dumpDataDir("gzip");
  await client.close();
  savePgliteTemplate(new Uint8Array(await dump.arrayBuffer()), file);
  console.log(`[db] embedded database template made in ${((performance.now() - started) / 1000).toFixed(1)} s: ${file}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.warn(`[db] no embedded database template (a first start runs initdb): ${error instanceof Error ? error.message : String(error)}`);
    process.exit(0);
  },
);
