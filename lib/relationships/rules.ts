import { z } from "zod";
import { relationshipType, type RelationshipTypeRow, type RoleGrant } from "@/db/schema";
import { DAY_MS } from "@/lib/time";
import type { RelationshipSummary } from "./queries";
import { relationshipTypeName } from "./types";

const EXPIRING_WITHIN_DAYS = 30;

export type GdapStatus =
  | { kind: "none" }
  | { kind: "pending" }
  | { kind: "active"; endsAt: Date }
  | { kind: "expiring"; endsAt: Date; days: number }
  | { kind: "expired"; endsAt: Date }
  | { kind: "terminated"; at: Date };

/** GDAP status from the dates alone, so access is shown (and treated) as expired the moment it ends. */
export function gdapStatus(gdap: Pick<RelationshipTypeRow, "endsAt" | "terminatedAt"> | undefined, hasPendingInvitation: boolean, now = new Date()): GdapStatus {
  if (!gdap) return hasPendingInvitation ? { kind: "pending" } : { kind: "none" };
  if (gdap.terminatedAt) return { kind: "terminated", at: gdap.terminatedAt };
  if (!gdap.endsAt) return { kind: "none" };
  const left = gdap.endsAt.getTime() - now.getTime();
  if (left <= 0) return { kind: "expired", endsAt: gdap.endsAt };
  if (left <= EXPIRING_WITHIN_DAYS * DAY_MS) return { kind: "expiring", endsAt: gdap.endsAt, days: Math.ceil(left / DAY_MS) };
  return { kind: "active", endsAt: gdap.endsAt };
}

export function gdapStatusLabel(status: GdapStatus): string {
  switch (status.kind) {
    case "none":
      return "—";
    case "pending":
      return "Approval pending";
    case "active":
      return "Active";
    case "expiring":
      return `Expiring in ${status.days} ${status.days === 1 ? "day" : "days"}`;
    case "expired":
      return "Expired";
    case "terminated":
      return "Terminated";
  }
}

/** A grant is in force until it is ended or its expiry passes, whichever comes first. */
export function isGrantActive(grant: Pick<RoleGrant, "endedAt" | "expiresAt">, now = new Date()): boolean {
  return !grant.endedAt && (!grant.expiresAt || grant.expiresAt.getTime() > now.getTime());
}

/* The customer's Partner relationships table: search, filters, sorting, pages and the CSV export. */

const SORT_KEYS = ["partner", "types", "roles", "gdap", "agreement", "since"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const STATUS_FILTERS = ["pending", "active", "expiring", "expired", "terminated", "none"] as const;

const listQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  type: z.enum(relationshipType.enumValues).optional().catch(undefined),
  status: z.enum(STATUS_FILTERS).optional().catch(undefined),
  sort: z.enum(SORT_KEYS).catch("partner").default("partner"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

/** Rows per page of the Partner relationships table (the CSV export has them all). */
export const LIST_PAGE_SIZE = 50;

export function pageOf<T>(rows: T[], page: number): { rows: T[]; page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(rows.length / LIST_PAGE_SIZE));
  const current = Math.min(page, pageCount);
  return { rows: rows.slice((current - 1) * LIST_PAGE_SIZE, current * LIST_PAGE_SIZE), page: current, pageCount };
}

export type ListQuery = z.infer<typeof listQuerySchema>;

export function parseListQuery(params: Record<string, string | string[] | undefined>): ListQuery {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return listQuerySchema.parse({ q: first(params.q), type: first(params.type), status: first(params.status), sort: first(params.sort), dir: first(params.dir), page: first(params.page) });
}

const gdapOrder = { terminated: 0, expired: 1, expiring: 2, pending: 3, active: 4, none: 5 } as const;

function compare(a: RelationshipSummary, b: RelationshipSummary, key: SortKey): number {
  switch (key) {
    case "partner":
      return a.partnerName.localeCompare(b.partnerName);
    case "types":
      return a.types.map(relationshipTypeName).join(", ").localeCompare(b.types.map(relationshipTypeName).join(", "));
    case "roles":
      return (a.topRole?.rank ?? 0) - (b.topRole?.rank ?? 0) || a.activeRoles.length - b.activeRoles.length;
    case "gdap":
      return gdapOrder[a.gdap.kind] - gdapOrder[b.gdap.kind];
    case "agreement":
      return Number(a.agreementAccepted) - Number(b.agreementAccepted);
    case "since":
      return a.since.getTime() - b.since.getTime();
  }
}

/** Search by name, filter by type and GDAP status, sort by any column; ties fall back to the partner's name. */
export function applyListQuery(rows: RelationshipSummary[], query: ListQuery): RelationshipSummary[] {
  const q = query.q?.toLowerCase();
  const filtered = rows.filter(
    (r) => (!q || r.partnerName.toLowerCase().includes(q)) && (!query.type || r.types.includes(query.type)) && (!query.status || r.gdap.kind === query.status),
  );
  const sign = query.dir === "desc" ? -1 : 1;
  return filtered.sort((a, b) => sign * compare(a, b, query.sort) || a.partnerName.localeCompare(b.partnerName));
}

function csvCell(value: string): string {
  // Quote everything; neutralise leading formula characters so a spreadsheet never runs a cell.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function relationshipsCsv(rows: RelationshipSummary[]): string {
  const header = ["Partner", "Relationship types", "Admin roles", "Most privileged role", "GDAP status", "GDAP end date", "Customer Agreement", "Since"];
  const lines = rows.map((r) => [
    r.partnerName,
    r.types.map(relationshipTypeName).join(", "),
    String(r.activeRoles.length),
    r.topRole?.name ?? "",
    gdapStatusLabel(r.gdap),
    "endsAt" in r.gdap ? r.gdap.endsAt.toISOString().slice(0, 10) : "",
    r.agreementAccepted ? "Accepted" : "Pending",
    r.since.toISOString().slice(0, 10),
  ]);
  return [header, ...lines].map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
