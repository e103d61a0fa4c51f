import { describe, expect, it } from "vitest";
import { chooseDriver, pgliteDir } from "@/db/client";

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

describe("chooseDriver", () => {
  it("uses the embedded database when DATABASE_URL is unset", () => {
    expect(chooseDriver(env({}))).toBe("pglite");
  });
  it("uses node-postgres for any postgres:// server", () => {
    expect(chooseDriver(env({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test" }))).toBe("node-postgres");
  });
  it("uses the Neon driver for a Neon host or when asked", () => {
    expect(chooseDriver(env({ DATABASE_URL: "postgres://u:p@ep-cool-name-123.eu-central-1.aws.neon.tech/db" }))).toBe("neon");
    expect(chooseDriver(env({ DATABASE_URL: "postgres://postgres@127.0.0.1/test", DATABASE_DRIVER: "neon" }))).toBe("neon");
  });
  it("rejects a malformed URL", () => {
    expect(() => chooseDriver(env({ DATABASE_URL: "not a url" }))).toThrow(/DATABASE_URL/);
  });
  it("keeps PGlite under .data unless PGLITE_DIR says otherwise", () => {
    expect(pgliteDir(env({}))).toMatch(/\.data\/pglite$/);
    expect(pgliteDir(env({ PGLITE_DIR: "memory://" }))).toBe("memory://");
  });
});
