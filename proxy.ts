import { NextResponse, type NextRequest } from "next/server";
import { carriesSecret, isProtectedPath, MAGIC_LINK_MAX_AGE_SECONDS, RETURN_COOKIE, signInPath } from "@/lib/auth/paths";
import { readSession, sessionCookieName, sessionTokenFrom, usesSecureCookie } from "@/lib/auth/session";
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

/** A signed-out visitor of a signed-in area is sent to sign in, and comes back after. */
function toSignIn(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const target = `${pathname}${search}`;
  if (!carriesSecret(pathname)) return NextResponse.redirect(new URL(signInPath(target), request.nextUrl));
  // An invitation address holds its token: keep it out of the sign-in page's URL and HTML.
  const response = NextResponse.redirect(new URL("/signin", request.nextUrl));
  response.cookies.set(RETURN_COOKIE, target, {
    httpOnly: true,
    sameSite: "lax",
    secure: request.nextUrl.protocol === "https:",
    path: "/",
    maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
  });
  return response;
}


/**
 * The signed-in areas: a signed-out visitor goes to sign in (a cookie of a session that ended is
 * removed, as Auth.js does); a signed-in one gets the page, and the cookie's expiry follows the
 * session's, which slides forward as it is used. The session read here is cached for the page
 * behind it (lib/auth/session.ts), so the request reads it from the database once at most.
 */
async function signedInArea(request: NextRequest): Promise<NextResponse> {
  const secure = usesSecureCookie(request.nextUrl.protocol);
  const token = sessionTokenFrom(request.cookies, secure);
  const session = token ? await readSession(token) : null;
  // The session cookie as Auth.js writes it.
  const cookie = { name: sessionCookieName(secure), httpOnly: true, sameSite: "lax", path: "/", secure } as const;
  if (!token || !session) {
    const response = toSignIn(request);
    if (token) response.cookies.set({ ...cookie, value: "", maxAge: 0 });
    return response;
  }
  const response = withPolicy(request);
  response.cookies.set({ ...cookie, value: token, expires: session.expires });
  return response;
}

export async function proxy(request: NextRequest) {
  const refused = refuseUnsafeRequest(request);
  if (refused) return new NextResponse(refused.message, { status: refused.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  // The mailbox's raw message frame sets its own, stricter policy.
  if (RAW_MESSAGE.test(request.nextUrl.pathname)) return NextResponse.next();
  // Public pages admit everyone, so there is nothing to decide there; pages that show who is
  // signed in read the session themselves (getActor).
  if (!isProtectedPath(request.nextUrl.pathname)) return withPolicy(request);
  return signedInArea(request);
}

export const config = {
  // Everything but static files: the build's assets, and public/'s files and the manifest, which hold
  // no page to protect and need no nonce (each name matched whole, so a 404 under it still gets its policy).
  matcher: ["/((?!_next/static|_next/image|(?:favicon\\.ico|apple-touch-icon\\.png|icon\\.svg|manifest\\.webmanifest|robots\\.txt|\\.well-known/security\\.txt)$).*)"],
};
