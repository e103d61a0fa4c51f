import { z } from "zod";
import { relationshipType, type RelationshipType, type RelationshipTypeRow, type RoleGrant } from "@/db/schema";
import { formatDate } from "@/lib/format";
import { getRole } from "@/lib/roles";
import { csvLine } from "@/lib/csv";
import { DAY_MS } from "@/lib/time";
import type { RelationshipSummary } from "./queries";
import { RELATIONSHIP_TYPES, ROLE_CARRYING_TYPES, relationshipTypeName } from "./types";

/** GDAP access counts as expiring this many days before its end. */
export const EXPIRING_WITHIN_DAYS = 30;

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

/** A type is in force until it is terminated, or (GDAP) its end passes. */
export function isTypeInForce(type: Pick<RelationshipTypeRow, "type" | "endsAt" | "terminatedAt">, now = new Date()): boolean {
  return !type.terminatedAt && !(type.type === "gdap" && type.endsAt && type.endsAt.getTime() <= now.getTime());
}

/** A grant is in force until it is ended or its expiry passes, whichever comes first. */
export function isGrantActive(grant: Pick<RoleGrant, "endedAt" | "expiresAt">, now = new Date()): boolean {
  return !grant.endedAt && (!grant.expiresAt || grant.expiresAt.getTime() > now.getTime());
}

/* The customer's Partner relationships table: search, filters, sorting, pages and the CSV export. */

