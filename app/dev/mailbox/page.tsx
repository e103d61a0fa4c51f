import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { mailboxEnabled } from "@/lib/email/config";
import { listMailbox } from "@/lib/email/mailbox";

export const metadata: Metadata = { title: "Mailbox" };

export default async function MailboxPage() {
  if (!mailboxEnabled()) notFound();
  const messages = await listMailbox(await getDb());
  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold text-gray-900">Mailbox</h1>
      <p className="mt-1 text-gray-700">
        Every email this server sent, newest first. It stands in for real delivery while no email provider is configured.
      </p>
      <div className="mt-6">
        {messages.length === 0 ? (
          <EmptyState title="No email yet">Sign-in links, invitations and notices will appear here.</EmptyState>
        ) : (
          <Table aria-label="Messages">
            <TableHeader>
              <TableRow>
                <TableHead>To</TableHead>
                <TableHead>Subject</TableHead>
                <TableHead>Sent</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {messages.map((m) => (
                <TableRow key={m.id}>
                  <TableCell>{m.to}</TableCell>
                  <TableCell>
                    <Link className="font-medium text-accent-700 underline-offset-2 hover:underline" href={`/dev/mailbox/${m.id}`}>
                      {m.subject}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <time dateTime={m.createdAt.toISOString()}>{m.createdAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}</time>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
    </main>
  );
}
