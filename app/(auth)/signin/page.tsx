import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { getActor } from "@/lib/authz";
import { RETURN_COOKIE, safeReturnPath } from "@/lib/auth/paths";
import { readSearchParams, type SearchParams } from "@/lib/page-params";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await readSearchParams(searchParams);
  const callbackUrl = safeReturnPath(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined, "");
  const returning = Boolean(callbackUrl) || (await cookies()).has(RETURN_COOKIE);
  if (await getActor()) redirect(callbackUrl || "/home");
  return (
    <main className="mx-auto w-full max-w-md px-4 py-16">
      <h1 className="text-2xl font-semibold text-gray-900">Sign in</h1>
      <p className="mt-2 text-gray-700">Administrators and partner agents sign in with a link sent to their work email. No password needed.</p>
      {returning && (
        <Alert tone="info" className="mt-6">
          Sign in to continue. You'll come straight back to the page you opened.
        </Alert>
      )}
      <div className="mt-8 rounded-lg border border-gray-200 bg-white p-6">
        <SignInForm callbackUrl={callbackUrl || undefined} />
      </div>
    </main>
  );
}
