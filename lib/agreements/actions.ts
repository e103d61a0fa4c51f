"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { AuthorizationError, getActor } from "@/lib/authz";
import type { FormState } from "@/lib/forms";
import { acceptAgreement } from "@/lib/invitations/acceptance";

export async function acceptAgreementAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const organizationId = String(formData.get("organizationId") ?? "");
  let result;
  try {
    result = await acceptAgreement(await getDb(), await getActor(), organizationId, { acknowledged: formData.get("acknowledge") === "on" });
  } catch (error) {
    if (error instanceof AuthorizationError) return { ok: false, message: "You need to be a Global or Billing administrator of this organization to do this." };
    throw error;
  }
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: "fieldErrors" in result ? result.fieldErrors : undefined, submittedAt: Date.now() };
  revalidatePath("/admin", "layout");
  redirect("/admin/settings/partner-relationships?agreement=accepted");
}
