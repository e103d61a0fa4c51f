import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
// A run on another port (E2E_PORT) keeps its database and results apart, so two runs never share them.
const ISOLATED = PORT !== 3100;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Each test takes well under 30 s on an idle machine; the margins are for a busy one (two cores shared with builds).
  timeout: 60_000,
  expect: { timeout: 15_000 },
  outputDir: ISOLATED ? `test-results/port-${PORT}` : "test-results",
  reporter: process.env.CI || ISOLATED ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    // A failed test keeps its trace (actions and their timing, network, console) beside its screenshot and
    // page snapshot. DOM snapshots and the film strip are left out: they cost up to a fifth of the suite's CPU
    // time on this 2-core machine (`--trace on` records everything when a failure needs it).
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: false },
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || undefined,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npx next start -p ${PORT}`,
    url: `${baseURL}/`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PGLITE_DIR: ISOLATED ? `.data/e2e-${PORT}/pglite` : ".data/e2e/pglite",
      AUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz",
      AUTH_URL: baseURL,
      MAILBOX: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-e2e",
      CRON_SECRET: "e2e-cron-secret",
      INTROSPECTION_SECRET: "e2e-introspection-secret",
      // tests/e2e/sign-in-limits.spec.ts sends through a forwarding proxy of its own (tests/support/forwarding-proxy.ts);
      // the browser reaches the server directly, and Next.js writes its address (127.0.0.1) as X-Forwarded-For.
      TRUSTED_PROXY_HOPS: "1",
    },
  },
});
