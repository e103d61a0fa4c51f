"use server";

import { cookies, headers } from "next/headers";
import { z } from "zod";
import { signIn, signOut } from "@/auth";
import { getDb } from "@/db/client";
import { invalid, refused, type FormState } from "@/lib/forms";
import { clientKeyFrom } from "@/lib/request";
import { checkSignInLink, signInEmailSchema } from "./sign-in-links";
import { RETURN_COOKIE, safeReturnPath } from "./paths";

const signInSchema = z.object({ email: signInEmailSchema, callbackUrl: z.string().optional() });

export async function requestSignInLink(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = signInSchema.safeParse({
    email: formData.get("email") ?? "",
    callbackUrl: formData.get("callbackUrl") ?? undefined,
  });
  if (!parsed.success) return invalid(parsed.error, formData, ["email"], "Check your email address.");
  const email = parsed.data.email.toLowerCase();
  // The limit is counted where the link is sent (auth.ts); this only says so in the form.
  const limited = await checkSignInLink(await getDb(), email, clientKeyFrom(await headers()));
  if (!limited.ok) return refused(limited.message, { email: [limited.message] }, formData, ["email"]);
  const jar = await cookies();
  const stored = jar.get(RETURN_COOKIE)?.value;
  if (stored) jar.delete(RETURN_COOKIE);
  // Throws the redirect to the "check your email" page; Auth.js writes the hashed token first.
  await signIn("resend", { email, redirectTo: safeReturnPath(parsed.data.callbackUrl ?? stored) });
  return { ok: true };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
