import { z } from "zod";
import { relationshipType } from "@/db/schema";
import { GDAP_DEFAULT_DAYS } from "@/lib/relationships/types";
import { isRoleId } from "@/lib/roles";
import type { FormState } from "@/lib/forms";
import { safeText } from "@/lib/text";

export const invitationSchema = z.object({
  customerEmail: z
    .string({ error: "Enter the customer administrator's email." })
    .trim()
    .toLowerCase()
    .min(1, "Enter the customer administrator's email.")
    .max(254, "That email address is too long.")
    .pipe(z.email("Enter an email address like admin@customer.com.")),
  type: z.enum(relationshipType.enumValues, { error: "Choose a relationship type." }),
  roles: z.array(z.string().refine(isRoleId, "Choose roles from the list.")).max(40).default([]),
  durationDays: z.coerce
    .number({ error: "Enter the duration in days." })
    .int("Enter a whole number of days.")
    .optional()
    .default(GDAP_DEFAULT_DAYS),
  autoExtend: z.boolean().default(false),
  message: safeText(z.string().trim().max(1000, "Keep the message under 1,000 characters."), "the message")
    .optional()
    .transform((v) => v || null),
  idempotencyKey: z.uuid("This form has expired. Reload the page and send it again."),
  contactRecipientId: z.uuid().optional().catch(undefined),
});

export type InvitationInput = z.infer<typeof invitationSchema>;

/** The Send invitation form's state: a refusal for a duplicate links to the pending invitation. */
export interface InvitationFormState extends FormState {
  pendingInvitationId?: string;
}

export const INVITATION_FIELDS = ["customerEmail", "type", "durationDays", "message"] as const;

export function invitationFromForm(formData: FormData) {
  const one = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const duration = one("durationDays");
  return {
    customerEmail: one("customerEmail"),
    type: one("type"),
    roles: formData.getAll("roles").map(String),
    durationDays: duration === undefined || duration === "" ? undefined : duration,
    autoExtend: formData.get("autoExtend") === "on",
    message: one("message"),
    idempotencyKey: one("idempotencyKey"),
    contactRecipientId: one("contactRecipientId") || undefined,
  };
}
