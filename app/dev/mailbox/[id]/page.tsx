import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { mailboxEnabled } from "@/lib/email/config";
import { extractLinks, getMailboxMessage } from "@/lib/email/mailbox";
import { readPathParams } from "@/lib/page-params";

export const metadata: Metadata = { title: "Message" };

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await readPathParams(params);
  if (!mailboxEnabled()) notFound();
  const message = await getMailboxMessage(await getDb(), id);
  if (!message) notFound();
  const links = extractLinks(message.html);
  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8">
      <p>
        <Link className="text-sm font-medium text-accent-700 underline" href="/dev/mailbox">
          Back to the mailbox
        </Link>
      </p>
      <h1 className="mt-3 text-2xl font-semibold text-gray-900">{message.subject}</h1>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm text-gray-700">
        <dt className="font-medium">To</dt>
        <dd>{message.to}</dd>
        <dt className="font-medium">Sent</dt>
        <dd>{message.createdAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}</dd>
      </dl>
      {links.length > 0 && (
        <section aria-labelledby="links" className="mt-4">
          <h2 id="links" className="text-sm font-semibold text-gray-900">
            Links in this message
          </h2>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {links.map((link) => (
              <li key={link.href}>
                <a className="font-medium text-accent-700 underline" href={link.href}>
                  {link.text}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <iframe
        title={`Email: ${message.subject}`}
        src={`/dev/mailbox/${message.id}/raw`}
        className="mt-6 h-[640px] w-full rounded-lg border border-gray-200 bg-white"
      />
      <details className="mt-4">
        <summary className="cursor-pointer text-sm font-medium text-gray-800">Plain-text version</summary>
        <pre className="mt-2 whitespace-pre-wrap rounded-md bg-white p-4 text-sm text-gray-800">{message.text}</pre>
      </details>
    </main>
  );
}
