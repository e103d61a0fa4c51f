import { z } from "zod";
import { relationshipType } from "@/db/schema";
import { relationshipTypeName } from "./types";
import type { RelationshipSummary } from "./queries";
import { gdapStatusLabel } from "./status";

export const SORT_KEYS = ["partner", "types", "roles", "gdap", "agreement", "since"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const STATUS_FILTERS = ["pending", "active", "expiring", "expired", "terminated", "none"] as const;

export const listQuerySchema = z.object({
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
