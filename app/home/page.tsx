import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor, homePathFor } from "@/lib/authz";
import { signInPath } from "@/lib/auth/paths";

export const metadata: Metadata = { title: "Welcome" };

/** Where a sign-in lands: the admin center or partner portal of the person's organization. */
export default async function LandingPage() {
  const actor = await getActor();
  if (!actor) redirect(signInPath("/home"));
  const home = homePathFor(actor);
  if (home) redirect(home);
  return (
    <main className="mx-auto w-full max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold text-gray-900">You're signed in</h1>
      <p className="mt-3 text-gray-700">
        {actor.email} isn't a member of any organization here yet. If a partner invited your organization, open the link in
        their email; an administrator of your organization can also add you.
      </p>
    </main>
  );
}
