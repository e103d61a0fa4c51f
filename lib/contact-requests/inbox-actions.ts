"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { AuthorizationError, getActor } from "@/lib/authz";
import { setRequestStatus } from "./inbox";

export async function updateRequestStatus(formData: FormData): Promise<void> {
  try {
    await setRequestStatus(await getDb(), await getActor(), {
      recipientId: formData.get("recipientId"),
      status: formData.get("status"),
    });
  } catch (error) {
    if (!(error instanceof AuthorizationError)) throw error;
  }
  revalidatePath("/partner/requests");
}
