import { z } from "zod";
import { formFields, formList } from "@/lib/forms";
import { isCountryCode, isSizeBand } from "@/lib/partners/catalog";
import { MAX_SELECTED } from "@/lib/partners/search";
import { emailAddress, safeText } from "@/lib/text";
import { formatNumber } from "@/lib/format";

const text = (label: string, max: number) =>
  safeText(
    z
      .string({ error: `Enter ${label}.` })
      .trim()
      .min(1, `Enter ${label}.`)
      .max(max, `Keep ${label} under ${formatNumber(max)} characters.`),
    label,
  );

export const contactRequestSchema = z.object({
  name: text("your name", 100),
  email: emailAddress({ missing: "Enter your work email.", example: "Enter an email address like name@company.com." }),
  company: text("your company", 120),
  phone: z
    .string({ error: "Enter a phone number with digits, spaces and + ( ) - only." })
    .trim()
    .max(40, "Keep the phone number under 40 characters.")
    .refine((v) => v === "" || /^\+?[0-9 ().-]{5,40}$/.test(v), "Enter a phone number with digits, spaces and + ( ) - only.")
    .optional()
    .transform((v) => v || null),
  country: z.string({ error: "Choose your country or region." }).refine(isCountryCode, "Choose your country or region."),
  size: z.string({ error: "Choose your organization size." }).refine(isSizeBand, "Choose your organization size."),
  needs: safeText(
    z
      .string({ error: "Describe your business needs." })
      .trim()
      .min(20, "Describe your business needs in at least 20 characters.")
      .max(2000, "Keep the description under 2,000 characters."),
    "the description",
  ),
  partners: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,119}$/, "A selected partner is not in the directory."))
    .min(1, "Select at least one partner to contact.")
    .max(MAX_SELECTED, `You can contact up to ${MAX_SELECTED} partners at once.`)
    .refine((list) => new Set(list).size === list.length, "A partner is selected twice."),
  idempotencyKey: z.uuid("This form has expired. Reload the page and send it again."),
});

export type ContactRequestInput = z.infer<typeof contactRequestSchema>;

export const CONTACT_FIELDS = ["name", "email", "company", "phone", "country", "size", "needs"] as const;

export function contactRequestFromForm(formData: FormData) {
  return { ...formFields(formData, [...CONTACT_FIELDS, "idempotencyKey"]), partners: formList(formData, "partner") };
}

/** Mark a request replied or new again (declining asks for a reason: declineRequestSchema). */
export const requestStatusSchema = z.object({
  recipientId: z.uuid("Unknown request."),
  status: z.enum(["new", "replied"], { error: "Choose replied or new." }),
});

export type RequestStatusInput = z.infer<typeof requestStatusSchema>;

export const DECLINE_REASON_MAX = 500;

/** Decline a request: the reason is required, kept with the request and in the activity log. */
export const declineRequestSchema = z.object({
  recipientId: z.uuid("Unknown request."),
  reason: safeText(
    z
      .string({ error: "Enter why you are declining this request." })
      .trim()
      .min(1, "Enter why you are declining this request.")
      .max(DECLINE_REASON_MAX, `Keep the reason under ${DECLINE_REASON_MAX} characters.`),
    "the reason",
  ),
});

export type DeclineRequestInput = z.infer<typeof declineRequestSchema>;
