"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { kickOutbox } from "@/lib/email/deliver";
import { invalid, refused, type FormState } from "@/lib/forms";
import { clientKeyFrom } from "@/lib/request";
import { CONTACT_FIELDS, contactRequestFromForm, contactRequestSchema } from "./schemas";
import { createContactRequest } from "./service";

export async function sendContactRequest(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = contactRequestSchema.safeParse(contactRequestFromForm(formData));
  if (!parsed.success) return invalid(parsed.error, formData, CONTACT_FIELDS);
  const result = await createContactRequest(await getDb(), parsed.data, { clientKey: clientKeyFrom(await headers()) });
  if (!result.ok) return refused(result.message, result.fieldErrors, formData, CONTACT_FIELDS);
  if (!result.duplicate) kickOutbox();
  redirect(`/partners/contact/sent/${result.requestId}`);
}
