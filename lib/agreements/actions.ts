"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/pipeline";
import { formChecked, formFields } from "@/lib/forms";
import { acceptAgreement } from "./service";

/** Accept (the agreement alone), for the organization named in the form; the domain checks the person may. */
export const acceptAgreementAction = formAction({
  read: (formData) => ({ ...formFields(formData, ["organizationId"]), acknowledged: formChecked(formData, "acknowledge") }),
  schema: z.object({ organizationId: z.string().max(100), acknowledged: z.boolean() }),
  fields: [],
  forbidden: "You need to be a Global, Billing or Partner relationship administrator of this organization to do this.",
  run: ({ db, actor, input }) => acceptAgreement(db, actor, input.organizationId, { acknowledged: input.acknowledged }),
  then: () => ({ redirect: "/admin/settings/partner-relationships?agreement=accepted", revalidate: { path: "/admin", type: "layout" } }),
});
