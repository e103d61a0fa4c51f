import "server-only";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/*
 * A fresh embedded database starts from a template instead of initdb. PGlite's initdb (a second
 * WebAssembly instance, then a copy of its files) is most of a first start; the template is an
 * initialised, migrated data directory saved as a gzipped tarball under node_modules/.cache, made
 * by `npm install` (postinstall) and again whenever the migrations or PGlite change. A start with
 * no template, or a stale one, simply runs initdb as before.
 */

const CACHE_DIR = path.join("node_modules", ".cache", "partnerships");

/** The template's file: one per PGlite version and set of migrations, so a stale one is never loaded. */
export function pgliteTemplatePath(root = process.cwd()): string {
  const pglite = JSON.parse(readFileSync(path.join(/*turbopackIgnore: true*/ root, "node_modules", "@electric-sql", "pglite", "package.json"), "utf8")) as { version: string };
  const journal = readFileSync(path.join(/*turbopackIgnore: true*/ root, "db", "migrations", "meta", "_journal.json"));
  const migrations = createHash("sha256").update(journal).digest("hex").slice(0, 16);
  return path.join(/*turbopackIgnore: true*/ root, CACHE_DIR, `pglite-${pglite.version}-${migrations}.tar.gz`);
}

/** The template to start a new data directory from, when there is a current one and the directory is new. */
export function pgliteTemplateFor(dataDir: string): Blob | undefined {
  if (dataDir.startsWith("memory://") || existsSync(path.join(/*turbopackIgnore: true*/ dataDir, "PG_VERSION"))) return undefined;
  try {
    const file = pgliteTemplatePath();
    return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
  } catch {
    return undefined;
  }
}

/** Saves a template (written to a temporary name, then renamed, so a reader never sees half a file) and removes older ones. */
export function savePgliteTemplate(data: Uint8Array, file = pgliteTemplatePath()): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
  for (const old of readdirSync(dir)) {
    if (old.startsWith("pglite-") && old.endsWith(".tar.gz") && path.join(dir, old) !== file) rmSync(path.join(dir, old), { force: true });
  }
}
