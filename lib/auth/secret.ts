import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const LOCAL_SECRET_FILE = path.join(".data", "auth-secret");

/**
 * Returns AUTH_SECRET. A local run without one gets a generated secret kept under .data/ so
 * sessions survive restarts: `npm run dev`, and `npm start` on the embedded database (which only
 * ever serves one machine). A production server on a database server refuses to start without
 * a configured secret, so no two instances sign with secrets of their own.
 */
export function ensureAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production" && env.DATABASE_URL) {
    throw new Error("AUTH_SECRET is not set. Generate one (openssl rand -base64 33) and set it before starting in production.");
  }
  const secret = readOrCreateLocalSecret();
  if (env.NODE_ENV === "production") {
    console.warn(`AUTH_SECRET is not set: using the local secret in ${LOCAL_SECRET_FILE} (embedded database). Set AUTH_SECRET in production.`);
  }
  env.AUTH_SECRET = secret;
  return secret;
}

export function readOrCreateLocalSecret(file = path.resolve(LOCAL_SECRET_FILE)): string {
  try {
    const existing = readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // Not created yet.
  }
  mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
  const secret = randomBytes(33).toString("base64");
  writeFileSync(/*turbopackIgnore: true*/ file, `${secret}\n`, { mode: 0o600, flag: "w" });
  return secret;
}
