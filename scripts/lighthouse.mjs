// What a person on a phone feels: Lighthouse (its default mobile profile, simulated throttling) on
// five pages, three runs each, the median of each figure against the targets of issue 16.
//
//   npm run build && npm run bench:lighthouse
//
// Builds nothing. Without LIGHTHOUSE_BASE_URL it starts the production build (`next start`, as
// `npm start` does) on a fresh embedded database of its own, with an invitation and a signed-in
// customer Global administrator prepared before the server starts, and stops it at the end.
//
// Environment:
//   LIGHTHOUSE_BASE_URL   measure a server that is already running (e.g. http://localhost:3000). Its
//                         signed-in pages need LIGHTHOUSE_COOKIE (a customer Global administrator's
//                         `authjs.session-token=…`) and, for the accept page, LIGHTHOUSE_INVITATION_TOKEN;
//                         or DATABASE_URL and AUTH_SECRET of that server, and the script prepares both
//                         itself. Pages it cannot sign in to are reported as skipped.
//   LIGHTHOUSE_PORT       port of the server it starts itself (3400)
//   NEXT_DIST_DIR         the build to start (.next)
//   LIGHTHOUSE_RUNS       runs per page (3)
//   LIGHTHOUSE_PAGES      comma-separated page keys to measure (directory,results,contact,accept,relationships)
//   LIGHTHOUSE_JSON       where to write the JSON summary (none if unset)
//   LIGHTHOUSE_REPORTS    a folder for each run's full JSON report (none if unset)
//   CHROMIUM_PATH         the browser (/usr/bin/chromium, or what scripts/chromium.mjs finds)
//
// Exit code 0 when every target passes, 1 when one fails, 2 when the measurement itself failed.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { findChromium } from "./chromium.mjs";

const require = createRequire(import.meta.url);
const LIGHTHOUSE_VERSION = require("lighthouse/package.json").version;

const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export const TARGETS = {
  performance: { label: "performance ≥ 90", pass: (m) => m.performance >= 90 },
  lcp: { label: "LCP < 2.5 s", pass: (m) => m.lcpMs < 2500 },
  tbt: { label: "TBT < 200 ms", pass: (m) => m.tbtMs < 200 },
  cls: { label: "CLS < 0.1", pass: (m) => m.cls < 0.1 },
  accessibility: { label: "accessibility 100", pass: (m) => m.accessibility === 100 },
  bestPractices: { label: "best practices 100", pass: (m) => m.bestPractices === 100 },
  // public/robots.txt keeps crawlers out of the contact form, invitation links and the signed-in
  // areas on purpose; on those pages Lighthouse's is-crawlable audit fails by design, and the target
  // is every other SEO audit (the score is printed as measured, with a mark).
  seo: { label: "SEO 100", pass: (m, page) => m.seo === 100 || (page.robotsDisallowed && m.seoFailures.every((id) => id === "is-crawlable")) },
};

const CUSTOMER_ADMIN = "admin@contoso.example";
const PAGES = [
  { key: "directory", label: "Directory", path: () => "/partners" },
  { key: "results", label: "Results page", path: () => "/partners?q=security" },
  { key: "contact", label: "Contact form", path: () => "/partners/contact?location=US&sel=fabrikam-partners&sel=adatum-consulting", robotsDisallowed: true },
  { key: "accept", label: "Invitation accept page", path: (s) => s.invitationToken && `/admin/invitations/${s.invitationToken}`, signedIn: true, robotsDisallowed: true },
  { key: "relationships", label: "Partner relationships", path: () => "/admin/settings/partner-relationships", signedIn: true, robotsDisallowed: true },
];

const env = process.env;
const runs = Math.max(1, Number(env.LIGHTHOUSE_RUNS ?? 3));
const wanted = env.LIGHTHOUSE_PAGES ? new Set(env.LIGHTHOUSE_PAGES.split(",").map((s) => s.trim())) : null;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * A pending invitation to the customer's Global administrator and a database session for them,
 * written with the app's own code (tsx, as `npm run db:seed` runs) to the database in `dbEnv`.
 * On the embedded database this runs before the server starts (one process owns PGlite at a time)
 * and also migrates and seeds it, as the server's first start would.
 */
