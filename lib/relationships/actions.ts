"use server";

import { z } from "zod";
import { buttonAction } from "@/lib/actions/pipeline";
import { formChecked, formFields } from "@/lib/forms";
import { relationshipType } from "@/db/schema";
import { isRoleId } from "@/lib/roles";
import { endGdap, removePartnerRoles, setMpsaSharing, turnOffAutoExtend } from "./service";

const LIST = "/admin/settings/partner-relationships";
const PARTNER_CUSTOMERS = "/partner/customers";

/** Every relationship button returns to the partner's page with an outcome code. */
const onRelationship = {
  page: (input: { relationshipId: string }) => `${LIST}/${encodeURIComponent(input.relationshipId)}`,
  fallbackPage: LIST,
  revalidate: LIST,
};

export const removeRolesAction = buttonAction({
  ...onRelationship,
  read: (formData) => formFields(formData, ["relationshipId", "roleId", "viaType"]),
  // One role by its id (from the one type named, or from every type), or all of them: a role id that names no role removes nothing.
  schema: z.object({ relationshipId: z.string(), roleId: z.string().refine(isRoleId).optional(), viaType: z.enum(relationshipType.enumValues).optional() }),
  run: ({ db, actor, input }) =>
    removePartnerRoles(db, actor, input.relationshipId, input.roleId ? { roleId: input.roleId, viaType: input.viaType } : undefined),
  done: (result, input) => (!result.changed ? "nothing" : result.relationshipEnded ? "relationship_ended" : input.roleId ? "role_removed" : "roles_removed"),
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

/**
 * End GDAP, from the partner's customer page (form field `relationshipId`): returns to that
 * customer's page with `done=gdap_ended` (or `nothing`), or `error=forbidden` / `error=not_found`.
 */
export const endGdapAction = buttonAction({
  read: (formData) => formFields(formData, ["relationshipId"]),
  schema: z.object({ relationshipId: z.string() }),
  page: (input) => `${PARTNER_CUSTOMERS}/${encodeURIComponent(input.relationshipId)}`,
  fallbackPage: PARTNER_CUSTOMERS,
  revalidate: PARTNER_CUSTOMERS,
  run: ({ db, actor, input }) => endGdap(db, actor, input.relationshipId),
  done: (result) => (result.changed ? "gdap_ended" : "nothing"),
  emailed: (result) => result.changed,
});
