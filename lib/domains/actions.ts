"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { AuthorizationError, getActor } from "@/lib/authz";
import { fieldErrors, invalid, refused, type FormState } from "@/lib/forms";
import { addDomainSchema, domainFormValues, DOMAIN_FIELDS, domainRefSchema } from "./schemas";
import { addDomain, removeDomain, verifyDomain, type DomainResult } from "./service";

const PAGE = "/admin/settings/domains";
const FORBIDDEN: FormState = { ok: false, message: "Only a Global administrator of your organization can manage its domains." };
const STALE: FormState = { ok: false, message: "This page is out of date. Reload it and try again." };

/** Runs a domain change; success returns to the page with an outcome and the domain's id (never free text in the URL). */
async function run(formData: FormData, change: () => Promise<DomainResult>, outcome: (result: Extract<DomainResult, { ok: true }>) => string): Promise<FormState> {
  let result: DomainResult;
  try {
    result = await change();
  } catch (error) {
    if (error instanceof AuthorizationError) return { ...FORBIDDEN, submittedAt: Date.now() };
    throw error;
  }
  if (!result.ok) return refused(result.message, result.fieldErrors, formData, DOMAIN_FIELDS);
  revalidatePath(PAGE);
  redirect(`${PAGE}?${outcome(result)}`);
}

export async function addDomainAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = addDomainSchema.safeParse(domainFormValues(formData));
  if (!parsed.success) {
    // The organization travels in a hidden field: a bad one is a stale or forged page, not a typing mistake.
    if (fieldErrors(parsed.error).organizationId) return { ...STALE, submittedAt: Date.now() };
    return invalid(parsed.error, formData, DOMAIN_FIELDS);
  }
  return run(formData, async () => addDomain(await getDb(), await getActor(), parsed.data), (r) => `added=${r.domainId}`);
}

export async function verifyDomainAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = domainRefSchema.safeParse(domainFormValues(formData));
  if (!parsed.success) return { ...STALE, submittedAt: Date.now() };
  return run(formData, async () => verifyDomain(await getDb(), await getActor(), parsed.data), (r) => `verified=${r.domainId}`);
}

export async function removeDomainAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = domainRefSchema.safeParse(domainFormValues(formData));
  if (!parsed.success) return { ...STALE, submittedAt: Date.now() };
  return run(formData, async () => removeDomain(await getDb(), await getActor(), parsed.data), () => "removed=1");
}
