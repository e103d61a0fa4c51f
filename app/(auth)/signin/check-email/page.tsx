import type { Metadata } from "next";
import Link from "next/link";
import { mailboxEnabled } from "@/lib/email/config";

export const metadata: Metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  return (
    <main className="mx-auto w-full max-w-md px-4 py-16">
      <h1 className="text-2xl font-semibold text-gray-900">Check your email</h1>
      <p className="mt-3 text-gray-700">
        We sent you a sign-in link. Open it on this device within 30 minutes; it works once. If it doesn't arrive in a few
        minutes, check your junk folder or{" "}
        <Link className="font-medium text-accent-700 underline" href="/signin">
          request a new link
        </Link>
        .
      </p>
      {mailboxEnabled() && (
        <p className="mt-6 rounded-md border border-accent-200 bg-accent-50 p-4 text-sm text-gray-800">
          Email is kept in the local mailbox on this server.{" "}
          <Link className="font-medium text-accent-700 underline" href="/dev/mailbox">
            Open the mailbox
          </Link>
        </p>
      )}
    </main>
  );
}
