"use server";

import { z } from "zod";
import { buttonAction, formAction } from "@/lib/actions/pipeline";
import { formChecked, formFields, formList } from "@/lib/forms";
import { safeText } from "@/lib/text";
import { relationshipType } from "@/db/schema";
import { isRoleId } from "@/lib/roles";
import { endGdap, endRelationship, removePartnerRoles, setMpsaSharing, turnOffAutoExtend } from "./service";
import { approveChangeRequest, declineChangeRequest, extendGdap, proposeChange, requestRenewal } from "./changes";
import { deleteRoleTemplate, saveRoleTemplate } from "./templates";

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

/** End relationship (customer): every role and type with the partner; returns to its page with `done=relationship_ended`. */
export const endRelationshipAction = buttonAction({
  ...onRelationship,
  read: (formData) => formFields(formData, ["relationshipId"]),
  schema: z.object({ relationshipId: z.string() }),
  run: ({ db, actor, input }) => endRelationship(db, actor, input.relationshipId),
  done: (result) => (result.changed ? "ended" : "nothing"),
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

/* Changing granular delegated access in force: the partner's amendment and renewal request, the customer's answer and Extend. */

const ID = z.uuid("This form could not be read. Reload the page and send it again.");
const END_DATE = z.string().max(32, "Enter the end date as a date, for example 2027-05-30.").optional();
const MESSAGE = safeText(z.string().trim().max(1000, "Keep the message under 1,000 characters."), "the message")
  .optional()
  .transform((v) => v || null);

const toPartnerCustomer = (result: { relationshipId: string; code: string }) => ({
  redirect: `${PARTNER_CUSTOMERS}/${encodeURIComponent(result.relationshipId)}?done=${result.code}`,
  revalidate: PARTNER_CUSTOMERS,
  emailed: true,
});
const toPartnerDetails = (result: { relationshipId: string; code: string }) => ({
  redirect: `${LIST}/${encodeURIComponent(result.relationshipId)}?done=${result.code}`,
  revalidate: LIST,
  emailed: true,
});

/** Propose a change (partner admin agent): the roles to hold and the end; less applies at once, more is asked. */
export const proposeChangeAction = formAction({
  read: (formData) => ({ ...formFields(formData, ["relationshipId", "endsOn", "message"]), roles: formList(formData, "roles") }),
  schema: z.object({ relationshipId: ID, roles: z.array(z.string().max(64)).max(40, "Choose roles from the list."), endsOn: END_DATE, message: MESSAGE }),
  fields: ["endsOn", "message"],
  keep: (formData) => ({ values: { roles: formData.getAll("roles").map(String).join(",").slice(0, 5000) } }),
  run: ({ db, actor, input }) => proposeChange(db, actor, input),
  then: (result) => toPartnerCustomer(result),
});

/** Request renewal (partner admin agent), from 30 days before the end. */
export const requestRenewalAction = formAction({
  read: (formData) => formFields(formData, ["relationshipId", "endsOn", "message"]),
  schema: z.object({ relationshipId: ID, endsOn: END_DATE, message: MESSAGE }),
  fields: ["endsOn", "message"],
  run: ({ db, actor, input }) => requestRenewal(db, actor, input),
  then: (result) => toPartnerCustomer(result),
});

/** Approve a change request, as asked or with changes (the added roles kept ticked, the end granted). */
export const approveChangeAction = formAction({
  read: (formData) => ({
    ...formFields(formData, ["changeRequestId", "endsOn"]),
    roles: formData.get("rolesOffered") === "1" ? formList(formData, "roles") : undefined,
    eligible: formList(formData, "eligible"),
  }),
  schema: z.object({
    changeRequestId: ID,
    roles: z.array(z.string().max(64)).max(40, "Choose roles from those the partner asked for.").optional(),
    endsOn: END_DATE,
    eligible: z.array(z.string().max(64)).max(40),
  }),
  fields: ["endsOn"],
  keep: (formData) => (formData.get("rolesOffered") === "1" ? { values: { roles: formData.getAll("roles").map(String).join(",").slice(0, 5000) } } : {}),
  run: ({ db, actor, input }) => approveChangeRequest(db, actor, input),
  then: (result) => toPartnerDetails(result),
});

/** Decline a change request, with an optional reason for the partner. */
export const declineChangeAction = formAction({
  read: (formData) => formFields(formData, ["changeRequestId", "reason"]),
  schema: z.object({
    changeRequestId: ID,
    reason: safeText(z.string().trim().max(500, "Keep the reason under 500 characters."), "the reason").optional(),
  }),
  fields: ["reason"],
  run: ({ db, actor, input }) => declineChangeRequest(db, actor, input),
  then: (result) => toPartnerDetails(result),
});

/** Extend (customer), from 30 days before the end. */
export const extendGdapAction = formAction({
  read: (formData) => formFields(formData, ["relationshipId", "endsOn"]),
  schema: z.object({ relationshipId: ID, endsOn: END_DATE }),
  fields: ["endsOn"],
  run: ({ db, actor, input }) => extendGdap(db, actor, input),
  then: (result) => toPartnerDetails(result),
});

/* Role templates (partner admin agents): named sets of roles and tasks for quick invitations. */

const TEMPLATES = "/partner/templates";

export const saveRoleTemplateAction = formAction({
  read: (formData) => ({ ...formFields(formData, ["name"]), roles: formList(formData, "roles"), tasks: formList(formData, "tasks") }),
  schema: z.object({
    name: safeText(z.string().trim().min(1, "Name the template.").max(80, "Keep the name under 80 characters."), "the name"),
    roles: z.array(z.string().max(64)).max(40, "Choose roles from the list."),
    tasks: z.array(z.string().max(64)).max(40, "Choose tasks from the list."),
  }),
  fields: ["name"],
  keep: (formData) => ({ values: { roles: formData.getAll("roles").map(String).join(",").slice(0, 5000), tasks: formData.getAll("tasks").map(String).join(",").slice(0, 5000) } }),
  run: ({ db, actor, input }) => saveRoleTemplate(db, actor, input),
  then: () => ({ redirect: `${TEMPLATES}?done=saved`, revalidate: TEMPLATES }),
});

export const deleteRoleTemplateAction = buttonAction({
  read: (formData) => formFields(formData, ["templateId"]),
  schema: z.object({ templateId: z.string() }),
  page: () => TEMPLATES,
  fallbackPage: TEMPLATES,
  revalidate: TEMPLATES,
  run: ({ db, actor, input }) => deleteRoleTemplate(db, actor, input.templateId),
  done: () => "deleted",
});
