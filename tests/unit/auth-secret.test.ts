import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ensureAuthSecret, readOrCreateLocalSecret } from "@/lib/auth/secret";

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

describe("AUTH_SECRET", () => {
  it("refuses to run in production on a database server without one", () => {
    expect(() => ensureAuthSecret(env({ NODE_ENV: "production", DATABASE_URL: "postgres://db/app" }))).toThrow(/AUTH_SECRET is not set/);
  });

  it("uses the configured secret as it is", () => {
    expect(ensureAuthSecret(env({ NODE_ENV: "production", AUTH_SECRET: "configured" }))).toBe("configured");
  });

  it("generates a local secret once and keeps it", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "secret-")), "nested", "auth-secret");
    const first = readOrCreateLocalSecret(file);
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(readOrCreateLocalSecret(file)).toBe(first);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
  });
});
