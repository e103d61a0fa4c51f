import { NextResponse } from "next/server";
import { auth } from "@/auth";
import { contentSecurityPolicy } from "@/lib/security/csp";

// Signed-out visitors of the signed-in areas are sent to sign in by the `authorized` callback (auth.ts);
// every page gets its Content-Security-Policy here.
export const proxy = auth((request) => {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
});

export const config = {
  // Everything but static files and the mailbox's raw message frame (which sets its own, stricter policy).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|dev/mailbox/[^/]+/raw).*)"],
};
