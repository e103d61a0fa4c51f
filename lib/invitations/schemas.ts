import { z } from "zod";
import { relationshipType } from "@/db/schema";
import { GDAP_DEFAULT_DAYS } from "@/lib/relationships/types";
import { isTaskId } from "@/lib/relationships/tasks";
import { isRoleId } from "@/lib/roles";
import { formChecked, formFields, formList, type FormState } from "@/lib/forms";
import { emailAddress, safeText } from "@/lib/text";

export const invitationSchema = z.object({
  customerEmail: emailAddress({ missing: "Enter the customer administrator's email.", example: "Enter an email address like admin@customer.com." }),
  type: z.enum(relationshipType.enumValues, { error: "Choose a relationship type." }),
  roles: z.array(z.string().refine(isRoleId, "Choose roles from the list.")).max(40).default([]),
  tasks: z.array(z.string().refine(isTaskId, "Choose tasks from the list.")).max(40).default([]),
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
  const { durationDays, contactRecipientId, ...fields } = formFields(formData, [...INVITATION_FIELDS, "idempotencyKey", "contactRecipientId"]);
  return {
    ...fields,
    roles: formList(formData, "roles"),
    tasks: formList(formData, "tasks"),
    durationDays: durationDays === "" ? undefined : durationDays,
    autoExtend: formChecked(formData, "autoExtend"),
    contactRecipientId: contactRecipientId || undefined,
  };
}
