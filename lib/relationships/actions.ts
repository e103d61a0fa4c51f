"use server";

import { z } from "zod";
import { buttonAction } from "@/lib/actions/pipeline";
import { formChecked, formFields } from "@/lib/forms";
import { isRoleId } from "@/lib/roles";
import { removePartnerRoles, setMpsaSharing, turnOffAutoExtend } from "./service";

const LIST = "/admin/settings/partner-relationships";

/** Every relationship button returns to the partner's page with an outcome code. */
const onRelationship = {
  page: (input: { relationshipId: string }) => `${LIST}/${encodeURIComponent(input.relationshipId)}`,
  fallbackPage: LIST,
  revalidate: LIST,
};

export const removeRolesAction = buttonAction({
  ...onRelationship,
  read: (formData) => formFields(formData, ["relationshipId", "roleId"]),
  // One role by its id, or all of them: a role id that names no role removes nothing.
  schema: z.object({ relationshipId: z.string(), roleId: z.string().refine(isRoleId).optional() }),
  run: ({ db, actor, input }) => removePartnerRoles(db, actor, input.relationshipId, input.roleId),
  done: (result, input) => (result.changed ? (input.roleId ? "role_removed" : "roles_removed") : "nothing"),
  emailed: (result) => result.changed,
});

export const turnOffAutoExtendAction = buttonAction({
  ...onRelationship,
  read: (formData) => formFields(formData, ["relationshipId"]),
  schema: z.object({ relationshipId: z.string() }),
  run: ({ db, actor, input }) => turnOffAutoExtend(db, actor, input.relationshipId),
  done: (result) => (result.changed ? "auto_extend_off" : "nothing"),
  emailed: (result) => result.changed,
});

export const setMpsaSharingAction = buttonAction({
  ...onRelationship,
  read: (formData) => ({ ...formFields(formData, ["relationshipId"]), allowed: formChecked(formData, "allowed") }),
  schema: z.object({ relationshipId: z.string(), allowed: z.boolean() }),
  run: ({ db, actor, input }) => setMpsaSharing(db, actor, input.relationshipId, input.allowed),
  done: (result, input) => (result.changed ? (input.allowed ? "mpsa_on" : "mpsa_off") : "nothing"),
  emailed: (result) => result.changed,
});
