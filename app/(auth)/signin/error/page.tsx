import type { Metadata } from "next";
import Link from "next/link";
import { entryFor, readSearchParams, type SearchParams } from "@/lib/page-params";

export const metadata: Metadata = { title: "Sign-in problem" };

const messages: Record<string, string> = {
  Verification: "This sign-in link has expired or was already used. Links work once, for 30 minutes.",
  Configuration: "Sign-in is not configured correctly on this server. Ask your administrator to check its settings.",
  AccessDenied: "You can't sign in with this account.",
};

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { error } = await readSearchParams(searchParams);
  return (
    <main className="mx-auto w-full max-w-md px-4 py-16">
      <h1 className="text-2xl font-semibold text-gray-900">We couldn't sign you in</h1>
      <p className="mt-3 text-gray-700">{entryFor(messages, error) ?? "Something went wrong while signing you in."}</p>
      <p className="mt-6">
        <Link className="font-medium text-accent-700 underline" href="/signin">
          Request a new sign-in link
        </Link>
      </p>
    </main>
  );
}
