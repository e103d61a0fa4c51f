import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth from "next-auth";
import Resend from "next-auth/providers/resend";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { emailFrom } from "@/lib/email/config";
import { kickOutbox } from "@/lib/email/deliver";
import { sendSignInLink } from "@/lib/auth/sign-in-links";
import { clientKeyFrom } from "@/lib/request";
import { NextResponse } from "next/server";
import { authRedirect, carriesSecret, isProtectedPath, RETURN_COOKIE, signInPath } from "@/lib/auth/paths";

export const MAGIC_LINK_MAX_AGE_SECONDS = 30 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const db = await getDb();
  return {
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    session: { strategy: "database", maxAge: 8 * 60 * 60, updateAge: 60 * 60 },
    secret: ensureAuthSecret(),
    trustHost: true,
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error" },
    providers: [
      Resend({
        apiKey: process.env.RESEND_API_KEY ?? "delivered-through-the-outbox",
        from: emailFrom(),
        maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
        // Every door that asks for a link ends here (the app's form, Auth.js's own POST
        // /api/auth/signin/resend), so the limits are counted here. Over a limit nothing is sent
        // and the answer is the same "check your email" page, telling a caller nothing.
        async sendVerificationRequest({ identifier, url, request }) {
          const sent = await sendSignInLink(db, { email: identifier, url, clientKey: clientKeyFrom(request.headers), expiresAt: "in 30 minutes" });
          if (sent.ok) kickOutbox();
        },
      }),
    ],
    callbacks: {
      authorized({ auth: session, request }) {
        if (session?.user || !isProtectedPath(request.nextUrl.pathname)) return true;
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
      },
      // A sign-in link's callbackUrl is in the email, where anyone who asks for a link chooses it.
      redirect: authRedirect,
      session({ session, user }) {
        session.user.id = user.id;
        return session;
      },
    },
  };
});
