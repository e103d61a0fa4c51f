import { getDb } from "@/db/client";
import { mailboxEnabled } from "@/lib/email/config";
import { getMailboxMessage } from "@/lib/email/mailbox";

/** The stored HTML of one message, for the mailbox's frame; links open in the top window. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!mailboxEnabled()) return new Response("Not found", { status: 404 });
  const message = await getMailboxMessage(await getDb(), id);
  if (!message) return new Response("Not found", { status: 404 });
  const html = message.html.replace(/<head>/i, '<head><base target="_top">');
  return new Response(html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": "default-src 'none'; img-src 'self' data: https:; style-src 'unsafe-inline'; frame-ancestors 'self'",
      "x-content-type-options": "nosniff",
    },
  });
}
