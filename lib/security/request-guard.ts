import { configuredSiteUrl } from "@/lib/site";

/** The most a form or server action may send: Next.js's own server-action limit, refused up front. */
export const MAX_BODY_BYTES = 1024 * 1024;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The hosts this app answers as: the request's own (as Next.js's server-action check reads it) and its configured address's. */
function ownHosts(headers: Headers, env: Readonly<Record<string, string | undefined>>): Set<string> {
  const hosts = new Set<string>();
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  if (forwarded) hosts.add(forwarded.toLowerCase());
  const host = headers.get("host")?.trim();
  if (host) hosts.add(host.toLowerCase());
  const configured = configuredSiteUrl(env);
  if (configured) hosts.add(configured.host.toLowerCase());
  return hosts;
}

function decodesAsUtf8(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses, before any handler runs, an address that is not text (malformed percent-escapes), a
 * state-changing request that another site's page sent (an Origin that is not ours, or the opaque
 * "null" of sandboxed frames and some redirects), and a body over the limit. Next.js would refuse
 * each of them too, but as a 500. A request without Origin
 * is not from a browser's form or fetch (a scheduler, curl) and carries no ambient session here
 * that it did not bring itself, so it passes to the handler's own checks.
 */
export function refuseUnsafeRequest(
  request: { method: string; headers: Headers; nextUrl: { pathname: string } },
  env: Readonly<Record<string, string | undefined>> = process.env,
): { status: 400 | 403 | 411 | 413; message: string } | null {
  // A path whose percent-escapes are not UTF-8 names nothing here; Next.js would fail decoding a
  // dynamic segment of it with a 500.
  if (!decodesAsUtf8(request.nextUrl.pathname)) return { status: 400, message: "This address is malformed." };
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    let host: string | null = null;
    try {
      const parsed = new URL(origin);
      if (parsed.protocol === "http:" || parsed.protocol === "https:") host = parsed.host.toLowerCase();
    } catch {
      host = null;
    }
    if (!host || !ownHosts(request.headers, env).has(host)) {
      return { status: 403, message: "This request came from another site and was refused." };
    }
  }
  const length = request.headers.get("content-length");
  // Browsers send every form and fetch body with its length; a streamed body of unknown size
  // could only be measured by reading it, which Next.js does and then answers 500.
  if (length === null && request.headers.has("transfer-encoding")) {
    return { status: 411, message: "Send the request with a Content-Length." };
  }
  // Node.js refuses a malformed Content-Length itself.
  if (length !== null && /^\d+$/.test(length.trim()) && Number(length) > MAX_BODY_BYTES) {
    return { status: 413, message: "This request is too large. Forms accept at most 1 MB." };
  }
  return null;
}
