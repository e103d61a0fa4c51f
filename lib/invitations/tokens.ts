import "server-only";
import { createHash, createHmac, randomBytes } from "node:crypto";
import { ensureAuthSecret } from "@/lib/auth/secret";

/** 256 random bits, stored with the invitation. */
export function newTokenSalt(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The emailed token: an HMAC of the invitation's random salt under the server secret. Resend can
 * derive the same link again, yet the database holds only the salt and the token's hash, so a
 * copy of the database alone opens no invitation.
 */
export function invitationToken(salt: string, secret = ensureAuthSecret()): string {
  return createHmac("sha256", secret).update(`invitation:${salt}`).digest("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Tokens are 43 base64url characters; anything else is not worth a database look-up. */
export function isWellFormedToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
