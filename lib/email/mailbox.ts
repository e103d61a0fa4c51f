import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { isUuid } from "@/lib/ids";

export async function listMailbox(db: DbOrTx, limit = 200) {
  return db
    .select({ id: emailOutbox.id, to: emailOutbox.to, subject: emailOutbox.subject, createdAt: emailOutbox.createdAt, status: emailOutbox.status })
    .from(emailOutbox)
    .orderBy(desc(emailOutbox.createdAt))
    .limit(limit);
}

export async function getMailboxMessage(db: DbOrTx, id: string) {
  if (!isUuid(id)) return undefined;
  const [message] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).limit(1);
  return message;
}

/** The links of a message, so the mailbox can offer them as plain links beside the rendered email. */
export function extractLinks(html: string): { href: string; text: string }[] {
  const links: { href: string; text: string }[] = [];
  for (const match of html.matchAll(/<a\b[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/gi)) {
    const href = (match[1] ?? "").replaceAll("&amp;", "&");
    const text = (match[2] ?? "").replace(/<[^>]+>/g, "").replace(/\s+/g, " ").trim();
    if (href.startsWith("http") && !links.some((l) => l.href === href)) links.push({ href, text: text || href });
  }
  return links;
}
