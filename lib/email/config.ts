/** Where email goes: Resend when an API key is configured, otherwise the local mailbox. */
export function emailTransport(env: NodeJS.ProcessEnv = process.env): "resend" | "mailbox" {
  return env.RESEND_API_KEY ? "resend" : "mailbox";
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
