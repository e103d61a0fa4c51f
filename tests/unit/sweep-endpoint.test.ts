import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Only who may start a sweep is under test here; the sweep itself is in the integration suite.
const sweep = vi.hoisted(() => ({ runs: 0 }));
vi.mock("@/db/client", () => ({ getDb: async () => ({}) }));
vi.mock("@/lib/jobs/sweep", () => ({
  runSweep: async () => {
    sweep.runs += 1;
    return { expiredInvitations: 0 };
  },
}));
vi.mock("@/lib/email/deliver", () => ({ kickOutbox: () => undefined }));

const { GET, POST } = await import("@/app/api/jobs/sweep/route");

const SECRET = "test-cron-secret-0123456789abcdef";

function call(authorization: string | null, handler = POST): Promise<Response> {
  return handler(new Request("http://localhost:3000/api/jobs/sweep", { method: "POST", headers: authorization === null ? {} : { authorization } }));
}

/** What a Headers object can carry: Latin-1 characters, no NUL, CR or LF; surrounding spaces are trimmed. */
const carriable = (value: string) => /^[^\u0000\r\n]*$/.test(value) && /^[\u0000-\u00ff]*$/.test(value);

describe("POST /api/jobs/sweep", () => {
  beforeEach(() => {
    sweep.runs = 0;
    vi.stubEnv("CRON_SECRET", SECRET);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("runs the sweep for the configured secret as a bearer token, whatever the scheme name's case", async () => {
    for (const header of [`Bearer ${SECRET}`, `bearer ${SECRET}`, `BEARER ${SECRET}`]) {
      const response = await call(header);
      expect(response.status, header).toBe(200);
      expect(await response.json()).toEqual({ expiredInvitations: 0 });
    }
    expect((await call(`Bearer ${SECRET}`, GET)).status).toBe(200);
    expect(sweep.runs).toBe(4);
  });

  it.each([
    ["no header", null],
    ["the secret without a scheme", SECRET],
    ["another scheme", `Basic ${SECRET}`],
    ["no space after the scheme", `Bearer${SECRET}`],
    ["a wrong secret", `Bearer ${SECRET.replace(/.$/, "x")}`],
    ["a prefix of the secret", `Bearer ${SECRET.slice(0, -1)}`],
    ["the secret and more", `Bearer ${SECRET}x`],
    ["an empty token", "Bearer "],
    ["a non-ASCII token as long as the secret", `Bearer ${"é".repeat(SECRET.length)}`],
    ["the secret with one letter non-ASCII", `Bearer ${SECRET.replace("t", "ÿ")}`],
    ["a very long token", `Bearer ${"a".repeat(8000)}`],
  ])("refuses %s with 401", async (_name, header) => {
    const response = await call(header);
    expect(response.status).toBe(401);
    expect(sweep.runs).toBe(0);
  });

  it.each([
    ["unset", undefined],
    ["empty", ""],
  ])("refuses everyone when CRON_SECRET is %s", async (_name, secret) => {
    vi.stubEnv("CRON_SECRET", secret);
    for (const header of [null, "Bearer ", "Bearer undefined", `Bearer ${SECRET}`]) expect((await call(header)).status).toBe(401);
    expect(sweep.runs).toBe(0);
  });

  it("answers 401, never an error, to any header that is not the secret as a bearer token", async () => {
    const nearSecret = fc.oneof(
      fc.constant(SECRET),
      fc.tuple(fc.nat(SECRET.length - 1), fc.string({ unit: "binary", minLength: 1, maxLength: 2 })).map(([i, c]) => SECRET.slice(0, i) + c + SECRET.slice(i + 1)),
      fc.string({ unit: fc.constantFrom(..."abcdef0123456789-éÿ€😀 "), minLength: SECRET.length, maxLength: SECRET.length }),
      fc.string({ maxLength: 200 }),
    );
    const header = fc.oneof(
      fc.string({ unit: "binary", maxLength: 80 }),
      fc.tuple(fc.constantFrom("Bearer ", "bearer ", "Bearer  ", "Bearer", "Basic ", "", " Bearer ", "Bearer\t", "Token "), nearSecret).map(([scheme, token]) => scheme + token),
      fc.integer({ min: 1, max: 20_000 }).map((n) => `Bearer ${"x".repeat(n)}`),
    );
    await fc.assert(
      fc.asyncProperty(header.filter(carriable), async (value) => {
        const runsBefore = sweep.runs;
        const response = await call(value);
        const sent = value.replace(/^[\t ]+|[\t ]+$/g, "");
        const exact = /^bearer +(.*)$/i.exec(sent)?.[1] === SECRET;
        expect(response.status, JSON.stringify(value)).toBe(exact ? 200 : 401);
        expect(sweep.runs - runsBefore).toBe(exact ? 1 : 0);
      }),
      { numRuns: 2000 },
    );
  });
});
