"use server";

import { formAction } from "@/lib/actions/pipeline";
import { formFields } from "@/lib/forms";
import { addDomainSchema, DOMAIN_FIELDS, domainRefSchema } from "./schemas";
import { addDomain, removeDomain, verifyDomain } from "./service";

const PAGE = "/admin/settings/domains";
const FORBIDDEN = "Only a Global administrator of your organization can manage its domains.";
// The organization and domain travel in hidden fields: a bad one is a stale or forged page, not a typing mistake.
const STALE = "This page is out of date. Reload it and try again.";
/** Every domain form: the organization, and the domain typed (Add) or the row chosen (Verify, Remove). */
const read = (formData: FormData) => formFields(formData, ["organizationId", "domain", "domainId"]);

/** Add a domain: success returns to the page with the new domain's id (never free text in the address). */
export const addDomainAction = formAction({
  read,
  schema: addDomainSchema,
  fields: DOMAIN_FIELDS,
  invalidMessage: (errors) => (errors.organizationId ? STALE : "Check the highlighted fields and try again."),
  forbidden: FORBIDDEN,
  run: ({ db, actor, input }) => addDomain(db, actor, input),
  then: (result) => ({ redirect: `${PAGE}?added=${result.domainId}`, revalidate: PAGE }),
});

export const verifyDomainAction = formAction({
  read,
  schema: domainRefSchema,
  fields: DOMAIN_FIELDS,
  invalidMessage: STALE,
  forbidden: FORBIDDEN,
  run: ({ db, actor, input }) => verifyDomain(db, actor, input),
  then: (result) => ({ redirect: `${PAGE}?verified=${result.domainId}`, revalidate: PAGE }),
});

export const removeDomainAction = formAction({
  read,
  schema: domainRefSchema,
  fields: DOMAIN_FIELDS,
  invalidMessage: STALE,
  forbidden: FORBIDDEN,
  run: ({ db, actor, input }) => removeDomain(db, actor, input),
  then: () => ({ redirect: `${PAGE}?removed=1`, revalidate: PAGE }),
});
