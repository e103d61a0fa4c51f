import type { Db } from "@/db/client";
import { takeRateLimit } from "@/lib/rate-limit";

export const SIGN_IN_LINKS_PER_EMAIL = 10;
export const SIGN_IN_LINKS_PER_IP = 30;
const WINDOW_MS = 60 * 60 * 1000;

/** At most 10 sign-in links an hour per address and 30 per client address, so nobody floods an inbox. */
export async function allowSignInLink(db: Db, email: string, clientIp: string | null, now = new Date()): Promise<{ ok: true } | { ok: false; message: string }> {
  const result = await db.transaction((tx) =>
    takeRateLimit(
      tx,
      [
        { bucket: "sign-in:email", key: email, limit: SIGN_IN_LINKS_PER_EMAIL, windowMs: WINDOW_MS },
        ...(clientIp ? [{ bucket: "sign-in:ip", key: clientIp, limit: SIGN_IN_LINKS_PER_IP, windowMs: WINDOW_MS }] : []),
      ],
      now,
    ),
  );
  if (result.ok) return result;
  const at = result.retryAt.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" });
  return { ok: false, message: `Too many sign-in links were requested. Use the newest link in your email, or try again after ${at}.` };
}
