/** Signed-in areas; "/partners" (the public directory) is not "/partner". */
const PROTECTED_AREAS = ["/admin", "/partner", "/home"];

export function isProtectedPath(pathname: string): boolean {
  return PROTECTED_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}

/**
 * Keeps a return path only when it stays on this site: a relative path, not "//host" or a
 * scheme, so a sign-in link can never send someone elsewhere.
 */
export function safeReturnPath(value: unknown, fallback = "/home"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  try {
    const parsed = new URL(value, "http://same-origin.invalid");
    if (parsed.origin !== "http://same-origin.invalid") return fallback;
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return fallback;
  }
}

export function signInPath(returnTo?: string): string {
  const target = safeReturnPath(returnTo, "");
  return target ? `/signin?callbackUrl=${encodeURIComponent(target)}` : "/signin";
}

/** Where a sign-in returns to when the address itself must not travel in a URL (it holds a token). */
export const RETURN_COOKIE = "partnerships-return-to";

export function carriesSecret(pathname: string): boolean {
  return pathname.startsWith("/admin/invitations/");
}

/** Auth.js's session cookie over http; over https it carries the `__Secure-` prefix. */
export const SESSION_COOKIE = "authjs.session-token";
/** Without either, nobody is signed in. */
export const SESSION_COOKIES = [SESSION_COOKIE, `__Secure-${SESSION_COOKIE}`] as const;

export function hasSessionCookie(jar: { has(name: string): boolean }): boolean {
  return SESSION_COOKIES.some((name) => jar.has(name));
}
