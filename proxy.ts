import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { auth } from "@/auth";
import { isProtectedPath } from "@/lib/auth/paths";
import { contentSecurityPolicy } from "@/lib/security/csp";
import { refuseUnsafeRequest } from "@/lib/security/request-guard";

/** Every page gets its own Content-Security-Policy nonce, passed to the render in `x-nonce`. */
function withPolicy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

const RAW_MESSAGE = /^\/dev\/mailbox\/[^/]+\/raw$/;

// Signed-out visitors of the signed-in areas are sent to sign in by the `authorized` callback (auth.ts).
const withSession = auth((request) => withPolicy(request));

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const refused = refuseUnsafeRequest(request);
  if (refused) return new NextResponse(refused.message, { status: refused.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  // The mailbox's raw message frame sets its own, stricter policy.
  if (RAW_MESSAGE.test(request.nextUrl.pathname)) return NextResponse.next();
  // Public pages admit everyone, so Auth.js has nothing to decide there; pages that show who is
  // signed in read the session themselves (getActor).
  if (!isProtectedPath(request.nextUrl.pathname)) return withPolicy(request);
  // With its configuration loaded lazily, Auth.js hands the wrapped handler back through a promise.
  const handler = (await withSession) as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response>;
  return handler(request, event);
}

export const config = {
  // Everything but static files: the build's assets, and public/'s files and the manifest, which hold
  // no page to protect and need no nonce (each name matched whole, so a 404 under it still gets its policy).
  matcher: ["/((?!_next/static|_next/image|(?:favicon\\.ico|apple-touch-icon\\.png|icon\\.svg|manifest\\.webmanifest|robots\\.txt|\\.well-known/security\\.txt)$).*)"],
};
