// Screenshots of the main pages at desktop (1440×900) and phone (390×844) size, into docs/screens/,
// with a README that lists them. It builds the app for production when the build is missing or older
// than the sources (--build forces it), starts it on a port of its own with a fresh embedded database
// (the demo data and the local mailbox, like the browser tests), walks a short story through the real UI
// (a visitor contacts two partners; Fabrikam invites Contoso; Contoso's Global administrator accepts
// GDAP, and a Reseller invitation waits), signs in through the real magic links, and saves one PNG per
// page and size under a stable name. Pages listed as optional are skipped while they don't exist.
//
//   npm run screens                 build if needed, start, shoot, stop
//   npm run screens -- --build      build first in any case
//   npm run screens -- --no-build   use the build as it is (SCREENS_SKIP_BUILD=1 too)
//   SCREENS_BASE_URL=http://localhost:3000 npm run screens   use a server already running (MAILBOX on)
//
// NEXT_DIST_DIR (default .next-screens), SCREENS_PORT (default 3180), CHROMIUM_PATH.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { ensureChromium } from "./chromium.mjs";

const OUT = path.resolve("docs/screens");
const DIST = process.env.NEXT_DIST_DIR || ".next-screens";
const PORT = Number(process.env.SCREENS_PORT ?? 3180);
const BASE_URL = process.env.SCREENS_BASE_URL || `http://localhost:${PORT}`;
const SIZES = {
  // A desktop page down to 1,800 px (most fit whole); a phone's first screen, at a phone's pixel density.
  desktop: { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, maxHeight: 1800 },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, maxHeight: 844 },
};
const ADMIN = "admin@contoso.example";
const AGENT = "agent@fabrikam.example";

/** The pages, in the README's order. `path` is an address, or a function of the story's results. */
const PAGES = [
  { name: "home", title: "Home", who: null, path: "/" },
  { name: "directory", title: "Find a partner (search results)", who: null, path: "/partners?q=security" },
  { name: "partner-profile", title: "A partner's profile", who: null, path: "/partners/fabrikam-partners" },
  { name: "contact", title: "Contact selected providers", who: null, path: "/partners/contact?sel=fabrikam-partners&sel=adatum-consulting" },
  { name: "admin-home", title: "Admin center: Home", who: ADMIN, path: "/admin" },
  { name: "admin-relationships", title: "Admin center: Partner relationships", who: ADMIN, path: "/admin/settings/partner-relationships" },
  { name: "admin-relationship", title: "Admin center: a partner's details (GDAP roles)", who: ADMIN, path: (s) => s.relationshipPath, shownPath: "/admin/settings/partner-relationships/{id}" },
  { name: "admin-invitation", title: "Admin center: an invitation to review (Reseller)", who: ADMIN, path: (s) => s.reviewPath, shownPath: "/admin/invitations/{token}" },
  { name: "admin-activity", title: "Admin center: Activity", who: ADMIN, path: "/admin/activity", optional: true },
  { name: "partner-overview", title: "Partner portal: Overview", who: AGENT, path: "/partner" },
  { name: "partner-requests", title: "Partner portal: Customer requests", who: AGENT, path: "/partner/requests" },
  { name: "partner-invitations", title: "Partner portal: Invitations", who: AGENT, path: "/partner/invitations" },
  { name: "partner-new-invitation", title: "Partner portal: New invitation", who: AGENT, path: "/partner/invitations/new" },
  { name: "partner-customers", title: "Partner portal: Customers", who: AGENT, path: "/partner/customers" },
  { name: "partner-customer", title: "Partner portal: a customer", who: AGENT, path: (s) => s.customerPath, shownPath: "/partner/customers/{id}", optional: true },
  { name: "partner-activity", title: "Partner portal: Activity", who: AGENT, path: "/partner/activity", optional: true },
];

const SOURCES = ["app", "components", "lib", "emails", "db", "public", "proxy.ts", "auth.ts", "instrumentation.ts", "next.config.mjs", "postcss.config.mjs", "package.json"];

/** The newest modification time among the sources the build is made of. */
function newestSource(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestSource(path.join(entry, name))));
}