function prepareSignedIn(dbEnv) {
  const code = `
    const { randomBytes } = await import("node:crypto");
    const { eq } = await import("drizzle-orm");
    const { startServer } = await import("@/lib/server-start");
    const { getDb, closeDb } = await import("@/db/client");
    const { sessions, users } = await import("@/db/schema");
    const { sendTestInvitation } = await import("./tests/support/invitations.ts");
    await startServer();
    const db = await getDb();
    const { token } = await sendTestInvitation(db);
    const [user] = await db.select().from(users).where(eq(users.email, ${JSON.stringify(CUSTOMER_ADMIN)}));
    const sessionToken = randomBytes(32).toString("hex");
    await db.insert(sessions).values({ sessionToken, userId: user.id, expires: new Date(Date.now() + 8 * 3600 * 1000) });
    await closeDb();
    process.stdout.write("\\n" + JSON.stringify({ token, sessionToken }) + "\\n");
  `;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--import", "./node-server.mjs", "--input-type=module", "-e", code], {
    env: { ...env, ...dbEnv },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`preparing the signed-in pages failed:\n${result.stderr || result.stdout}`);
  const { token, sessionToken } = JSON.parse(result.stdout.trim().split("\n").at(-1));
  return { invitationToken: token, cookie: `authjs.session-token=${sessionToken}` };
}

