import { configuredSiteUrl } from "@/lib/site";

/** Where email goes: Resend when an API key is configured, otherwise the local mailbox. */
export function emailTransport(env: NodeJS.ProcessEnv = process.env): "resend" | "mailbox" {
  return env.RESEND_API_KEY ? "resend" : "mailbox";
}

/** How long one send may wait for the provider before it counts as a failed attempt (EMAIL_SEND_TIMEOUT_MS, default 10 s). */
export function emailSendTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.EMAIL_SEND_TIMEOUT_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : 10_000;
}

export function emailFrom(env: NodeJS.ProcessEnv = process.env): string {
  return env.EMAIL_FROM ?? "Partnerships <no-reply@partnerships.example>";
}

/** The local mailbox page is on whenever email is not really sent, and never in production unless MAILBOX=1. */
export function mailboxEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.MAILBOX === "1") return true;
  if (env.MAILBOX === "0") return false;
  return emailTransport(env) === "mailbox" && env.NODE_ENV !== "production";
}

/** The public origin for links in emails: the configured address, or this machine's port. */
export function appUrl(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return configuredSiteUrl(env)?.origin ?? `http://localhost:${env.PORT ?? "3000"}`;
}
