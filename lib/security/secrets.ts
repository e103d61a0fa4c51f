import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/**
 * Whether `given` is `expected`, compared as SHA-256 digests: both sides are 32 bytes whatever was
 * sent, so the time taken reveals neither the secret's length nor how much of it matched, and no
 * input (longer, shorter, non-ASCII) can make the comparison itself fail.
 */
export function isSameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** The credentials of `Authorization: Bearer <token>`; the scheme name is case-insensitive (RFC 9110). */
export function bearerToken(authorization: string | null): string | null {
  return /^bearer +(.+)$/i.exec(authorization ?? "")?.[1] ?? null;
}

/** A request carries the configured secret as its bearer token; with no secret configured, none does. */
export function hasBearerSecret(request: Request, secret: string | undefined): boolean {
  const token = bearerToken(request.headers.get("authorization"));
  if (!secret || token === null) return false;
  return isSameSecret(token, secret);
}