async function waitForServer(url, server, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server stopped (exit code ${server.exitCode})`);
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** `next start` (what `npm start` runs) on a fresh embedded database; returns its address and a stop function. */
async function startOwnServer() {
  const port = Number(env.LIGHTHOUSE_PORT ?? 3400);
  const distDir = env.NEXT_DIST_DIR || ".next";
  if (!existsSync(path.join(distDir, "BUILD_ID"))) {
    throw new Error(`no production build in ${distDir}: run \`npm run build\` first (or set NEXT_DIST_DIR)`);
  }
  const base = `http://localhost:${port}`;
  const dataDir = path.resolve(".data", `lighthouse-${port}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const serverEnv = {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: distDir,
    PGLITE_DIR: path.join(dataDir, "pglite"),
    DATABASE_URL: "",
    AUTH_SECRET: randomBytes(33).toString("base64"),
    AUTH_URL: base,
  };
  const signedIn = prepareSignedIn(serverEnv);
  const server = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(port)], {
    env: { ...env, ...serverEnv },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () => {
    if (server.exitCode === null) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    }
  };
  process.on("exit", stop);
  try {
    await waitForServer(`${base}/status`, server);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, signedIn, stop };
}

function summarizeRun(lhr) {
  const audits = lhr.audits;
  const lcpBreakdown = audits["largest-contentful-paint-element"]?.details?.items?.[1]?.items ?? [];
  const phase = (name) => lcpBreakdown.find((item) => item.phase === name)?.timing;
  const requests = audits["network-requests"]?.details?.items ?? [];
  const scripts = requests.filter((r) => r.resourceType === "Script");
  return {
    performance: Math.round(lhr.categories.performance.score * 100),
    accessibility: Math.round(lhr.categories.accessibility.score * 100),
    bestPractices: Math.round(lhr.categories["best-practices"].score * 100),
    seo: Math.round(lhr.categories.seo.score * 100),
    fcpMs: audits["first-contentful-paint"].numericValue,
    lcpMs: audits["largest-contentful-paint"].numericValue,
    tbtMs: audits["total-blocking-time"].numericValue,
    cls: audits["cumulative-layout-shift"].numericValue,
    siMs: audits["speed-index"].numericValue,
    ttfbMs: audits["server-response-time"]?.numericValue ?? null,
    lcpRenderDelayMs: phase("Render Delay") ?? null,
    jsTransferBytes: scripts.reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
    jsResourceBytes: scripts.reduce((sum, r) => sum + (r.resourceSize ?? 0), 0),
    scriptRequests: scripts.length,
    finalUrl: lhr.finalDisplayedUrl,
    seoFailures: lhr.categories.seo.auditRefs.filter((ref) => ref.weight > 0 && audits[ref.id].score !== null && audits[ref.id].score < 1).map((ref) => ref.id),
    failedAudits: Object.values(lhr.categories)
      .filter((c) => c.id !== "performance")
      .flatMap((c) => c.auditRefs.filter((ref) => ref.weight > 0 && audits[ref.id].score !== null && audits[ref.id].score < 1).map((ref) => `${c.id}:${ref.id}`)),
  };
}

async function measure(chrome, url, headers, reportPath) {
  const flags = {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    ...(headers ? { extraHeaders: headers } : {}),
  };
  const result = await lighthouse(url, flags);
  if (!result?.lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
  if (reportPath) writeFileSync(reportPath, result.report);
  return summarizeRun(result.lhr);
}

const fmt = {
  s: (ms) => `${(ms / 1000).toFixed(2)} s`,
  ms: (ms) => `${Math.round(ms)} ms`,
  kb: (bytes) => `${(bytes / 1024).toFixed(1)} kB`,
};

async function main() {
  let base = env.LIGHTHOUSE_BASE_URL?.replace(/\/$/, "");
  let signedIn = { invitationToken: env.LIGHTHOUSE_INVITATION_TOKEN ?? null, cookie: env.LIGHTHOUSE_COOKIE ?? null };
  let stop = () => {};
  if (base) {
    if (!signedIn.cookie && env.DATABASE_URL && env.AUTH_SECRET) signedIn = prepareSignedIn({});
  } else {
    ({ base, signedIn, stop } = await startOwnServer());
  }

  const chromePath = env.CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : await findChromium());
  if (!chromePath) throw new Error("no Chromium found: set CHROMIUM_PATH");
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: "silent" });
  const reportsDir = env.LIGHTHOUSE_REPORTS;
  if (reportsDir) mkdirSync(reportsDir, { recursive: true });

  const startedAt = new Date();
  const pages = [];
  try {
    for (const page of PAGES) {
      if (wanted && !wanted.has(page.key)) continue;
      const pagePath = page.path(signedIn);
      if (!pagePath || (page.signedIn && !signedIn.cookie)) {
        console.log(`${page.label}: skipped (no session${page.key === "accept" ? " or invitation token" : ""}; see the top of scripts/lighthouse.mjs)`);
        pages.push({ key: page.key, label: page.label, path: pagePath ?? null, skipped: true });
        continue;
      }
      const headers = page.signedIn ? { Cookie: signedIn.cookie } : undefined;
      const results = [];
      for (let i = 0; i < runs; i++) {
        const reportPath = reportsDir ? path.join(reportsDir, `${page.key}-${i + 1}.json`) : undefined;
        const run = await measure(chrome, base + pagePath, headers, reportPath);
        // A signed-in page that answered with the sign-in page measured the wrong thing.
        if (page.signedIn && new URL(run.finalUrl).pathname !== pagePath.split("?")[0]) {
          throw new Error(`${page.label} ended at ${run.finalUrl}: the session was not accepted`);
        }
        results.push(run);
        process.stdout.write(`${page.label} run ${i + 1}/${runs}: performance ${run.performance}, LCP ${fmt.s(run.lcpMs)}, TBT ${fmt.ms(run.tbtMs)}\n`);
      }
      const med = {};
      for (const key of ["performance", "accessibility", "bestPractices", "seo", "fcpMs", "lcpMs", "tbtMs", "cls", "siMs", "ttfbMs", "lcpRenderDelayMs", "jsTransferBytes", "jsResourceBytes", "scriptRequests"]) {
        const values = results.map((r) => r[key]).filter((v) => v !== null);
        med[key] = values.length ? median(values) : null;
      }
      med.seoFailures = [...new Set(results.flatMap((r) => r.seoFailures))];
      const checks = Object.fromEntries(Object.entries(TARGETS).map(([key, target]) => [key, target.pass(med, page) ? "PASS" : "FAIL"]));
      const failedAudits = [...new Set(results.flatMap((r) => r.failedAudits))];
      pages.push({
        key: page.key,
        label: page.label,
        path: page.key === "accept" ? "/admin/invitations/<token>" : pagePath,
        median: med,
        performanceRange: [Math.min(...results.map((r) => r.performance)), Math.max(...results.map((r) => r.performance))],
        checks,
        failedAudits,
        robotsDisallowed: Boolean(page.robotsDisallowed),
        runs: results.map(({ finalUrl: _finalUrl, failedAudits: _failed, seoFailures: _seo, ...rest }) => rest),
      });
    }
  } finally {
    await chrome.kill();
    stop();
  }

  const load = os.loadavg().map((v) => v.toFixed(2)).join(", ");
  console.log(`\nLighthouse ${LIGHTHOUSE_VERSION}, mobile, simulated throttling; median of ${runs} run(s); ${base}; load average ${load}\n`);
  const header = ["page", "perf", "a11y", "BP", "SEO", "FCP", "LCP", "LCP render delay", "TBT", "CLS", "JS (gzip)", "targets"];
  const rows = pages.map((p) => {
    if (p.skipped) return [p.label, "skipped", "", "", "", "", "", "", "", "", "", ""];
    const m = p.median;
    const failed = Object.entries(p.checks).filter(([, v]) => v === "FAIL").map(([k]) => TARGETS[k].label);
    return [
      p.label,
      p.performanceRange[0] === p.performanceRange[1] ? String(m.performance) : `${m.performance} (${p.performanceRange[0]}–${p.performanceRange[1]})`,
      String(m.accessibility),
      String(m.bestPractices),
      m.seo < 100 && p.checks.seo === "PASS" ? `${m.seo}*` : String(m.seo),
      fmt.s(m.fcpMs),
      fmt.s(m.lcpMs),
      m.lcpRenderDelayMs === null ? "–" : fmt.ms(m.lcpRenderDelayMs),
      fmt.ms(m.tbtMs),
      m.cls.toFixed(3),
      fmt.kb(m.jsTransferBytes),
      failed.length ? `FAIL: ${failed.join(", ")}` : "PASS",
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  if (pages.some((p) => p.checks?.seo === "PASS" && p.median.seo < 100)) {
    console.log("* only is-crawlable fails: public/robots.txt keeps crawlers out of this page on purpose");
  }
  for (const p of pages) if (p.failedAudits?.length) console.log(`${p.label}: audits below 100 in some run: ${p.failedAudits.join(", ")}`);

  const measured = pages.filter((p) => !p.skipped);
  const pass = measured.length > 0 && measured.every((p) => Object.values(p.checks).every((v) => v === "PASS"));
  const missing = measured.filter((p) => Object.values(p.checks).some((v) => v === "FAIL")).length;
  const skippedNote = pages.length > measured.length ? `, ${pages.length - measured.length} skipped` : "";
  console.log(`\n${pass ? "PASS" : "FAIL"}: ${missing} of ${measured.length} page(s) miss a target (${Object.values(TARGETS).map((t) => t.label).join(", ")})${skippedNote}`);

  if (env.LIGHTHOUSE_JSON) {
    const summary = {
      lighthouse: LIGHTHOUSE_VERSION,
      formFactor: "mobile",
      throttling: "simulate",
      runs,
      baseUrl: base,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      loadAverage: os.loadavg(),
      targets: Object.fromEntries(Object.entries(TARGETS).map(([key, t]) => [key, t.label])),
      pass,
      pages,
    };
    mkdirSync(path.dirname(path.resolve(env.LIGHTHOUSE_JSON)), { recursive: true });
    writeFileSync(env.LIGHTHOUSE_JSON, `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`Summary written to ${env.LIGHTHOUSE_JSON}`);
  }
  return pass ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
