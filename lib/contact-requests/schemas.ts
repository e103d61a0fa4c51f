import { z } from "zod";
import { isCountryCode, isSizeBand } from "@/lib/partners/catalog";
import { MAX_SELECTED } from "@/lib/partners/search";
import { safeText } from "@/lib/text";

const text = (label: string, max: number) =>
  safeText(
    z
      .string({ error: `Enter ${label}.` })
      .trim()
      .min(1, `Enter ${label}.`)
      .max(max, `Keep ${label} under ${max.toLocaleString("en-US")} characters.`),
    label,
  );

export const contactRequestSchema = z.object({
  name: text("your name", 100),
  email: z
    .string({ error: "Enter your work email." })
    .trim()
    .toLowerCase()
    .min(1, "Enter your work email.")
    .max(254, "That email address is too long.")
    .pipe(z.email("Enter an email address like name@company.com.")),
  company: text("your company", 120),
  phone: z
    .string()
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
  const single = (name: string) => {
    const values = formData.getAll(name);
    return values.length === 1 && typeof values[0] === "string" ? values[0] : values.length === 0 ? undefined : null;
  };
  return {
    name: single("name"),
    email: single("email"),
    company: single("company"),
    phone: single("phone") ?? undefined,
    country: single("country"),
    size: single("size"),
    needs: single("needs"),
    partners: formData.getAll("partner").map(String),
    idempotencyKey: single("idempotencyKey"),
  };
}

/** Mark a request replied, declined or new again. */
export const requestStatusSchema = z.object({
  recipientId: z.uuid("Unknown request."),
  status: z.enum(["new", "replied", "declined"], { error: "Choose replied or declined." }),
});

export type RequestStatusInput = z.infer<typeof requestStatusSchema>;
