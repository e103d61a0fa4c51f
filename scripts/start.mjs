// `npm start`: the production server. Without AUTH_SECRET it uses (and keeps) a generated one
// under .data/ so a local production build runs with no setup; deployments must set their own.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

if (!process.env.AUTH_SECRET) {
  const file = path.resolve(".data", "auth-secret");
  let secret = "";
  try {
    secret = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    secret = randomBytes(33).toString("base64");
    writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  }
  process.env.AUTH_SECRET = secret;
  console.warn(`AUTH_SECRET is not set: using the local secret in ${path.relative(process.cwd(), file)}. Set AUTH_SECRET in production.`);
}

// Run Next.js's own CLI in this process (no second Node process just to pass signals on).
process.argv = [process.argv[0], path.resolve("node_modules/next/dist/bin/next"), "start", ...process.argv.slice(2)];
await import(path.resolve("node_modules/next/dist/bin/next"));
