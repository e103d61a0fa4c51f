import { NextRequest } from "next/server";
import { configuredSiteUrl } from "@/lib/site";
import { safeCallbackPath } from "./paths";

/** Auth.js's cookie holding the callback URL, over http and over https. */
const CALLBACK_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

/**
 * The request Auth.js's own routes receive, with every callback URL (query parameters and
 * Auth.js's callback cookie) replaced by what the one return-path rule makes of it.
 */
export function withSafeCallbackUrls(request: NextRequest): NextRequest {
  const configured = configuredSiteUrl();
  const origins = configured ? [request.nextUrl.origin, configured.origin] : [request.nextUrl.origin];
  const url = new URL(request.url);
  const given = url.searchParams.getAll("callbackUrl");
  if (given.length > 0) url.searchParams.set("callbackUrl", safeCallbackPath(given[0]!, origins));
  const headers = new Headers(request.headers);
  const cookie = headers.get("cookie");
  if (cookie) {
    const rewritten = cookie
      .split(/;\s*/)
      .map((pair) => {
        const at = pair.indexOf("=");
        const name = at < 0 ? pair : pair.slice(0, at);
        if (!CALLBACK_COOKIES.includes(name)) return pair;
        let value = pair.slice(at + 1);
        try {
          value = decodeURIComponent(value);
        } catch {
          value = "";
        }
        return `${name}=${encodeURIComponent(safeCallbackPath(value, origins))}`;
      })
      .join("; ");
    headers.set("cookie", rewritten);
  }
  return new NextRequest(url, new Request(request, { headers }));
}
