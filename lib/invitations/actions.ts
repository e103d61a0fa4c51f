"use server";

import { buttonAction, formAction, formFields } from "@/lib/actions/pipeline";
import { z } from "zod";
import { typedValues } from "@/lib/forms";
import { INVITATION_FIELDS, invitationFromForm, invitationSchema, type InvitationFormState } from "./schemas";
import { cancelInvitation, createInvitation, resendInvitation } from "./service";

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
