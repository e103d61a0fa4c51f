// Finds a Chromium for the browser tests: $CHROMIUM_PATH, Debian's package, or Playwright's own
// download (on a laptop). On a machine without one it installs Debian's package when it can.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

export async function findChromium() {
  const configured = process.env.CHROMIUM_PATH;
  if (configured && existsSync(configured)) return configured;
  for (const candidate of CANDIDATES) if (existsSync(candidate)) return candidate;
  try {
    const { chromium } = await import("@playwright/test");
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own here.
  }
  return undefined;
}

export async function ensureChromium() {
  const found = await findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (isRoot && hasApt) {
    console.log("Installing Debian's chromium for the browser tests (apt-get install -y chromium)…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    try {
      execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { stdio: "inherit", env });
    } catch {
      execFileSync("apt-get", ["update"], { stdio: "inherit", env });
      execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { stdio: "inherit", env });
    }
    const installed = await findChromium();
    if (installed) return installed;
  }
  throw new Error(
    "No Chromium found for the browser tests. Install one of: `sudo apt-get install -y chromium` (Debian/Ubuntu), " +
      "`npx playwright install chromium` (elsewhere), or set CHROMIUM_PATH to a Chrome/Chromium binary.",
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await ensureChromium());
}
