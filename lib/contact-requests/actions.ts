"use server";

import { headers } from "next/headers";
import { buttonAction, formAction } from "@/lib/actions/pipeline";
import { formFields } from "@/lib/forms";
import { clientKeyFrom } from "@/lib/request";
import { CONTACT_FIELDS, contactRequestFromForm, contactRequestSchema, declineRequestSchema, requestStatusSchema } from "./schemas";
import { createContactRequest, declineRequest, setRequestStatus } from "./service";

/** Find a partner → Contact selected providers → Send. */
export const sendContactRequestAction = formAction({
  read: contactRequestFromForm,
  schema: contactRequestSchema,
  fields: CONTACT_FIELDS,
  run: async ({ db, input }) => createContactRequest(db, input, { clientKey: clientKeyFrom(await headers()) }),
  then: (result) => ({ redirect: `/partners/contact/sent/${result.requestId}`, emailed: !result.duplicate }),
});

const REQUESTS = "/partner/requests";

/** Mark replied or Mark new; the inbox says what happened. */
export const setRequestStatusAction = buttonAction({
  read: (formData) => formFields(formData, ["recipientId", "status"]),
  schema: requestStatusSchema,
  run: ({ db, actor, input }) => setRequestStatus(db, actor, input),
  page: () => REQUESTS,
  fallbackPage: REQUESTS,
  revalidate: REQUESTS,
  done: (result, input) => (result.changed ? input.status : "nothing"),
});

/** Decline a customer request with a reason (required); back to the inbox, which says so. */
export const declineRequestAction = formAction({
  read: (formData) => formFields(formData, ["recipientId", "reason"]),
  schema: declineRequestSchema,
  fields: ["reason"],
  invalidMessage: "Say why you are declining this request.",
  forbidden: "Only admin and sales agents of your organization can decline its requests.",
  run: ({ db, actor, input }) => declineRequest(db, actor, input),
  then: (result) => ({ redirect: `${REQUESTS}?done=${result.changed ? "declined" : "nothing"}`, revalidate: REQUESTS }),
});
