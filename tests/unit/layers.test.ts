import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The layers are enforced by the lint (eslint.config.mjs): routes → domain → data, components take
 * props, emails are pure, and nothing but scripts and tests reaches the demo data. Each deliberate
 * violation below must fail it; the allowed imports beside them must pass.
 */
let eslint: ESLint;

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = [value];\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

describe("layers", () => {
  beforeAll(() => {
    eslint = new ESLint({ cwd: process.cwd() });
  });

  it.each([
    ["db/violation.ts", 'import { value } from "@/lib/authz";', /data layer/],
    ["db/violation.ts", 'import { value } from "@/seed/demo";', /data layer/],
    ["components/violation.tsx", 'import { value } from "@/db/client";', /receive data as props/],
    ["components/violation.tsx", 'import { value } from "@/lib/relationships/queries";', /receive data as props/],
    ["components/violation.tsx", 'import { value } from "@/lib/authz";', /receive data as props/],
    ["emails/violation.tsx", 'import { value } from "@/lib/format";', /pure templates/],
    ["lib/violation.ts", 'import { value } from "@/components/ui/button";', /does not reach up/],
    ["lib/violation.ts", 'import { value } from "@/seed/partners";', /demo data/],
    ["app/violation.tsx", 'import { value } from "@/db/schema";', /Pages ask the domain/],
  ])("%s may not %s", { timeout: 60_000 }, async (file, code, message) => {
    const messages = await restricted(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it.each([
    ["components/allowed.tsx", 'import { value } from "@/lib/relationships/actions";'],
    ["components/allowed.tsx", 'import type { value } from "@/db/schema";'],
    ["app/allowed.tsx", 'import { value } from "@/db/client";'],
    ["lib/allowed.ts", 'import { value } from "@/db/schema";'],
    ["lib/server-start.ts", 'import { value } from "@/seed/demo";'],
  ])("%s may %s", { timeout: 60_000 }, async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});

/**
 * Server modules start with `import "server-only"`: a client component that reaches one, however
 * indirectly, fails the build instead of shipping database code or secrets to the browser. Scripts
 * run them through node-server.mjs, and the tests through the alias in vitest.config.ts.
 */
const MARK = 'import "server-only";';

/** Every lib/ area's reads and changes, and these. */
const SERVER_MODULES = [
  "db/client.ts",
  "db/migrator.ts",
  "db/pglite-template.ts",
  "lib/audit/csv.ts",
  "lib/auth/secret.ts",
  "lib/auth/session.ts",
  "lib/auth/sign-in-links.ts",
  "lib/authz.ts",
  "lib/context.ts",
  "lib/domains/dns.ts",
  "lib/email/deliver.ts",
  "lib/email/mailbox.ts",
  "lib/access/jit.ts",
  "lib/access/keys.ts",
  "lib/access/tokens.ts",
  "lib/relationships/changes.ts",
  "lib/relationships/templates.ts",
  "lib/email/send.ts",
  "lib/invitations/acceptance.ts",
  "lib/invitations/review.ts",
  "lib/invitations/tokens.ts",
  "lib/jobs/gdap.ts",
  "lib/jobs/sweep.ts",
  "lib/security/rate-limit.ts",
];

const ROOT = process.cwd();

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, false);
}

function directive(source: ts.SourceFile): string | undefined {
  const [first] = source.statements;
  return first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) ? first.expression.text : undefined;
}

/** The project files a module imports at run time (type-only imports are erased). */
function runtimeImports(file: string, source: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      const onlyTypes = clause?.isTypeOnly || (clause && !clause.name && bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly));
      if (!onlyTypes) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers.flatMap((specifier) => {
    const base = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.posix.join(path.posix.dirname(file), specifier) : null;
    if (base === null) return [];
    const found = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((f) => existsSync(path.join(ROOT, f)) && statSync(path.join(ROOT, f)).isFile());
    return found ? [found] : [];
  });
}

describe("server-only", () => {
  const lib = sourceFiles("lib");
  const marked = [...lib, ...sourceFiles("db")].filter((file) => parse(file).text.includes(MARK));

  it("every server module starts with the marker", () => {
    const server = [...lib.filter((file) => /\/(queries|service)\.ts$/.test(file)), ...SERVER_MODULES];
    expect(server.filter((file) => readFileSync(path.join(ROOT, file), "utf8").split("\n")[0] !== MARK)).toEqual([]);
    // …and the list names only the marked modules that are not reads or changes.
    expect(marked.filter((file) => !server.includes(file))).toEqual([]);
  });

  it("no client component reaches a server module", () => {
    const clients = [...sourceFiles("app"), ...sourceFiles("components")].filter((file) => directive(parse(file)) === "use client");
    expect(clients.length).toBeGreaterThan(5);
    const reached = new Map<string, string>();
    const queue = clients.map((file) => [file, file] as const);
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [file, from] = next;
      if (reached.has(file)) continue;
      const source = parse(file);
      // A client component imports a server action as a reference: the action and its imports stay on the server.
      if (directive(source) === "use server") continue;
      reached.set(file, from);
      for (const imported of runtimeImports(file, source)) queue.push([imported, file]);
    }
    expect([...reached].filter(([file]) => marked.includes(file)).map(([file, from]) => `${from} → ${file}`)).toEqual([]);
  });

  it("every tsx script resolves the marker as the server does", () => {
    const { scripts } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    const tsx = Object.entries(scripts).filter(([, command]) => /(^|\s)tsx\s/.test(command));
    expect(tsx.length).toBeGreaterThan(0);
    expect(tsx.filter(([, command]) => !command.includes("tsx --import ./node-server.mjs "))).toEqual([]);
    const run = (...flags: string[]) => spawnSync(process.execPath, [...flags, "--input-type=module", "-e", 'import "server-only";'], { cwd: ROOT, encoding: "utf8" });
    expect(run().status).not.toBe(0);
    expect(run("--import", "./node-server.mjs")).toMatchObject({ status: 0, stderr: "" });
  });
});
