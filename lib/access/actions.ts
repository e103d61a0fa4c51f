"use server";

import { z } from "zod";
import { buttonAction, formAction } from "@/lib/actions/pipeline";
import { formFields, formList, type FormState } from "@/lib/forms";
import { roleNamesByPrivilege } from "@/lib/roles";
import { emailAddress, safeText } from "@/lib/text";
import { assignAccess, createGroup, invitePartnerPerson, removeAssignment, setGroupMember, setPersonActive, setPersonBlocked } from "./service";
import { tokenRequestSchema } from "./schemas";
import { issueToken } from "./tokens";
import { activateRole, decideActivation, revokeActivation } from "./jit";

const TEAM = "/partner/team";
const CUSTOMERS = "/partner/customers";
const PARTNERS = "/admin/settings/partner-relationships";
const ID = z.string().max(100);

/** The form's state after Get a token: the token itself, shown once. */
export interface TokenFormState extends FormState {
  token?: string;
  expiresAt?: string;
  roles?: string[];
}

export const invitePartnerPersonAction = formAction({
  read: (formData) => ({ ...formFields(formData, ["email", "name"]), roles: formList(formData, "roles") }),
  schema: z.object({
    email: emailAddress({ missing: "Enter the person's email.", example: "Enter an email address like patti@fabrikam.com." }),
    name: safeText(z.string().trim().max(100, "Keep the name under 100 characters."), "the name").optional(),
    roles: z.array(z.string().max(40)).max(10, "Choose roles from the list."),
  }),
  fields: ["email", "name"],
  run: ({ db, actor, input }) => invitePartnerPerson(db, actor, input),
  then: () => ({ redirect: `${TEAM}?done=person_added`, revalidate: TEAM, emailed: true }),
});

export const setPersonActiveAction = buttonAction({
  read: (formData) => ({ ...formFields(formData, ["membershipId"]), active: formData.get("active") === "1" }),
  schema: z.object({ membershipId: ID, active: z.boolean() }),
  page: () => TEAM,
  fallbackPage: TEAM,
  revalidate: TEAM,
  run: ({ db, actor, input }) => setPersonActive(db, actor, input),
  done: (result) => result.code,
});

export const createGroupAction = formAction({
  read: (formData) => formFields(formData, ["name"]),
  schema: z.object({ name: safeText(z.string().trim().min(1, "Name the group.").max(80, "Keep the name under 80 characters."), "the name") }),
  fields: ["name"],
  run: ({ db, actor, input }) => createGroup(db, actor, input),
  then: () => ({ redirect: `${TEAM}?done=group_created`, revalidate: TEAM }),
});

export const setGroupMemberAction = buttonAction({
  read: (formData) => ({ ...formFields(formData, ["groupId", "userId"]), member: formData.get("member") === "1" }),
  schema: z.object({ groupId: ID, userId: ID, member: z.boolean() }),
  page: () => TEAM,
  fallbackPage: TEAM,
  revalidate: TEAM,
  run: ({ db, actor, input }) => setGroupMember(db, actor, input),
  done: (result) => result.code,
});

export const assignAccessAction = formAction({
  read: (formData) => ({ ...formFields(formData, ["relationshipId", "groupId"]), roles: formList(formData, "roles") }),
  schema: z.object({ relationshipId: ID, groupId: z.string({ error: "Choose a group." }).max(100), roles: z.array(z.string().max(64)).max(40, "Choose roles from the list.") }),
  fields: [],
  run: ({ db, actor, input }) => assignAccess(db, actor, input),
  then: (_result, input) => ({ redirect: `${CUSTOMERS}/${encodeURIComponent(input.relationshipId)}?done=assigned`, revalidate: CUSTOMERS }),
});

export const removeAssignmentAction = buttonAction({
  read: (formData) => formFields(formData, ["assignmentId", "relationshipId"]),
  schema: z.object({ assignmentId: ID, relationshipId: ID }),
  page: (input) => `${CUSTOMERS}/${encodeURIComponent(input.relationshipId)}`,
  fallbackPage: CUSTOMERS,
  revalidate: CUSTOMERS,
  run: ({ db, actor, input }) => removeAssignment(db, actor, input),
  done: (result) => result.code,
});

/** Get a token (a technician, for one customer): shown once on the page, never sent anywhere else. */
export const requestTokenAction = formAction({
  read: (formData) => formFields(formData, ["relationshipId", "reason"]),
  schema: tokenRequestSchema,
  fields: ["reason"],
  run: ({ db, actor, input }) => issueToken(db, actor, input),
  then: (result): { stay: Partial<TokenFormState> } => ({ stay: { token: result.token, expiresAt: result.expiresAt.toISOString(), roles: roleNamesByPrivilege(result.roles) } }),
});

/** Block or unblock one of a partner's people, from the partner's details page. */
export const setPersonBlockedAction = buttonAction({
  read: (formData) => ({ ...formFields(formData, ["relationshipId", "userId"]), blocked: formData.get("blocked") === "1" }),
  schema: z.object({ relationshipId: ID, userId: ID, blocked: z.boolean() }),
  page: (input) => `${PARTNERS}/${encodeURIComponent(input.relationshipId)}`,
  fallbackPage: PARTNERS,
  revalidate: PARTNERS,
  run: ({ db, actor, input }) => setPersonBlocked(db, actor, input),
  done: (result) => result.code,
});

/** Activate a just-in-time role (a partner person): 1–8 hours, with a justification. */
export const activateRoleAction = formAction({
  read: (formData) => formFields(formData, ["relationshipId", "roleId", "hours", "justification"]),
  schema: z.object({
    relationshipId: ID,
    roleId: z.string({ error: "Choose a role." }).max(64),
    hours: z.coerce.number({ error: "Choose from 1 to 8 hours." }).int("Choose whole hours."),
    justification: safeText(z.string().trim().min(1, "Say why you need the role.").max(200, "Keep it under 200 characters."), "the justification"),
  }),
  fields: ["hours", "justification"],
  run: ({ db, actor, input }) => activateRole(db, actor, input),
  then: (result) => ({ redirect: `${CUSTOMERS}/${encodeURIComponent(result.relationshipId)}?done=${result.code}`, revalidate: CUSTOMERS, emailed: true }),
});

/** Approve or deny a pending activation (the customer). */
export const decideActivationAction = buttonAction({
  read: (formData) => ({ ...formFields(formData, ["activationId", "relationshipId"]), approve: formData.get("approve") === "1" }),
  schema: z.object({ activationId: ID, relationshipId: ID, approve: z.boolean() }),
  page: (input) => `${PARTNERS}/${encodeURIComponent(input.relationshipId)}`,
  fallbackPage: PARTNERS,
  revalidate: PARTNERS,
  run: ({ db, actor, input }) => decideActivation(db, actor, input),
  done: (result) => result.code,
  emailed: () => true,
});

/** Revoke an activation now (the customer). */
export const revokeActivationAction = buttonAction({
  read: (formData) => formFields(formData, ["activationId", "relationshipId"]),
  schema: z.object({ activationId: ID, relationshipId: ID }),
  page: (input) => `${PARTNERS}/${encodeURIComponent(input.relationshipId)}`,
  fallbackPage: PARTNERS,
  revalidate: PARTNERS,
  run: ({ db, actor, input }) => revokeActivation(db, actor, input),
  done: (result) => result.code,
});
