import "server-only";
import { emailAddress } from "@/lib/text";
import type { Db } from "@/db/client";
import { sendEmail } from "@/lib/email/send";
import { peekRateLimit, takeRateLimit, type RateLimitRule } from "@/lib/security/rate-limit";
import { formatRetryTime } from "@/lib/format";

export const SIGN_IN_LINKS_PER_EMAIL = 10;
/** High enough for an office behind one address; low enough that nobody sprays links at a mailing list. */
export const SIGN_IN_LINKS_PER_CLIENT = 100;
const WINDOW_MS = 60 * 60 * 1000;

type SignInLimit = { ok: true } | { ok: false; message: string };

/** An address a sign-in link may go to: the sign-in form's rule, and the rule of every other door. */
export const signInEmailSchema = emailAddress({ missing: "Enter your email address.", example: "Enter an email address like name@example.com." });

/**
 * The inbox an address delivers to, for counting: case, a "+tag" and trailing dots of the domain
 * are spellings of one mailbox at most providers, so they share its limit.
 */
function mailboxKey(email: string): string {
  const at = email.lastIndexOf("@");
  const local = email.slice(0, at).split("+")[0] ?? "";
  const domain = email.slice(at + 1).replace(/\.+$/, "");
  return `${local}@${domain}`.toLowerCase();
}

/** At most 10 sign-in links an hour per mailbox and 100 per client, so nobody floods an inbox. */
function signInLinkRules(email: string, clientKey: string | null): RateLimitRule[] {
  return [
    { bucket: "sign-in:email", key: mailboxKey(email), limit: SIGN_IN_LINKS_PER_EMAIL, windowMs: WINDOW_MS },
    ...(clientKey ? [{ bucket: "sign-in:client", key: clientKey, limit: SIGN_IN_LINKS_PER_CLIENT, windowMs: WINDOW_MS }] : []),
  ];
}

function limitMessage(retryAt: Date): string {
  const at = formatRetryTime(retryAt);
  return `Too many sign-in links were requested. Use the newest link in your email, or try again after ${at}.`;
}

/** Whether a sign-in link would be sent now, without counting one: the sign-in form's message. */
export async function checkSignInLink(db: Db, email: string, clientKey: string | null, now = new Date()): Promise<SignInLimit> {
  const verdict = await peekRateLimit(db, signInLinkRules(email, clientKey), now);
  return verdict.ok ? verdict : { ok: false, message: limitMessage(verdict.retryAt) };
}

/**
 * The one place a sign-in link is sent (Auth.js's sendVerificationRequest, whichever door asked
 * for it: the app's form or Auth.js's own endpoint): an address the form would refuse gets
 * nothing, the limits are counted and the email queued in one transaction, and over the limit
 * nothing is sent.
 */
export async function sendSignInLink(
  db: Db,
  link: { email: string; url: string; clientKey: string | null; expiresAt: string },
  now = new Date(),
): Promise<SignInLimit> {
  if (!signInEmailSchema.safeParse(link.email).success || link.email !== link.email.trim()) {
    return { ok: false, message: "Enter an email address like name@example.com." };
  }
  return db.transaction(async (tx) => {
    const verdict = await takeRateLimit(tx, signInLinkRules(link.email, link.clientKey), now);
    if (!verdict.ok) return { ok: false, message: limitMessage(verdict.retryAt) };
    await sendEmail(tx, { to: link.email, template: "sign-in", props: { url: link.url, email: link.email, expiresAt: link.expiresAt } });
    return verdict;
  });
}
