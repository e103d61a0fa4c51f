import { ESLint } from "eslint";
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
