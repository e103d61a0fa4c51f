// `npm test`: every check, in the order a failure is cheapest to find.
import { spawnSync } from "node:child_process";
import { ensureChromium } from "./chromium.mjs";

const steps = [
  ["Type-check", "npx", ["tsc", "--noEmit"]],
  ["Lint", "npx", ["eslint", "--max-warnings", "0", "."]],
  ["Unit and integration tests", "npx", ["vitest", "run"]],
  ["Browser tests (production build, Chromium)", "node", ["scripts/e2e.mjs"]],
];

for (const [title, command, args] of steps) {
  if (title.startsWith("Browser")) process.env.CHROMIUM_PATH = await ensureChromium();
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${title} failed after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${seconds}s)`);
}
