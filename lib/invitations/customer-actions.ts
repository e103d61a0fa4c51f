"use server";

import { z } from "zod";
import { boundFormAction, formFields } from "@/lib/actions/pipeline";
import { safeText } from "@/lib/text";
import { acceptInvitation, declineInvitation } from "./acceptance";

/** The invitation's token; its form and worth are the domain's to judge. */
const TOKEN = z.string().max(200);
const FORBIDDEN = "You need to be a Global or Billing administrator of the invited organization to do this.";

/** Accept & Authorize. The token arrives bound to the action (encrypted by Next.js), never as a visible form field. */
export const acceptInvitationAction = boundFormAction({
  read: (formData) => ({ acknowledged: formData.get("acknowledge") === "on" }),
  schema: z.object({ acknowledged: z.boolean() }),
  fields: [],
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
