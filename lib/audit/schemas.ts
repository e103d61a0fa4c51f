import { z } from "zod";
import { relationshipType, type RelationshipType } from "@/db/schema";

/**
 * The Activity pages' filters, read from the address (a GET form): relationship type, what kind of
 * thing happened, a date range (whole UTC days, both ends included) and the page. A value that names
 * nothing is dropped; a malformed date or a range that ends before it starts is reported on its field
 * and filters nothing.
 */

/** What happened, by the first word of the audited action. */
export const ACTIVITY_KINDS = {
  invitations: { label: "Invitations", prefixes: ["invitation.", "template."] },
  access: { label: "Admin roles and access", prefixes: ["roles.", "gdap.", "relationship.", "change_request."] },
  agreement: { label: "Customer Agreement", prefixes: ["agreement."] },
  requests: { label: "Customer requests", prefixes: ["contact_request."] },
  settings: { label: "Settings, domains and users", prefixes: ["mpsa.", "domain.", "organization.", "member."] },
} as const satisfies Record<string, { label: string; prefixes: readonly string[] }>;

export type ActivityKind = keyof typeof ACTIVITY_KINDS;

/** The kinds each side's log can hold: customers get no requests, partners no domains. */
export const KINDS_BY_SIDE: Record<"customer" | "partner", readonly ActivityKind[]> = {
  customer: ["invitations", "access", "agreement", "settings"],
  partner: ["invitations", "access", "requests"],
};

export const ACTIVITY_PAGE_SIZE = 25;

export interface ActivityQuery {
  type?: RelationshipType;
  kind?: ActivityKind;
  /** Inclusive, as YYYY-MM-DD. */
  from?: string;
  to?: string;
  page: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && date.getUTCFullYear() >= 2000 && date.getUTCFullYear() <= 2999;
}

const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

/** The filters from the page's query, with a message per field that could not be used. */
export function parseActivityQuery(params: Record<string, string | string[] | undefined>, side: "customer" | "partner"): { query: ActivityQuery; errors: Partial<Record<"from" | "to", string>> } {
  const first = (v: string | string[] | undefined) => (typeof v === "string" ? v.trim() : undefined) || undefined;
  const errors: Partial<Record<"from" | "to", string>> = {};
  const type = relationshipType.enumValues.find((t) => t === first(params.type));
  const kind = KINDS_BY_SIDE[side].find((k) => k === first(params.kind));
  let from = first(params.from);
  let to = first(params.to);
  if (from && !isRealDate(from)) {
    errors.from = "Enter the start date as a date, like 2026-01-31.";
    from = undefined;
  }
  if (to && !isRealDate(to)) {
    errors.to = "Enter the end date as a date, like 2026-01-31.";
    to = undefined;
  }
  if (from && to && to < from) {
    errors.to = "The end date must be on or after the start date.";
    to = undefined;
  }
  return { query: { type, kind, from, to, page: pageSchema.parse(first(params.page) ?? 1) }, errors };
}

/** The query string of these filters (page 1 and empty filters left out), for links, paging and the export. */
export function activitySearch(query: Omit<ActivityQuery, "page"> & { page?: number }): string {
  const params = new URLSearchParams();
  if (query.type) params.set("type", query.type);
  if (query.kind) params.set("kind", query.kind);
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}
