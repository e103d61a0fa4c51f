import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { contactRequestRecipients } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { primaryMembership, requirePermission, type Actor } from "@/lib/authz";
import type { FormState } from "@/lib/forms";

const statusSchema = z.object({
  recipientId: z.uuid("Unknown request."),
  status: z.enum(["new", "replied", "declined"], { error: "Choose replied or declined." }),
});

/** Marks a contact request replied, declined or new again — only within the agent's own partner organization. */
export async function setRequestStatus(db: Db, actor: Actor | null, input: unknown): Promise<FormState> {
  const parsed = statusSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Check the request." };
  const membership = primaryMembership(actor, "partner");
  requirePermission(actor, "contact_requests.update", membership?.organizationId ?? "");
  const partnerId = membership!.organizationId;
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(contactRequestRecipients)
      .where(and(eq(contactRequestRecipients.id, parsed.data.recipientId), eq(contactRequestRecipients.partnerOrganizationId, partnerId)))
      .for("update");
    // Another partner's request is reported exactly like one that does not exist.
    if (!current) return { ok: false, message: "That request was not found." };
    if (current.status === parsed.data.status) return { ok: true, message: "No change." };
    await tx
      .update(contactRequestRecipients)
      .set({ status: parsed.data.status, statusChangedAt: new Date(), statusChangedById: actor!.userId })
      .where(eq(contactRequestRecipients.id, current.id));
    await recordAudit(tx, {
      actorUserId: actor!.userId,
      actorLabel: actor!.email,
      organizationId: partnerId,
      action: `contact_request.${parsed.data.status === "new" ? "reopened" : parsed.data.status}`,
      targetType: "contact_request_recipient",
      targetId: current.id,
      details: { from: current.status, to: parsed.data.status },
    });
    return { ok: true, message: `Marked ${parsed.data.status}.` };
  });
}
