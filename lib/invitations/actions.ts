"use server";

import { z } from "zod";
import { boundFormAction, buttonAction, formAction, formFields } from "@/lib/actions/pipeline";
import { formChecked, formList, typedValues } from "@/lib/forms";
import { safeText } from "@/lib/text";
import { acceptInvitation, declineInvitation } from "./acceptance";
import { INVITATION_FIELDS, invitationFromForm, invitationSchema, type InvitationFormState } from "./schemas";
import { cancelInvitation, createInvitation, resendInvitation } from "./service";

/* The partner's side: Send invitation, Resend and Cancel. */

const INVITATIONS = "/partner/invitations";

export const sendInvitationAction = formAction({
  read: invitationFromForm,
  schema: invitationSchema,
  fields: INVITATION_FIELDS,
  run: ({ db, actor, input }) => createInvitation(db, actor, input),
  // The choices that are not single text fields, so a refused form comes back as it was sent.
  keep: (formData, refusal): Partial<InvitationFormState> => ({
    values: {
      ...typedValues(formData, INVITATION_FIELDS),
      roles: formData.getAll("roles").map(String).join(",").slice(0, 5000),
      tasks: formData.getAll("tasks").map(String).join(",").slice(0, 5000),
      autoExtend: formData.get("autoExtend") === "on" ? "on" : "",
    },
    pendingInvitationId: refusal?.pendingInvitationId,
  }),
  then: (result) => ({ redirect: `${INVITATIONS}/${result.invitationId}?sent=1`, revalidate: INVITATIONS, emailed: !result.duplicate }),
});

/** Resend and Cancel come back to the invitation's page with an outcome code. */
function onInvitation(run: typeof resendInvitation) {
  return buttonAction({
    read: (formData) => formFields(formData, ["invitationId"]),
    schema: z.object({ invitationId: z.string() }),
    run: ({ db, actor, input }) => run(db, actor, input.invitationId),
    page: (input) => `${INVITATIONS}/${encodeURIComponent(input.invitationId)}`,
    fallbackPage: INVITATIONS,
    revalidate: INVITATIONS,
    done: (result) => result.code,
    emailed: () => true,
  });
}

export const resendInvitationAction = onInvitation(resendInvitation);

export const cancelInvitationAction = onInvitation(cancelInvitation);

/* The customer's side, from the emailed link: Accept & Authorize, or Cancel invitation. */

/** The invitation's token; its form and worth are the domain's to judge. */
const TOKEN = z.string().max(200);
const FORBIDDEN = "You need to be a Global, Billing or Partner relationship administrator of the invited organization to do this.";

/**
 * Accept & Authorize, with what the customer grants: the roles it kept ticked, the end date, auto-extend.
 * A part the form did not offer is absent and the request's stands (the markers say which were offered,
 * since an unticked checkbox sends nothing). The token arrives bound to the action (encrypted by
 * Next.js), never as a visible form field.
 */
export const acceptInvitationAction = boundFormAction({
  read: (formData) => {
    const { endsOn } = formFields(formData, ["endsOn"]);
    return {
      acknowledged: formChecked(formData, "acknowledge"),
      roles: formData.get("rolesOffered") === "1" ? formList(formData, "roles") : undefined,
      endsOn,
      autoExtend: formData.get("autoExtendOffered") === "1" ? formChecked(formData, "autoExtend") : undefined,
      eligible: formList(formData, "eligible") ?? undefined,
      activationApproval: formChecked(formData, "activationApproval"),
    };
  },
  schema: z.object({
    acknowledged: z.boolean(),
    roles: z.array(z.string().max(64)).max(40, "Choose roles from those the partner asked for.").optional(),
    endsOn: z.string().max(32, "Enter the end date as a date, for example 2027-05-30.").optional(),
    autoExtend: z.boolean().optional(),
    eligible: z.array(z.string().max(64)).max(40).optional(),
    activationApproval: z.boolean(),
  }),
  fields: ["endsOn"],
  keep: (formData) => ({
    values: {
      ...typedValues(formData, ["endsOn"]),
      ...(formData.get("rolesOffered") === "1" ? { roles: formData.getAll("roles").map(String).join(",").slice(0, 5000) } : {}),
      ...(formData.get("autoExtendOffered") === "1" ? { autoExtend: formChecked(formData, "autoExtend") ? "on" : "" } : {}),
      eligible: formData.getAll("eligible").map(String).join(",").slice(0, 5000),
      activationApproval: formChecked(formData, "activationApproval") ? "on" : "",
    },
  }),
  forbidden: FORBIDDEN,
  bound: TOKEN,
  run: ({ db, actor, input, bound: token }) => acceptInvitation(db, actor, token, input),
  then: (result) => ({
    redirect: `/admin/settings/partner-relationships?accepted=${result.relationshipId}`,
    revalidate: { path: "/admin", type: "layout" },
    emailed: !result.alreadyAccepted,
  }),
});

/** Cancel invitation, with an optional reason. */
export const declineInvitationAction = boundFormAction({
  read: (formData) => formFields(formData, ["reason"]),
  schema: z.object({ reason: safeText(z.string().trim().max(500, "Keep the reason under 500 characters."), "the reason").optional() }),
  fields: ["reason"],
  invalidMessage: "Check the reason.",
  forbidden: FORBIDDEN,
  bound: TOKEN,
  run: ({ db, actor, input, bound: token }) => declineInvitation(db, actor, token, input.reason || null),
  then: (_result, _input, token) => ({ redirect: `/admin/invitations/${token}`, emailed: true }),
});
