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

/** The public origin for links in emails. */
export function appUrl(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.AUTH_URL ?? env.APP_URL;
  if (configured) return new URL(configured).origin;
  return `http://localhost:${env.PORT ?? "3000"}`;
}
