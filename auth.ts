import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth from "next-auth";
import type { Adapter } from "next-auth/adapters";
import Resend from "next-auth/providers/resend";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { emailFrom } from "@/lib/email/config";
import { kickOutbox } from "@/lib/email/deliver";
import { sendSignInLink } from "@/lib/auth/sign-in-links";
import { clientKeyFrom } from "@/lib/request";
import { authRedirect, MAGIC_LINK_MAX_AGE_SECONDS } from "@/lib/auth/paths";
import { forgetSession, SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from "@/lib/auth/session";

export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const db = await getDb();
  const drizzle = DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  // Requests read the session through lib/auth/session.ts, which caches it for a few seconds:
  // whatever Auth.js changes or deletes (sign-out above all) is forgotten there once written.
  const adapter: Adapter = {
    ...drizzle,
    async updateSession(session) {
      const updated = await drizzle.updateSession!(session);
      forgetSession(session.sessionToken);
      return updated;
    },
    async deleteSession(sessionToken) {
      await drizzle.deleteSession!(sessionToken);
      forgetSession(sessionToken);
    },
  };
  return {
    adapter,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
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
      // A sign-in link's callbackUrl is in the email, where anyone who asks for a link chooses it.
      redirect: authRedirect,
      session({ session, user }) {
        session.user.id = user.id;
        return session;
      },
    },
  };
});
