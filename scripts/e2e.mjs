// Builds the app for production and runs the Playwright suite against `npm start` on a fresh
// embedded database of its own (never the development one).
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { ensureChromium } from "./chromium.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next-e2e" };
env.CHROMIUM_PATH ??= await ensureChromium();
const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

// The database of a run on another port (E2E_PORT, see playwright.config.ts) is its own.
const port = Number(process.env.E2E_PORT ?? 3100);
rmSync(path.resolve(".data", port === 3100 ? "e2e" : `e2e-${port}`), { recursive: true, force: true });
if (!process.env.E2E_SKIP_BUILD) run("npx", ["next", "build"]);
run("npx", ["playwright", "test", ...process.argv.slice(2)]);