const SORT_KEYS = ["partner", "types", "roles", "gdap", "agreement", "since"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const STATUS_FILTERS = ["pending", "active", "expiring", "expired", "terminated", "none"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

const listQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  type: z.enum(relationshipType.enumValues).optional().catch(undefined),
  status: z.enum(STATUS_FILTERS).optional().catch(undefined),
  sort: z.enum(SORT_KEYS).catch("partner").default("partner"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

/** Rows per page of the Partner relationships and Customers tables (the CSV export has them all). */
export const LIST_PAGE_SIZE = 50;

export type ListQuery = z.infer<typeof listQuerySchema>;

export function parseListQuery(params: Record<string, string | string[] | undefined>): ListQuery {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return listQuerySchema.parse({ q: first(params.q), type: first(params.type), status: first(params.status), sort: first(params.sort), dir: first(params.dir), page: first(params.page) });
}

/* The partner's Customers table: search, filters, sorting and pages. */

const PARTNER_SORT_KEYS = ["customer", "gdap", "since"] as const;
export type PartnerSortKey = (typeof PARTNER_SORT_KEYS)[number];
/** A partner sees no "Approval pending" here: its invitations have their own list. */
export const PARTNER_STATUS_FILTERS = ["active", "expiring", "expired", "terminated", "none"] as const;

const partnerCustomersQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  type: z.enum(relationshipType.enumValues).optional().catch(undefined),
  status: z.enum(PARTNER_STATUS_FILTERS).optional().catch(undefined),
  sort: z.enum(PARTNER_SORT_KEYS).catch("customer").default("customer"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type PartnerCustomersQuery = z.infer<typeof partnerCustomersQuerySchema>;

export function parsePartnerCustomersQuery(params: Record<string, string | string[] | undefined>): PartnerCustomersQuery {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return partnerCustomersQuerySchema.parse({ q: first(params.q), type: first(params.type), status: first(params.status), sort: first(params.sort), dir: first(params.dir), page: first(params.page) });
}

export const RELATIONSHIPS_CSV_HEADER = ["Partner", "Relationship types", "Admin roles", "Most privileged role", "GDAP status", "GDAP end date", "Customer Agreement", "Since"];

/** One row of the Partner relationships export, as its cells. */
export function relationshipCsvCells(r: RelationshipSummary): string[] {
  return [
    r.partnerName,
    r.types.map(relationshipTypeName).join(", "),
    String(r.activeRoles.length),
    r.topRole?.name ?? "",
    gdapStatusLabel(r.gdap),
    "endsAt" in r.gdap ? r.gdap.endsAt.toISOString().slice(0, 10) : "",
    r.agreementAccepted ? "Accepted" : "Pending",
    r.since.toISOString().slice(0, 10),
  ];
}

export function relationshipsCsv(rows: RelationshipSummary[]): string {
  return [RELATIONSHIPS_CSV_HEADER, ...rows.map(relationshipCsvCells)].map(csvLine).join("");
}

/* What Remove roles ends: one pure rule, shown on the confirmation and followed by the service. */

/** A role grant in force, by the type that carries it. */
export interface GrantInForce {
  roleId: string;
  viaType: RelationshipType;
}

/** Which grants a removal takes: every one, or one role (from one type, or from every type that grants it). */
export interface RemovalTarget {
  roleId: string;
  viaType?: RelationshipType;
}

export interface RemovalPlan {
  /** The grants that end, in the order given. */
  removing: GrantInForce[];
  /** Types in force that end with their last role. */
  ending: RelationshipType[];
  /** Types the relationship gains (a Reseller & delegated administrator remains a Reseller). */
  added: RelationshipType[];
  /** The types in force afterwards, in the catalog's order. */
  remaining: RelationshipType[];
  /** No type is left: the relationship ends (it shows as Terminated). */
  relationshipEnds: boolean;
}

/**
 * What a removal does: the grants it takes, the role-carrying types that end because none of
 * their roles is left (including one whose roles already lapsed), the Reseller a Reseller &
 * delegated administrator becomes, and whether any type remains. `liveTypes` are the types in
 * force; `inForce` the grants in force.
 */
export function planRoleRemoval(liveTypes: readonly RelationshipType[], inForce: readonly GrantInForce[], target?: RemovalTarget): RemovalPlan {
  const removing = target ? inForce.filter((g) => g.roleId === target.roleId && (!target.viaType || g.viaType === target.viaType)) : [...inForce];
  if (removing.length === 0) return { removing, ending: [], added: [], remaining: sortTypes(liveTypes), relationshipEnds: liveTypes.length === 0 };
  const left = inForce.filter((g) => !removing.includes(g));
  const ending = liveTypes.filter((t) => ROLE_CARRYING_TYPES.includes(t) && !left.some((g) => g.viaType === t));
  const kept = new Set(liveTypes.filter((t) => !ending.includes(t)));
  const added: RelationshipType[] = [];
  if (ending.includes("reseller_delegated_admin") && !kept.has("reseller")) {
    added.push("reseller");
    kept.add("reseller");
  }
  const remaining = sortTypes([...kept]);
  return { removing, ending: sortTypes(ending), added, remaining, relationshipEnds: remaining.length === 0 };
}

function sortTypes(types: readonly RelationshipType[]): RelationshipType[] {
  const order = RELATIONSHIP_TYPES.map((t) => t.id);
  return [...new Set(types)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** The sentences a confirmation shows for a plan, naming each type that ends and what stays. */
export function describeRemovalPlan(plan: RemovalPlan, partnerName: string): { ends: string[]; stays: string } {
  const ends = plan.ending.map((t) =>
    t === "reseller_delegated_admin" && plan.added.includes("reseller")
      ? `The ${relationshipTypeName(t)} relationship ends; ${partnerName} stays your Reseller.`
      : `The ${relationshipTypeName(t)} relationship ends.`,
  );
  const stays = plan.relationshipEnds
    ? `The relationship with ${partnerName} ends: no relationship type is left. To work together again, ${partnerName} sends a new invitation.`
    : `The relationship stays: ${partnerName} remains your ${joinNames(plan.remaining.map(relationshipTypeName))}.${
        plan.remaining.some((t) => !ROLE_CARRYING_TYPES.includes(t)) ? ` To end ${plan.remaining.length === 1 ? "that" : "those"} too, contact ${partnerName}.` : ""
      }`;
  return { ends, stays };
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** What a Remove roles confirmation shows: each grant that ends (role, the type granting it, until when), each type that ends, what stays. */
export interface RemovalSummary {
  removing: { role: string; type: string; until: string | null }[];
  ends: string[];
  stays: string;
  relationshipEnds: boolean;
}

/**
 * The confirmation for a removal, from the relationship's type and grant rows as read: the same
 * plan the service follows (planRoleRemoval), in words.
 */
export function removalSummary(
  types: readonly Pick<RelationshipTypeRow, "type" | "endsAt" | "terminatedAt">[],
  grants: readonly Pick<RoleGrant, "roleId" | "viaType" | "endedAt" | "expiresAt">[],
  partnerName: string,
  target?: RemovalTarget,
  now = new Date(),
): RemovalSummary {
  const live = grants.filter((g) => isGrantActive(g, now));
  const plan = planRoleRemoval(
    types.filter((t) => isTypeInForce(t, now)).map((t) => t.type),
    live,
    target,
  );
  const removing = (plan.removing as typeof live)
    .map((g) => ({ role: getRole(g.roleId), type: relationshipTypeName(g.viaType), until: g.expiresAt ? formatDate(g.expiresAt) : null }))
    .sort((a, b) => b.role.rank - a.role.rank || a.type.localeCompare(b.type))
    .map((g) => ({ ...g, role: g.role.name }));
  return { removing, ...describeRemovalPlan(plan, partnerName), relationshipEnds: plan.relationshipEnds };
}
