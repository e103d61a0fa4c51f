/** Signed-in areas; "/partners" (the public directory) is not "/partner". */
const PROTECTED_AREAS = ["/admin", "/partner", "/home"];

export function isProtectedPath(pathname: string): boolean {
  return PROTECTED_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}

const MAX_RETURN_PATH = 2048;
/** Any origin does: a return path is judged by whether a browser stays on the origin it resolves it against. */
const HERE = new URL("https://return-path.invalid/");

/**
 * What a browser reads as a path of the current site, before it resolves it: leading spaces and
 * control characters and every tab and newline are dropped, and "\" counts as "/".
 */
function readsAsPath(value: string): boolean {
  return /^[\u0000-\u0020]*[/\\]/.test(value.replace(/[\t\n\r]/g, ""));
}

/** A path that keeps a browser here: resolved against our origin, it neither leaves it nor begins "//". */
function staysHere(path: string): boolean {
  try {
    const url = new URL(path, HERE);
    return url.origin === HERE.origin && !url.pathname.startsWith("//");
  } catch {
    return false;
  }
}

/** ASCII percent-escapes decoded, as a server or proxy on the way may do (UTF-8 sequences are never "/" or "."). */
const decodeAsciiEscapes = (path: string) => path.replace(/%([0-7][0-9a-f])/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * The return path a sign-in may send someone to, or `fallback`. The value is normalized first,
 * exactly as a browser resolves a Location header (dot segments resolved, "\" read as "/", tabs and
 * newlines dropped, everything else percent-encoded), and only then judged: the result must stay on
 * this site as it is and after any number of percent-decodings. Judging the raw string and returning
 * the parsed one let "/.//evil.example" out as "//evil.example". Every return path goes through here
 * (the sign-in page and form, the signed-out redirect, Auth.js's redirect callback), and the result
 * is its own normal form: judging it again returns it unchanged.
 */
export function safeReturnPath(value: unknown, fallback = "/home"): string {
  if (typeof value !== "string" || value.length > MAX_RETURN_PATH || !readsAsPath(value)) return fallback;
  let normalized: string;
  try {
    const url = new URL(value, HERE);
    if (url.origin !== HERE.origin) return fallback;
    normalized = `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
  for (let path = normalized, previous = ""; path !== previous; previous = path, path = decodeAsciiEscapes(path)) {
    if (!staysHere(path)) return fallback;
  }
  return normalized;
}

/**
 * A callback URL as Auth.js handles it (one of our own absolute addresses, or a path) as a safe
 * path: our address is reduced to its path, anything else goes through safeReturnPath as given.
 */
export function safeCallbackPath(value: string, ownOrigins: readonly string[]): string {
  if (URL.canParse(value)) {
    const absolute = new URL(value);
    if (ownOrigins.includes(absolute.origin)) return safeReturnPath(`${absolute.pathname}${absolute.search}${absolute.hash}`);
  }
  return safeReturnPath(value);
}

/** Auth.js's redirect callback: every redirect it makes leaves through the one return-path rule. */
export function authRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  return `${baseUrl}${safeCallbackPath(url, [baseUrl])}`;
}

export function signInPath(returnTo?: string): string {
  const target = safeReturnPath(returnTo, "");
  return target ? `/signin?callbackUrl=${encodeURIComponent(target)}` : "/signin";
}

/** Where a sign-in returns to when the address itself must not travel in a URL (it holds a token). */
export const RETURN_COOKIE = "partnerships-return-to";

/** How long a sign-in link works, and so how long the return cookie is kept for it. */
export const MAGIC_LINK_MAX_AGE_SECONDS = 30 * 60;

export function carriesSecret(pathname: string): boolean {
  return pathname.startsWith("/admin/invitations/");
}

/** Auth.js's session cookie over http; over https it carries the `__Secure-` prefix. */
export const SESSION_COOKIE = "authjs.session-token";
