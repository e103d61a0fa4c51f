"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/pipeline";
import { formFields, formList } from "@/lib/forms";
import { emailAddress, safeText } from "@/lib/text";
import { inviteMember, setMemberRoles } from "./service";

const USERS = "/admin/settings/users";
const ROLES = z.array(z.string().max(64)).max(40, "Choose roles from the list.");

/** Invite a colleague: their email, an optional name, the roles they start with. */
export const inviteMemberAction = formAction({
  read: (formData) => ({ ...formFields(formData, ["email", "name"]), roles: formList(formData, "roles") }),
  schema: z.object({
    email: emailAddress({ missing: "Enter your colleague's email.", example: "Enter an email address like megan@contoso.com." }),
    name: safeText(z.string().trim().max(100, "Keep the name under 100 characters."), "the name").optional(),
    roles: ROLES,
  }),
  fields: ["email", "name"],
  keep: (formData) => ({ values: { roles: formData.getAll("roles").map(String).join(",").slice(0, 5000) } }),
  run: ({ db, actor, input }) => inviteMember(db, actor, input),
  then: () => ({ redirect: `${USERS}?done=invited`, revalidate: USERS, emailed: true }),
});

/** Save a member's roles (the checkboxes of their row). */
export const setMemberRolesAction = formAction({
  read: (formData) => ({ ...formFields(formData, ["membershipId"]), roles: formList(formData, "roles") }),
  schema: z.object({ membershipId: z.uuid("This form could not be read. Reload the page and send it again."), roles: ROLES }),
  fields: [],
  keep: (formData) => ({ values: { roles: formData.getAll("roles").map(String).join(",").slice(0, 5000) } }),
  run: ({ db, actor, input }) => setMemberRoles(db, actor, input),
  then: (result) => ({ redirect: `${USERS}?done=${result.code}`, revalidate: USERS }),
});