function buildIfNeeded(env) {
  const buildId = path.join(DIST, "BUILD_ID");
  const skip = process.argv.includes("--no-build") || process.env.SCREENS_SKIP_BUILD === "1";
  const stale = !existsSync(buildId) || (!skip && statSync(buildId).mtimeMs < Math.max(...SOURCES.map(newestSource)));
  if (!stale && !process.argv.includes("--build")) {
    console.log(`Using the build in ${DIST}.`);
    return;
  }
  console.log(`Building into ${DIST}…`);
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function waitForServer(server) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}.`);
    const ok = await fetch(`${BASE_URL}/`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`${BASE_URL} did not answer within 3 minutes.`);
}

/** Starts the production server on its own port and fresh database; returns a function that stops it. */
async function startServer() {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: DIST };
  buildIfNeeded(env);
  const data = path.resolve(".data", `screens-${PORT}`);
  rmSync(data, { recursive: true, force: true });
  console.log(`Starting the server on ${BASE_URL}…`);
  const server = spawn("npx", ["next", "start", "-p", String(PORT)], {
    // Its own process group, so stopping it stops the processes it starts too.
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...env,
      NODE_ENV: "production",
      PGLITE_DIR: path.join(data, "pglite"),
      AUTH_SECRET: "screens-only-secret-0123456789abcdefghijklmnopqrstuvwxyz",
      AUTH_URL: BASE_URL,
      MAILBOX: "1",
    },
  });
  const stop = () => {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  };
  process.on("exit", stop);
  await waitForServer(server);
  return stop;
}

/** A new context at a size; generous waits, as the machine may be busy (or a development server compiling). */
async function newContext(browser, size, storageState) {
  const { maxHeight: _, ...options } = SIZES[size];
  const context = await browser.newContext({ ...options, baseURL: BASE_URL, storageState });
  context.setDefaultTimeout(60_000);
  context.setDefaultNavigationTimeout(120_000);
  return context;
}

async function visible(locator) {
  await locator.first().waitFor({ state: "visible", timeout: 60_000 });
  return locator.first();
}

/** Opens the newest message to `to` whose subject matches, in the local mailbox. */
async function openLatestEmail(page, to, subject) {
  await page.goto("/dev/mailbox");
  const row = page.getByRole("row").filter({ hasText: to }).filter({ has: page.getByRole("link", { name: subject }) });
  await (await visible(row)).getByRole("link", { name: subject }).click();
  await visible(page.getByRole("heading", { level: 1, name: subject }));
  return page.getByRole("region", { name: "Links in this message" });
}

/** A desktop context signed in through the real magic link. */
async function signedIn(browser, email) {
  const context = await newContext(browser, "desktop");
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send sign-in link" }).click();
  await visible(page.getByRole("heading", { name: "Check your email" }));
  const links = await openLatestEmail(page, email, "Your sign-in link for Partnerships");
  await links.getByRole("link", { name: "Sign in" }).click();
  await visible(page.getByRole("banner").getByRole("button", { name: "Sign out" }));
  return context;
}

/** The agent sends an invitation; returns the review link in the customer's email (a path). */
async function sendInvitation(agent, { to, type, roles = [], durationDays }) {
  await agent.goto("/partner/invitations/new");
  await agent.getByLabel("Customer email").fill(to);
  await agent.getByRole("radio", { name: type }).check();
  for (const role of roles) await agent.getByRole("checkbox", { name: role }).check();
  if (durationDays) await agent.getByLabel("Duration (days)").fill(String(durationDays));
  await agent.getByRole("button", { name: "Send invitation" }).click();
  await visible(agent.getByText(/Invitation sent to/));
  const links = await openLatestEmail(agent, to, /invites you to a/);
  const href = await links.getByRole("link", { name: "Review the request" }).getAttribute("href");
  return new URL(href, BASE_URL).pathname;
}

/** The demo story, through the real UI; returns the addresses of the pages it made. */
async function story(browser, contexts) {
  const visitor = await (await newContext(browser, "desktop")).newPage();
  await visitor.goto("/partners/contact?sel=fabrikam-partners&sel=adatum-consulting");
  await visitor.getByLabel("Your name").fill("Megan Bowen");
  await visitor.getByLabel("Work email").fill("megan@contoso.example");
  await visitor.getByLabel("Company").fill("Contoso");
  await visitor.getByLabel("Country/region").selectOption({ label: "United States" });
  await visitor.getByLabel("Organization size").selectOption({ label: "1,000–9,999 employees" });
  await visitor.getByLabel("Describe your business needs").fill("We want to secure identities and devices for 1,200 people before our audit in March.");
  await visitor.getByRole("button", { name: "Send" }).click();
  await visible(visitor.getByRole("heading", { name: "Your request was sent" }));
  await visitor.context().close();

  const agent = await contexts.get(AGENT).newPage();
  const admin = await contexts.get(ADMIN).newPage();
  const gdap = await sendInvitation(agent, {
    to: ADMIN,
    type: /^Granular delegated administrator/,
    roles: [/^Helpdesk administrator/, /^User administrator/, /^Reports reader/],
    durationDays: 365,
  });
  await admin.goto(gdap);
  await admin.getByRole("checkbox", { name: "I have read and acknowledge the Customer Agreement" }).check();
  await admin.getByRole("button", { name: "Accept & Authorize" }).click();
  await visible(admin.getByRole("heading", { level: 1, name: "Partner relationships" }));
  await admin.getByRole("table").getByRole("link", { name: "Fabrikam Partners", exact: true }).click();
  await visible(admin.getByRole("heading", { level: 1, name: "Fabrikam Partners" }));
  const relationshipPath = new URL(admin.url()).pathname;

  await sendInvitation(agent, { to: "admin@northwind.example", type: /^Advisor/ });
  const reviewPath = await sendInvitation(agent, { to: ADMIN, type: /^Reseller(?! &)/ });

  let customerPath;
  await agent.goto("/partner/customers");
  const customer = agent.getByRole("table").getByRole("link", { name: "Contoso" });
  if ((await customer.count()) > 0) customerPath = await customer.first().getAttribute("href");
  await agent.close();
  await admin.close();
  return { relationshipPath, reviewPath, customerPath };
}

async function shoot(page, target, file, maxHeight) {
  const response = await page.goto(target);
  if (!response || response.status() >= 400) return response?.status() ?? 0;
  await visible(page.getByRole("heading", { level: 1 }));
  await page.evaluate(() => document.fonts.ready);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const width = page.viewportSize().width;
  await page.screenshot({ path: file, animations: "disabled", caret: "hide", fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, maxHeight) } });
  return response.status();
}

function writeReadme(shot) {
  const rows = shot.map((p) => `| ${p.title} | \`${p.shownPath}\` | ${p.who ?? "visitor"} | [desktop](${p.name}-desktop.png) | [phone](${p.name}-phone.png) |`);
  const text = `# Screens

The main pages of Partnerships as a visitor, a customer's Global administrator (${ADMIN}) and a
partner's admin agent (${AGENT}) see them, at desktop size (1440×900, the page down to 1,800 px) and
phone size (390×844, the first screen at 2× density). They come from the demo data after a short story
walked through the real UI: a visitor contacts Fabrikam Partners and Adatum Consulting; Fabrikam invites
Contoso to GDAP (accepted), Northwind to Advisor and Contoso to Reseller (both pending).

Regenerate them with \`npm run screens\` (see scripts/screens.mjs: it builds when the build is older than the
sources, starts the production server on its own port and fresh database, and replaces these files).

| Page | Address | Signed in as | Desktop | Phone |
| --- | --- | --- | --- | --- |
${rows.join("\n")}

${shot.map((p) => `## ${p.title}\n\n<img src="${p.name}-desktop.png" alt="${p.title} at desktop size" width="720"> <img src="${p.name}-phone.png" alt="${p.title} at phone size" width="195">\n`).join("\n")}`;
  writeFileSync(path.join(OUT, "README.md"), text);
}

