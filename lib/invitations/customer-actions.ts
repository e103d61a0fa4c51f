"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeText } from "@/lib/text";
import { getDb } from "@/db/client";
import { AuthorizationError, getActor } from "@/lib/authz";
import { kickOutbox } from "@/lib/email/deliver";
import type { FormState } from "@/lib/forms";
import { acceptInvitation, declineInvitation } from "./acceptance";

const FORBIDDEN: FormState = { ok: false, message: "You need to be a Global or Billing administrator of the invited organization to do this." };

/** The token arrives bound to the action (encrypted by Next.js), never as a visible form field. */
export async function acceptInvitationAction(token: string, _previous: FormState, formData: FormData): Promise<FormState> {
  let result;
  try {
    result = await acceptInvitation(await getDb(), await getActor(), token, { acknowledged: formData.get("acknowledge") === "on" });
  } catch (error) {
    if (error instanceof AuthorizationError) return FORBIDDEN;
    throw error;
  }
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, submittedAt: Date.now() };
  if (!result.alreadyAccepted) kickOutbox();
  revalidatePath("/admin", "layout");
  redirect(`/admin/settings/partner-relationships?accepted=${result.relationshipId}`);
}

const reasonSchema = safeText(z.string().trim().max(500, "Keep the reason under 500 characters."), "the reason").optional();

export async function declineInvitationAction(token: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const reason = reasonSchema.safeParse(formData.get("reason") ?? undefined);
  if (!reason.success) return { ok: false, message: "Check the reason.", fieldErrors: { reason: reason.error.issues.map((i) => i.message) }, submittedAt: Date.now() };
  let result;
  try {
    result = await declineInvitation(await getDb(), await getActor(), token, reason.data || null);
  } catch (error) {
    if (error instanceof AuthorizationError) return FORBIDDEN;
    throw error;
  }
  if (!result.ok) return { ok: false, message: result.message, submittedAt: Date.now() };
  kickOutbox();
  redirect(`/admin/invitations/${token}`);
}
