import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomUUID } from "node:crypto";
import { desc, gt, sql } from "drizzle-orm";
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";
import type { DbOrTx } from "@/db/client";
import { signingKeys } from "@/db/schema";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { DAY_MS } from "@/lib/time";

/*
 * The keys access tokens are signed with (ES256). A key signs for 30 days, then a new one takes over; the
 * old one stays published at /.well-known/jwks.json a day longer than any token it signed can live. Private
 * keys are stored encrypted with AES-256-GCM under a key from the environment: TOKEN_KEYS_SECRET, or one
 * derived (HKDF) from AUTH_SECRET when it is not set.
 */

export const TOKEN_ALG = "ES256";
const SIGNS_FOR_MS = 30 * DAY_MS;
const PUBLISHED_AFTER_RETIRING_MS = DAY_MS;

function encryptionKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const secret = env.TOKEN_KEYS_SECRET || ensureAuthSecret(env);
  return Buffer.from(hkdfSync("sha256", secret, "partnerships", "access-token signing keys", 32));
}

export function sealPrivateKey(jwk: JWK, key = encryptionKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(jwk), "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url")).join(".");
}

export function openPrivateKey(sealed: string, key = encryptionKey()): JWK {
  const [iv, tag, body] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  const decipher = createDecipheriv("aes-256-gcm", key, iv!);
  decipher.setAuthTag(tag!);
  return JSON.parse(Buffer.concat([decipher.update(body!), decipher.final()]).toString("utf8")) as JWK;
}

const privateKeys = new Map<string, CryptoKey>();

/** The signing key this process uses until it retires (read from the database once, not per token); one per process. */
const cache = globalThis as typeof globalThis & { __partnershipsSigningKey?: { kid: string; key: CryptoKey; retiresAt: number } };

/** Forget the cached signing key (tests that empty the database; an operator who deleted keys). */
export function forgetSigningKey(): void {
  cache.__partnershipsSigningKey = undefined;
}

/** The key that signs now, made (or rotated) when there is none younger than 30 days; one maker at a time. */
export async function currentSigningKey(db: DbOrTx, now = new Date()): Promise<{ kid: string; key: CryptoKey }> {
  const current = cache.__partnershipsSigningKey;
  if (current && current.retiresAt > now.getTime()) return current;
  let [row] = await db.select().from(signingKeys).where(gt(signingKeys.retiresAt, now)).orderBy(desc(signingKeys.createdAt)).limit(1);
  if (!row) {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext('signing-keys'))`);
    [row] = await db.select().from(signingKeys).where(gt(signingKeys.retiresAt, now)).orderBy(desc(signingKeys.createdAt)).limit(1);
    if (!row) {
      const pair = await generateKeyPair(TOKEN_ALG, { extractable: true });
      const kid = randomUUID();
      const { kty, crv, x, y } = await exportJWK(pair.publicKey);
      const publicJwk: Record<string, string> = { kty: kty!, crv: crv!, x: x!, y: y!, kid, alg: TOKEN_ALG, use: "sig" };
      [row] = await db
        .insert(signingKeys)
        .values({ kid, publicJwk, privateJwkEncrypted: sealPrivateKey(await exportJWK(pair.privateKey)), createdAt: now, retiresAt: new Date(now.getTime() + SIGNS_FOR_MS) })
        .returning();
    }
  }
  let key = privateKeys.get(row!.kid);
  if (!key) {
    key = (await importJWK(openPrivateKey(row!.privateJwkEncrypted), TOKEN_ALG)) as CryptoKey;
    privateKeys.set(row!.kid, key);
  }
  cache.__partnershipsSigningKey = { kid: row!.kid, key, retiresAt: row!.retiresAt.getTime() };
  return cache.__partnershipsSigningKey;
}

/** The public keys a verifier needs: every key still signing, and each retired one until its last token expired. */
export async function publishedKeys(db: DbOrTx, now = new Date()): Promise<{ keys: Record<string, string>[] }> {
  const rows = await db
    .select({ publicJwk: signingKeys.publicJwk })
    .from(signingKeys)
    .where(gt(signingKeys.retiresAt, new Date(now.getTime() - PUBLISHED_AFTER_RETIRING_MS)))
    .orderBy(desc(signingKeys.createdAt));
  return { keys: rows.map((r) => r.publicJwk) };
}
