"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { AuthorizationError, getActor } from "@/lib/authz";
import { kickOutbox } from "@/lib/email/deliver";
import { invalid, refused, type FormState } from "@/lib/forms";
import { INVITATION_FIELDS, invitationFromForm, invitationSchema } from "./schemas";
import { cancelInvitation, createInvitation, resendInvitation } from "./service";

export interface InvitationFormState extends FormState {
  pendingInvitationId?: string;
}

/** The choices that are not single text fields, kept so a refused form comes back as it was sent. */
function withChoices(state: FormState, formData: FormData): FormState {
  const values = { ...state.values, roles: formData.getAll("roles").map(String).join(",").slice(0, 5000), autoExtend: formData.get("autoExtend") === "on" ? "on" : "" };
  return { ...state, values };
}

export async function sendInvitationAction(_previous: InvitationFormState, formData: FormData): Promise<InvitationFormState> {
  const parsed = invitationSchema.safeParse(invitationFromForm(formData));
  if (!parsed.success) return withChoices(invalid(parsed.error, formData, INVITATION_FIELDS), formData);
  let result;
  try {
    result = await createInvitation(await getDb(), await getActor(), parsed.data);
  } catch (error) {
    if (error instanceof AuthorizationError) return { ok: false, message: error.message };
    throw error;
  }
  if (!result.ok) {
    return { ...withChoices(refused(result.message, result.fieldErrors, formData, INVITATION_FIELDS), formData), pendingInvitationId: result.pendingInvitationId };
  }
  if (!result.duplicate) kickOutbox();
  revalidatePath("/partner/invitations");
  redirect(`/partner/invitations/${result.invitationId}?sent=1`);
}

/** Resend and Cancel come back to the invitation's page with an outcome code (never free text in the URL). */
async function manage(formData: FormData, run: typeof resendInvitation): Promise<never> {
  const id = String(formData.get("invitationId") ?? "");
  let outcome: string;
  try {
    const result = await run(await getDb(), await getActor(), id);
    if (result.ok) kickOutbox();
    outcome = `${result.ok ? "done" : "error"}=${result.code}`;
  } catch (error) {
    if (!(error instanceof AuthorizationError)) throw error;
    outcome = "error=forbidden";
  }
  revalidatePath("/partner/invitations");
  redirect(`/partner/invitations/${encodeURIComponent(id)}?${outcome}`);
}

export async function resendInvitationAction(formData: FormData): Promise<void> {
  await manage(formData, resendInvitation);
}

export async function cancelInvitationAction(formData: FormData): Promise<void> {
  await manage(formData, cancelInvitation);
}
