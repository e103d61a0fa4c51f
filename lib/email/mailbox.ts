import "server-only";
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

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Text of HTML as a reader sees it: without comments (Outlook-only markup) or tags, entities decoded. */
function htmlText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] !== "#") return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    })
    .replace(/\s+/g, " ")
    .trim();
}

/** The links of a message, so the mailbox can offer them as plain links beside the rendered email. */
export function extractLinks(html: string): { href: string; text: string }[] {
  const links: { href: string; text: string }[] = [];
  for (const match of html.matchAll(/<a\b[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/gi)) {
    const href = (match[1] ?? "").replaceAll("&amp;", "&");
    const text = htmlText(match[2] ?? "");
    if (href.startsWith("http") && !links.some((l) => l.href === href)) links.push({ href, text: text || href });
  }
  return links;
}
