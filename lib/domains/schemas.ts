import { z } from "zod";

const ENTER = "Enter a domain, like contoso.com.";
const STALE = "This page is out of date. Reload it and try again.";

/** What is wrong with a lower-cased domain without its trailing dot, in words a person can act on. */
export function domainProblem(domain: string): string | null {
  if (domain.length === 0) return ENTER;
  if (domain.includes("@")) return "Enter the domain alone, without a name and @: contoso.com, not admin@contoso.com.";
  if (/[/:]/.test(domain)) return "Enter the domain alone, without https:// or a path.";
  if (domain.length > 253) return "A domain has at most 253 characters.";
  if (!/^[a-z0-9.-]+$/.test(domain)) return "Use letters, digits, hyphens and dots only (an international name in its xn-- form).";
  const labels = domain.split(".");
  if (labels.some((label) => label.length === 0)) return "A domain can't start or end with a dot or have two dots in a row.";
  if (labels.length < 2) return "Enter the whole domain, with its ending: contoso.com.";
  if (labels.some((label) => label.length > 63)) return "Each part between dots has at most 63 characters.";
  if (labels.some((label) => label.startsWith("-") || label.endsWith("-"))) return "A part between dots can't start or end with a hyphen.";
  if (/^[0-9]+$/.test(labels.at(-1)!)) return "Enter a domain name, not an IP address.";
  return null;
}

/** A hostname as an administrator types it: trimmed, lower-cased, a final dot dropped. */
export const domainNameSchema = z
  .string({ error: ENTER })
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/\.$/, ""))
  .superRefine((value, ctx) => {
    const problem = domainProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const addDomainSchema = z.object({
  organizationId: z.uuid({ error: STALE }),
  domain: domainNameSchema,
});

/** Verify and Remove: one domain row of one organization, both ids re-validated from hidden fields. */
export const domainRefSchema = z.object({
  organizationId: z.uuid({ error: STALE }),
  domainId: z.uuid({ error: STALE }),
});

export type AddDomainInput = z.infer<typeof addDomainSchema>;
export type DomainRef = z.infer<typeof domainRefSchema>;

export const DOMAIN_FIELDS = ["domain"] as const;
