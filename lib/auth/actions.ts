"use server";

import { cookies, headers } from "next/headers";
import { z } from "zod";
import { signIn, signOut } from "@/auth";
import { formAction } from "@/lib/actions/pipeline";
import { formFields } from "@/lib/forms";
import { clientKeyFrom } from "@/lib/request";
import { checkSignInLink, signInEmailSchema } from "./sign-in-links";
import { RETURN_COOKIE, safeReturnPath } from "./paths";

/** Send sign-in link. */
export const requestSignInLinkAction = formAction({
  read: (formData) => ({ email: "", ...formFields(formData, ["email", "callbackUrl"]) }),
  schema: z.object({ email: signInEmailSchema, callbackUrl: z.string().optional() }),
  fields: ["email"],
  invalidMessage: "Check your email address.",
  run: async ({ db, input }) => {
    const { email } = input;
    // The limit is counted where the link is sent (auth.ts); this only says so in the form.
    const limited = await checkSignInLink(db, email, clientKeyFrom(await headers()));
    if (!limited.ok) return { ok: false as const, message: limited.message, fieldErrors: { email: [limited.message] } };
    const jar = await cookies();
    const stored = jar.get(RETURN_COOKIE)?.value;
    if (stored) jar.delete(RETURN_COOKIE);
    // Redirects to the "check your email" page; Auth.js writes the hashed token first.
    await signIn("resend", { email, redirectTo: safeReturnPath(input.callbackUrl ?? stored) });
    return { ok: true as const };
  },
  then: () => ({ redirect: "/signin/check-email" }),
});

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
