"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { AuthorizationError, getActor } from "@/lib/authz";
import { kickOutbox } from "@/lib/email/deliver";
import { isRoleId } from "@/lib/roles";
import { removePartnerRoles, setMpsaSharing, turnOffAutoExtend, type RelationshipChange } from "./service";

/** Runs a change and returns to the partner's page with an outcome code (never free text in the URL). */
async function change(formData: FormData, done: string, run: (id: string) => Promise<RelationshipChange>): Promise<never> {
  const id = String(formData.get("relationshipId") ?? "");
  let outcome: string;
  try {
    const result = await run(id);
    outcome = result.ok ? `done=${result.changed ? done : "nothing"}` : `error=${result.message.includes("MPSA") ? "not_mpsa" : "not_found"}`;
    if (result.ok && result.changed) kickOutbox();
  } catch (error) {
    if (!(error instanceof AuthorizationError)) throw error;
    outcome = "error=forbidden";
  }
  revalidatePath("/admin/settings/partner-relationships");
  redirect(`/admin/settings/partner-relationships/${encodeURIComponent(id)}?${outcome}`);
}

export async function removeRolesAction(formData: FormData): Promise<void> {
  const roleId = formData.get("roleId");
  const single = typeof roleId === "string" && isRoleId(roleId) ? roleId : undefined;
  await change(formData, single ? "role_removed" : "roles_removed", async (id) => removePartnerRoles(await getDb(), await getActor(), id, single));
}

export async function turnOffAutoExtendAction(formData: FormData): Promise<void> {
  await change(formData, "auto_extend_off", async (id) => turnOffAutoExtend(await getDb(), await getActor(), id));
}

export async function setMpsaSharingAction(formData: FormData): Promise<void> {
  const allowed = formData.get("allowed") === "on";
  await change(formData, allowed ? "mpsa_on" : "mpsa_off", async (id) => setMpsaSharing(await getDb(), await getActor(), id, allowed));
}
