import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pgliteTemplateFor, pgliteTemplatePath } from "@/db/pglite-template";

describe("the embedded database's template", () => {
  it("is named by PGlite's version and the migrations, so a stale one is never loaded", () => {
    const root = mkdtempSync(path.join(tmpdir(), "template-"));
    mkdirSync(path.join(root, "node_modules", "@electric-sql", "pglite"), { recursive: true });
    mkdirSync(path.join(root, "db", "migrations", "meta"), { recursive: true });
    writeFileSync(path.join(root, "node_modules", "@electric-sql", "pglite", "package.json"), JSON.stringify({ version: "9.9.9" }));
    writeFileSync(path.join(root, "db", "migrations", "meta", "_journal.json"), JSON.stringify({ entries: [{ tag: "0000" }] }));
    const before = pgliteTemplatePath(root);
    expect(path.basename(before)).toMatch(/^pglite-9\.9\.9-[0-9a-f]{16}\.tar\.gz$/);
    writeFileSync(path.join(root, "db", "migrations", "meta", "_journal.json"), JSON.stringify({ entries: [{ tag: "0000" }, { tag: "0001" }] }));
    expect(pgliteTemplatePath(root)).not.toBe(before);
  });

  it("is used only for a new directory, never for memory or an existing database", () => {
    expect(pgliteTemplateFor("memory://")).toBeUndefined();
    const existing = mkdtempSync(path.join(tmpdir(), "pgdata-"));
    writeFileSync(path.join(existing, "PG_VERSION"), "17\n");
    expect(pgliteTemplateFor(existing)).toBeUndefined();
  });
});