async function main() {
  const stop = process.env.SCREENS_BASE_URL ? () => {} : await startServer();
  const browser = await chromium.launch({ executablePath: await ensureChromium(), args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const contexts = new Map();
    for (const email of [ADMIN, AGENT]) contexts.set(email, await signedIn(browser, email));
    const found = await story(browser, contexts);
    console.log("Story done:", found);

    mkdirSync(OUT, { recursive: true });
    const shot = [];
    for (const [size, options] of Object.entries(SIZES)) {
      const pages = new Map();
      for (const who of [null, ADMIN, AGENT]) {
        const storageState = who ? await contexts.get(who).storageState() : undefined;
        pages.set(who, await (await newContext(browser, size, storageState)).newPage());
      }
      for (const entry of PAGES) {
        const target = typeof entry.path === "function" ? entry.path(found) : entry.path;
        if (!target) {
          if (!entry.optional) throw new Error(`No address for ${entry.name}.`);
          continue;
        }
        const file = path.join(OUT, `${entry.name}-${size}.png`);
        const status = await shoot(pages.get(entry.who), target, file, options.maxHeight);
        if (status >= 400) {
          if (!entry.optional) throw new Error(`${target} answered ${status}.`);
          console.log(`- ${entry.name}: ${target} answered ${status}, skipped`);
          continue;
        }
        console.log(`- ${path.relative(process.cwd(), file)}`);
        if (size === "desktop") shot.push({ ...entry, shownPath: entry.shownPath ?? target });
      }
    }
    // Only this run's pictures stay.
    const names = new Set(shot.flatMap((p) => [`${p.name}-desktop.png`, `${p.name}-phone.png`]));
    for (const file of readdirSync(OUT)) if (file.endsWith(".png") && !names.has(file)) rmSync(path.join(OUT, file));
    writeReadme(shot);
    console.log(`${shot.length} pages, ${names.size} screenshots in ${path.relative(process.cwd(), OUT)}.`);
  } finally {
    await browser.close();
    stop();
  }
}

await main();
